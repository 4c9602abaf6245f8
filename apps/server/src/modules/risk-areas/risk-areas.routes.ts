import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  createRiskAreaBody,
  listRiskAreasQuery,
  riskAreaIdParams,
  riskAreaPage,
  riskAreaSchema,
  updateRiskAreaBody,
} from './risk-areas.schemas.js';
import { riskAreasService } from './risk-areas.service.js';

export const riskAreasRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const service = riskAreasService(db);

  app.get(
    '/api/v1/risk-areas',
    {
      config: { access: 'riskAreas.read' },
      schema: {
        tags: ['risk-areas'],
        summary: "The county's risk areas (风险地区), those applying today first",
        querystring: listRiskAreasQuery,
        response: { 200: riskAreaPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/risk-areas',
    {
      config: { access: 'riskAreas.manage', audit: 'riskArea.create' },
      schema: {
        tags: ['risk-areas'],
        summary: 'Add a risk area to the county list (county-level accounts only)',
        body: createRiskAreaBody,
        response: { 200: riskAreaSchema, 201: riskAreaSchema },
      },
    },
    async (request, reply) => {
      const { created, riskArea } = await service.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(riskArea);
    },
  );

  app.patch(
    '/api/v1/risk-areas/:id',
    {
      config: { access: 'riskAreas.manage', audit: 'riskArea.update' },
      schema: {
        tags: ['risk-areas'],
        summary: 'Change a risk area, e.g. set the day it stops applying',
        params: riskAreaIdParams,
        body: updateRiskAreaBody,
        response: { 200: riskAreaSchema },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );
};
