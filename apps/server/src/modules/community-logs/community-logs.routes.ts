import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  createDisinfectionBody,
  createPublicityBody,
  disinfectionPage,
  disinfectionSchema,
  listDisinfectionsQuery,
  listPublicityQuery,
  publicityPage,
  publicitySchema,
} from './community-logs.schemas.js';
import { communityLogsService } from './community-logs.service.js';

export const communityLogsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = communityLogsService(db, now);

  app.get(
    '/api/v1/disinfections',
    {
      config: { access: 'measures.read' },
      schema: {
        tags: ['disinfections'],
        summary: '消杀 sessions in scope, newest first, with their total area',
        querystring: listDisinfectionsQuery,
        response: { 200: disinfectionPage },
      },
    },
    (request) => service.listDisinfections(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/disinfections',
    {
      config: { access: 'measures.record', audit: 'disinfection.create' },
      schema: {
        tags: ['disinfections'],
        summary: 'Record a disinfection session (its id may come from the client)',
        body: createDisinfectionBody,
        response: { 200: disinfectionSchema },
      },
    },
    (request) => service.createDisinfection(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/publicity',
    {
      config: { access: 'measures.read' },
      schema: {
        tags: ['publicity'],
        summary: '宣传 records in scope by day and kind, with broadcast hours and persons reached',
        querystring: listPublicityQuery,
        response: { 200: publicityPage },
      },
    },
    (request) => service.listPublicity(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/publicity',
    {
      config: { access: 'measures.record', audit: 'publicity.create' },
      schema: {
        tags: ['publicity'],
        summary: 'Record what a village put out on a day; its broadcasts add up to 24 hours at most',
        body: createPublicityBody,
        response: { 200: publicitySchema },
      },
    },
    (request) => service.createPublicity(actorOf(request), request.body),
  );
};
