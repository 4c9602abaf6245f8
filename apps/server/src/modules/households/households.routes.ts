import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterWriteVersion, ifMatchVersion, withVersion } from '../../http/edit-version.js';
import { household } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  createHouseholdBody,
  householdDetail,
  householdIdParams,
  householdPage,
  listHouseholdsQuery,
  updateHouseholdBody,
} from './households.schemas.js';
import { householdsService } from './households.service.js';

export const householdsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const service = householdsService(db, now);

  app.get(
    '/api/v1/households',
    {
      config: { access: 'persons.read' },
      schema: {
        tags: ['households'],
        summary: 'Households in scope (phones masked), by address or member name, region, grid, status',
        querystring: listHouseholdsQuery,
        response: { 200: householdPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/households/:id',
    {
      config: { access: 'persons.read' },
      schema: {
        tags: ['households'],
        summary: 'One household with its members (masked)',
        params: householdIdParams,
        response: { 200: householdDetail },
      },
    },
    (request, reply) =>
      withVersion(db, reply, household, request.params.id, () => service.get(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/households',
    {
      config: { access: 'persons.manage', audit: 'household.create' },
      schema: {
        tags: ['households'],
        summary: 'Create a household; a replay of the same id answers 200 with the stored one',
        body: createHouseholdBody,
        response: { 200: householdDetail, 201: householdDetail },
      },
    },
    async (request, reply) => {
      const { created, household } = await service.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(household);
    },
  );

  app.patch(
    '/api/v1/households/:id',
    {
      config: { access: 'persons.manage', audit: 'household.update' },
      schema: {
        tags: ['households'],
        summary:
          'Change a household (address, grid, phone, status, head); with If-Match (the ETag of GET /households/{id}), a change made by someone else since answers 412',
        params: householdIdParams,
        body: updateHouseholdBody,
        response: { 200: householdDetail },
      },
    },
    (request, reply) =>
      afterWriteVersion(db, reply, household, request.params.id, () =>
        service.update(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
      ),
  );
};
