import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { Problem } from '../../http/problem.js';
import { CSV_MIME, XLSX_MIME } from '../../files/table-reader.js';
import { idParams, importResult, listRegionsQuery, regionDetailSchema, regionPage } from './regions.schemas.js';
import { regionsService } from './regions.service.js';
import { importRegions } from './regions.import.js';

export const regionsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const service = regionsService(db);

  app.get(
    '/api/v1/regions',
    {
      config: { access: 'regions.read' },
      schema: {
        tags: ['regions'],
        summary: 'Children of a region, a search by name or code, or the scope root',
        querystring: listRegionsQuery,
        response: { 200: regionPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/regions/:id',
    {
      config: { access: 'regions.read' },
      schema: {
        tags: ['regions'],
        summary: 'One region with its counts and ancestors',
        params: idParams,
        response: { 200: regionDetailSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/regions/import',
    {
      config: { access: 'regions.manage', audit: 'region.import' },
      schema: {
        tags: ['regions'],
        summary: 'Import a region tree (columns: 区划代码, 区划名称) from CSV or xlsx; all rows or none',
        consumes: [CSV_MIME, XLSX_MIME],
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 200: importResult },
      },
    },
    async (request) => {
      const type = request.headers['content-type'] ?? '';
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      return importRegions(db, actorOf(request), request.body, type);
    },
  );
};
