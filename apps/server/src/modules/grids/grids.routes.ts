import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { notFound, Problem } from '../../http/problem.js';
import { CSV_MIME, XLSX_MIME } from '../../files/table-reader.js';
import {
  assignHouseholdsBody,
  assignImportQuery,
  assignResult,
  createGridBody,
  gridIdParams,
  gridPage,
  gridSchema,
  listGridsQuery,
  mergeGridBody,
  rosterQuery,
  rosterSchema,
  unassignedPage,
  unassignedQuery,
  updateGridBody,
} from './grids.schemas.js';
import { selectGrids } from './grids.queries.js';
import { gridsService } from './grids.service.js';
import { importGridAssignments } from './grids.import.js';
import { selectRegionInScope } from '../regions/region-scope.js';

export const gridsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = gridsService(db, now);
  const tags = ['grids'];

  app.get(
    '/api/v1/grids',
    {
      config: { access: 'grids.read' },
      schema: {
        tags,
        summary: 'Grids in scope, optionally below one region',
        querystring: listGridsQuery,
        response: { 200: gridPage },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { regionId, ...page } = request.query;
      const path = regionId ? (await selectRegionInScope(db, actor, regionId))?.path : undefined;
      if (regionId && !path) throw notFound();
      return selectGrids(db, actor, path, page);
    },
  );

  app.get(
    '/api/v1/grids/roster',
    {
      config: { access: 'grids.read' },
      schema: {
        tags,
        summary:
          'The grid roster of the villages below a region, with the gaps: households in no grid, grids without workers',
        querystring: rosterQuery,
        response: { 200: rosterSchema },
      },
    },
    (request) => service.roster(actorOf(request), request.query.regionId),
  );

  app.get(
    '/api/v1/grids/unassigned-households',
    {
      config: { access: 'grids.read' },
      schema: {
        tags,
        summary: 'Households of a village that are in no grid',
        querystring: unassignedQuery,
        response: { 200: unassignedPage },
      },
    },
    (request) => service.unassigned(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/grids',
    {
      config: { access: 'grids.manage', audit: 'grid.create' },
      schema: {
        tags,
        summary: 'Draw a grid in a village, with its leader and workers',
        body: createGridBody,
        response: { 201: gridSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/grids/:id',
    {
      config: { access: 'grids.manage', audit: 'grid.update' },
      schema: {
        tags,
        summary: 'Rename a grid, change its leader or its workers',
        params: gridIdParams,
        body: updateGridBody,
        response: { 200: gridSchema },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/grids/:id/merge',
    {
      config: { access: 'grids.manage', audit: 'grid.merge' },
      schema: {
        tags,
        summary: 'Merge a grid into another of the same village (households and workers move; the grid is retired)',
        params: gridIdParams,
        body: mergeGridBody,
        response: { 200: gridSchema },
      },
    },
    (request) => service.merge(actorOf(request), request.params.id, request.body.intoId),
  );

  app.post(
    '/api/v1/grids/:id/retire',
    {
      config: { access: 'grids.manage', audit: 'grid.retire' },
      schema: {
        tags,
        summary: 'Retire a grid: its households become unassigned',
        params: gridIdParams,
        response: { 200: z.object({ id: z.uuid(), retired: z.boolean() }) },
      },
    },
    (request) => service.retire(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/grids/:id/households',
    {
      config: { access: 'grids.manage', audit: 'grid.assign' },
      schema: {
        tags,
        summary: 'Assign households to the grid: picked, by building/group (楼栋/组), or a group region; all or none',
        params: gridIdParams,
        body: assignHouseholdsBody,
        response: { 200: assignResult },
      },
    },
    (request) => service.assign(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/grids/assignments/import',
    {
      config: { access: 'grids.manage', audit: 'grid.assign' },
      schema: {
        tags,
        summary: "Assign a village's households to its grids from CSV or xlsx (columns: 住址, 网格); all rows or none",
        consumes: [CSV_MIME, XLSX_MIME],
        querystring: assignImportQuery,
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 200: assignResult },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      return importGridAssignments(
        db,
        actorOf(request),
        request.query.regionId,
        request.query.move === 'true',
        request.body,
        request.headers['content-type'] ?? '',
        now(),
      );
    },
  );
};
