import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiDateOf, uuidSchema } from '@fangkong/domain';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addRoomsBody,
  createSiteBody,
  idParams,
  listSitesQuery,
  placeBody,
  siteDetailSchema,
  sitePage,
} from './observation-sites.schemas.js';
import { observationSitesService } from './observation-sites.service.js';
import { siteXlsx } from './observation-sites.export.js';
import { audit } from '../../audit/audit.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';

export const observationSitesRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = observationSitesService(db, now);
  const tags = ['observationSites'];

  app.get(
    '/api/v1/observation-sites',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags,
        summary: 'Sites in scope with beds, occupied, free, occupancy and the over-90% warning, with totals',
        querystring: listSitesQuery,
        response: { 200: sitePage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/observation-sites/:id',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags,
        summary: 'One site, bed by bed, with who is in each',
        params: idParams,
        response: { 200: siteDetailSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/observation-sites/:id/export',
    {
      config: { access: 'keyPersons.read', audit: 'observationSite.export' },
      schema: {
        tags,
        summary: 'One site bed by bed as .xlsx (床位表: who is isolated where, so audited)',
        params: idParams,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const site = await service.get(actor, request.params.id);
      const at = now();
      await audit(db, actor, {
        event: 'observationSite.export',
        targetType: 'observationSite',
        targetId: site.id,
        detail: { occupied: site.occupied },
      });
      return reply
        .headers(downloadHeaders(`${site.name}床位表-${shanghaiDateOf(at)}.xlsx`))
        .send(await siteXlsx(actor, site, at));
    },
  );

  app.post(
    '/api/v1/observation-sites',
    {
      config: { access: 'keyPersons.manage', audit: 'observationSite.create' },
      schema: {
        tags,
        summary: 'Open a site with its rooms and beds',
        body: createSiteBody,
        response: { 200: siteDetailSchema, 201: siteDetailSchema },
      },
    },
    async (request, reply) => {
      const { created, site } = await service.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(site);
    },
  );

  app.post(
    '/api/v1/observation-sites/:id/rooms',
    {
      config: { access: 'keyPersons.manage', audit: 'observationSite.addRooms' },
      schema: {
        tags,
        summary: 'Add rooms, or beds to a room, to an open site',
        params: idParams,
        body: addRoomsBody,
        response: { 200: siteDetailSchema },
      },
    },
    (request) => service.addRooms(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/observation-sites/:id/placements',
    {
      config: { access: 'keyPersons.manage', audit: 'observationSite.place' },
      schema: {
        tags,
        summary: 'Place a key person under central isolation in a free bed',
        params: idParams,
        body: placeBody,
        response: { 200: siteDetailSchema },
      },
    },
    (request) => service.place(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/observation-sites/:id/placements/:placementId/end',
    {
      config: { access: 'keyPersons.manage', audit: 'observationSite.leave' },
      schema: {
        tags,
        summary: 'The person leaves the bed',
        params: z.object({ id: uuidSchema, placementId: uuidSchema }),
        response: { 200: siteDetailSchema },
      },
    },
    (request) => service.end(actorOf(request), request.params.id, request.params.placementId),
  );
};
