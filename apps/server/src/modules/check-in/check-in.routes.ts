import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { keyPersonsService } from '../key-persons/key-persons.service.js';
import {
  checkInLinkSchema,
  checkInStateSchema,
  idParams,
  selfCheckBody,
  selfCheckResult,
  tokenParams,
} from './check-in.schemas.js';
import { checkInService } from './check-in.service.js';

export const checkInRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = checkInService(db, now, keyPersonsService(db, now));
  const tags = ['healthChecks'];

  app.post(
    '/api/v1/key-persons/:id/check-in-links',
    {
      config: { access: 'healthChecks.record', audit: 'keyPerson.checkInLink' },
      schema: {
        tags,
        summary: "A self check-in link for the key person's phone (the token is shown once)",
        params: idParams,
        response: { 201: checkInLinkSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createLink(actorOf(request), request.params.id)),
  );

  // Public by design: the unguessable token is the authorisation, and only its hash is stored.
  app.get(
    '/api/public/check-in/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Today's slots of the self check-in link's key person",
        params: tokenParams,
        response: { 200: checkInStateSchema },
        security: [],
      },
    },
    (request) => service.state(request.params.token),
  );

  app.post(
    '/api/public/check-in/:token',
    {
      config: { access: 'public', audit: 'healthCheck.record' },
      schema: {
        tags,
        summary: 'Self check-in: temperature and symptoms for the slot open now',
        params: tokenParams,
        body: selfCheckBody,
        response: { 201: selfCheckResult },
        security: [],
      },
    },
    async (request, reply) => reply.status(201).send(await service.record(request.params.token, request.body)),
  );
};
