import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { holdPage, listHoldsQuery, occupantParams, placeHoldBody } from './checkpoint-holds.schemas.js';
import { checkpointHoldsService } from './checkpoint-holds.service.js';

export const checkpointHoldsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const service = checkpointHoldsService(db, now);

  app.get(
    '/api/v1/checkpoint-holds',
    {
      config: { access: 'checkpointEntries.read' },
      schema: {
        tags: ['checkpoints'],
        summary: '留验: the people checkpoints held, pending placement, placed, or handed over (masked)',
        querystring: listHoldsQuery,
        response: { 200: holdPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/checkpoint-holds/:occupantId/placement',
    {
      config: { access: 'keyPersons.manage', audit: 'checkpointHold.place' },
      schema: {
        tags: ['checkpoints'],
        summary:
          'Place a held person in a bed of an observation site: opens their central-isolation file and verifies their lead (a replay changes nothing)',
        params: occupantParams,
        body: placeHoldBody,
        response: { 200: z.object({ keyPersonId: z.uuid(), created: z.boolean() }).meta({ id: 'HoldPlaced' }) },
      },
    },
    (request) => service.place(actorOf(request), request.params.occupantId, request.body),
  );
};
