import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { notFound } from '../../http/problem.js';
import { gridPage, listGridsQuery } from './grids.schemas.js';
import { selectGrids } from './grids.queries.js';
import { selectRegionInScope } from '../regions/region-scope.js';

export const gridsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/v1/grids', {
    config: { access: 'grids.read' },
    schema: { tags: ['grids'], summary: 'Grids in scope, optionally below one region', querystring: listGridsQuery, response: { 200: gridPage } },
  }, async (request) => {
    const actor = actorOf(request);
    const { regionId, ...page } = request.query;
    const path = regionId ? (await selectRegionInScope(db, actor, regionId))?.path : undefined;
    if (regionId && !path) throw notFound();
    return selectGrids(db, actor, path, page);
  });
};
