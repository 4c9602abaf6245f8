import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@fangkong/domain';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { createGatheringBody, gatheringPage, gatheringSchema, listGatheringsQuery } from './gatherings.schemas.js';
import { gatheringsService } from './gatherings.service.js';

export const gatheringsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = gatheringsService(db, now);
  const tags = ['gatherings'];

  app.get(
    '/api/v1/gatherings',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary: '聚集性活动 in scope, newest settled first, with the stopped count and tables and persons cancelled',
        querystring: listGatheringsQuery,
        response: { 200: gatheringPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/gatherings/:id',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary: 'One gathering',
        params: z.object({ id: uuidSchema }),
        response: { 200: gatheringSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/gatherings',
    {
      config: { access: 'measures.record', audit: 'gathering.create' },
      schema: {
        tags,
        summary:
          'Record a wedding, funeral, banquet, market day or temple fair and its outcome (its id may come from the client)',
        body: createGatheringBody,
        response: { 200: gatheringSchema },
      },
    },
    (request) => service.create(actorOf(request), request.body),
  );
};
