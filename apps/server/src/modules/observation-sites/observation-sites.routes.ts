import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuidSchema } from '@fangkong/domain';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { createSiteBody, idParams, listSitesQuery, placeBody, siteDetailSchema, sitePage } from './observation-sites.schemas.js';
import { observationSitesService } from './observation-sites.service.js';

export const observationSitesRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = observationSitesService(db, now);
  const tags = ['observationSites'];

  app.get('/api/v1/observation-sites', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'Sites in scope with beds, occupied, free, occupancy and the over-90% warning, with totals', querystring: listSitesQuery, response: { 200: sitePage } },
  }, (request) => service.list(actorOf(request), request.query));

  app.get('/api/v1/observation-sites/:id', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'One site, bed by bed, with who is in each', params: idParams, response: { 200: siteDetailSchema } },
  }, (request) => service.get(actorOf(request), request.params.id));

  app.post('/api/v1/observation-sites', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Open a site with its rooms and beds', body: createSiteBody, response: { 200: siteDetailSchema, 201: siteDetailSchema } },
  }, async (request, reply) => {
    const { created, site } = await service.create(actorOf(request), request.body);
    return reply.status(created ? 201 : 200).send(site);
  });

  app.post('/api/v1/observation-sites/:id/placements', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Place a key person under central isolation in a free bed', params: idParams, body: placeBody, response: { 200: siteDetailSchema } },
  }, (request) => service.place(actorOf(request), request.params.id, request.body));

  app.post('/api/v1/observation-sites/:id/placements/:placementId/end', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'The person leaves the bed', params: z.object({ id: uuidSchema, placementId: uuidSchema }), response: { 200: siteDetailSchema } },
  }, (request) => service.end(actorOf(request), request.params.id, request.params.placementId));
};
