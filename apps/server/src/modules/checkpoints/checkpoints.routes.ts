import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  checkpointIdParams,
  checkpointPage,
  checkpointSchema,
  createCheckpointBody,
  listCheckpointsQuery,
  updateCheckpointBody,
} from './checkpoints.schemas.js';
import { checkpointsService } from './checkpoints.service.js';

export const checkpointsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const service = checkpointsService(db, now);

  app.get(
    '/api/v1/checkpoints',
    {
      config: { access: 'checkpoints.read' },
      schema: {
        tags: ['checkpoints'],
        summary: 'Checkpoints in scope, with who is on duty now',
        querystring: listCheckpointsQuery,
        response: { 200: checkpointPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/checkpoints/:id',
    {
      config: { access: 'checkpoints.read' },
      schema: {
        tags: ['checkpoints'],
        summary: 'One checkpoint',
        params: checkpointIdParams,
        response: { 200: checkpointSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/checkpoints',
    {
      config: { access: 'checkpoints.manage', audit: 'checkpoint.create' },
      schema: {
        tags: ['checkpoints'],
        summary: 'Set up a checkpoint in a township or village (idempotent by id)',
        body: createCheckpointBody,
        response: { 200: checkpointSchema, 201: checkpointSchema },
      },
    },
    async (request, reply) => {
      const { checkpoint, created } = await service.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(checkpoint);
    },
  );

  app.patch(
    '/api/v1/checkpoints/:id',
    {
      config: { access: 'checkpoints.manage', audit: 'checkpoint.update' },
      schema: {
        tags: ['checkpoints'],
        summary: 'Rename, open or close a checkpoint, change its facilities',
        params: checkpointIdParams,
        body: updateCheckpointBody,
        response: { 200: checkpointSchema },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );
};
