import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  createDispatchBody,
  dispatchPage,
  dispatchSchema,
  followUpBody,
  idParams,
  listDispatchesQuery,
  replyBody,
} from './dispatches.schemas.js';
import { dispatchesService } from './dispatches.service.js';

export const dispatchesRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = dispatchesService(db, now);
  const tags = ['dispatches'];

  app.get(
    '/api/v1/dispatches',
    {
      config: { access: 'dispatches.reply' },
      schema: {
        tags,
        summary:
          "Tasks handed to the caller's region and its units (inbox) or sent from it (outbox), overdue ones flagged",
        querystring: listDispatchesQuery,
        response: { 200: dispatchPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/dispatches',
    {
      config: { access: 'dispatches.send', audit: 'dispatch.create' },
      schema: {
        tags,
        summary: 'Hand a task down to a working group or a region, with a deadline',
        body: createDispatchBody,
        response: { 200: dispatchSchema },
      },
    },
    (request) => service.create(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/dispatches/:id/reply',
    {
      config: { access: 'dispatches.reply', audit: 'dispatch.reply' },
      schema: {
        tags,
        summary: 'The receiver reports what was done',
        params: idParams,
        body: replyBody,
        response: { 200: dispatchSchema },
      },
    },
    (request) => service.reply(actorOf(request), request.params.id, request.body.reply),
  );

  app.post(
    '/api/v1/dispatches/:id/follow-up',
    {
      config: { access: 'dispatches.send', audit: 'dispatch.followUp' },
      schema: {
        tags,
        summary: 'The sender closes the task, or returns it when the reply is not enough',
        params: idParams,
        body: followUpBody,
        response: { 200: dispatchSchema },
      },
    },
    (request) => service.followUp(actorOf(request), request.params.id, request.body.action),
  );
};
