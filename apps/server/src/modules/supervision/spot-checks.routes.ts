import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { idParams } from './supervision.schemas.js';
import {
  createSpotCheckBody,
  listSpotCheckRecordsQuery,
  listSpotChecksQuery,
  recordOutcomeBody,
  spotCheckDetail,
  spotCheckPage,
  spotCheckRecordPage,
  spotCheckRecordParams,
} from './spot-checks.schemas.js';
import { spotChecksService, type ListReader } from './spot-checks.service.js';

export const spotCheckRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = spotChecksService(db, now);
  const tags = ['supervision'];

  // The sample is drawn from the figure's drill-down list as the inspector would read it: same
  // scope, same masking, same order, so the records drawn are exactly those behind the figure.
  const readAs =
    (request: FastifyRequest): ListReader =>
    async (api, query) => {
      const res = await app.inject({
        method: 'GET',
        url: `${api}?${new URLSearchParams(query).toString()}`,
        headers: { cookie: request.headers.cookie ?? '' },
      });
      return res.statusCode === 200 ? res.json() : null; // a list the caller may not read
    };

  app.get(
    '/api/v1/spot-checks',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'Data-truth spot checks (数据核查) of regions in scope, latest first',
        querystring: listSpotChecksQuery,
        response: { 200: spotCheckPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/spot-checks',
    {
      config: { access: 'inspections.record', audit: 'spotCheck.create' },
      schema: {
        tags,
        summary:
          "Draw a seeded random sample of the records behind a figure of a region's report day (from its drill-down list) to ask the residents",
        body: createSpotCheckBody,
        response: { 200: spotCheckDetail },
      },
    },
    (request) => service.create(actorOf(request), request.body, readAs(request)),
  );

  app.get(
    '/api/v1/spot-checks/:id',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'One spot check with its sampled records',
        params: idParams,
        response: { 200: spotCheckDetail },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/spot-checks/:id/records/:recordId',
    {
      config: { access: 'inspections.record', audit: 'spotCheck.record' },
      schema: {
        tags,
        summary:
          'Record what the resident said of a sampled record: confirmed, or discrepant (a finding addressed to its region)',
        params: spotCheckRecordParams,
        body: recordOutcomeBody,
        response: { 200: spotCheckDetail },
      },
    },
    (request) => service.recordOutcome(actorOf(request), request.params.id, request.params.recordId, request.body),
  );

  app.get(
    '/api/v1/spot-check-records',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'Sampled records of spot checks in scope, by their region: what was confirmed or found discrepant',
        querystring: listSpotCheckRecordsQuery,
        response: { 200: spotCheckRecordPage },
      },
    },
    (request) => service.listRecords(actorOf(request), request.query),
  );
};
