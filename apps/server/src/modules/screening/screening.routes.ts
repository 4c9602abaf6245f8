import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  coverageQuery,
  coverageSchema,
  createRoundBody,
  createVisitBody,
  listRoundsQuery,
  roundHouseholdPage,
  roundHouseholdsQuery,
  roundIdParams,
  roundPage,
  roundSchema,
  updateRoundBody,
  visitPage,
  visitSchema,
  visitsQuery,
} from './screening.schemas.js';
import { roundsService } from './rounds.service.js';
import { visitsService } from './visits.service.js';
import { roundExports } from './round-exports.js';
import { downloadHeaders } from '../../files/download.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { exportQuery } from '../persons/persons.schemas.js';

export const screeningRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const rounds = roundsService(db, now);
  const visits = visitsService(db, rounds, now);
  const exports = roundExports(db, rounds, now);
  const tags = ['screening'];

  app.get(
    '/api/v1/screening/rounds',
    {
      config: { access: 'screening.read' },
      schema: {
        tags,
        summary: "Screening rounds over the caller's scope or a region containing it",
        querystring: listRoundsQuery,
        response: { 200: roundPage },
      },
    },
    (request) => rounds.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/screening/rounds/:id',
    {
      config: { access: 'screening.read' },
      schema: { tags, summary: 'One screening round', params: roundIdParams, response: { 200: roundSchema } },
    },
    (request) => rounds.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/screening/rounds',
    {
      config: { access: 'screening.manageRounds', audit: 'screeningRound.create' },
      schema: {
        tags,
        summary: 'Open a screening round over a region',
        body: createRoundBody,
        response: { 200: roundSchema, 201: roundSchema },
      },
    },
    async (request, reply) => {
      const { created, round } = await rounds.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(round);
    },
  );

  app.patch(
    '/api/v1/screening/rounds/:id',
    {
      config: { access: 'screening.manageRounds', audit: 'screeningRound.update' },
      schema: {
        tags,
        summary: 'Change or close a round (its whole region must be in scope)',
        params: roundIdParams,
        body: updateRoundBody,
        response: { 200: roundSchema },
      },
    },
    (request) => rounds.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/screening/rounds/:id/coverage',
    {
      config: { access: 'screening.read' },
      schema: {
        tags,
        summary: 'Live coverage of a round in a region, with one row per child region or grid',
        params: roundIdParams,
        querystring: coverageQuery,
        response: { 200: coverageSchema },
      },
    },
    (request) => rounds.coverage(actorOf(request), request.params.id, request.query.regionId),
  );

  app.get(
    '/api/v1/screening/rounds/:id/households',
    {
      config: { access: 'screening.read' },
      schema: {
        tags,
        summary:
          'The households behind a coverage figure (state=missing: exactly who is not covered); mine=true for a grid worker',
        params: roundIdParams,
        querystring: roundHouseholdsQuery,
        response: { 200: roundHouseholdPage },
      },
    },
    (request) => rounds.households(actorOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/screening/rounds/:id/visits',
    {
      config: { access: 'screening.read' },
      schema: {
        tags,
        summary: "Visits of a round, newest first, with each member's answers",
        params: roundIdParams,
        querystring: visitsQuery,
        response: { 200: visitPage },
      },
    },
    (request) => visits.list(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/screening/rounds/:id/visits',
    {
      config: { access: 'screening.visit', audit: 'visit.create' },
      schema: {
        tags,
        summary: 'Record a visit; raises leads; a replayed id answers 200 with the stored visit',
        params: roundIdParams,
        body: createVisitBody,
        response: { 200: visitSchema, 201: visitSchema },
      },
    },
    async (request, reply) => {
      const { created, visit } = await visits.create(actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(visit);
    },
  );

  app.get(
    '/api/v1/screening/rounds/:id/export/statistics',
    {
      config: { access: 'screening.read', audit: 'screeningRound.export' },
      schema: {
        tags,
        summary:
          '统计表 of a round (xlsx): one row per village with register and round figures, township subtotals, the total; audited',
        params: roundIdParams,
        querystring: coverageQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) =>
      reply
        .headers(downloadHeaders('入户排查统计表.xlsx'))
        .send(await exports.statistics(actorOf(request), request.params.id, request.query.regionId)),
  );

  app.get(
    '/api/v1/screening/rounds/:id/export/progress',
    {
      config: { access: 'screening.read', audit: 'screeningRound.export' },
      schema: {
        tags,
        summary:
          '排查进度 of a round (xlsx): per village and grid, and the missing households (phones masked unless full=true, which needs persons.readFull); audited',
        params: roundIdParams,
        querystring: exportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) =>
      reply.headers(downloadHeaders('入户排查进度表.xlsx')).send(
        await exports.progress(actorOf(request), request.params.id, {
          regionId: request.query.regionId,
          full: request.query.full === 'true',
        }),
      ),
  );
};
