import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  bindAccountBody,
  countsQuery,
  countsSchema,
  createSaleBody,
  createSentinelBody,
  idParams,
  listSalesQuery,
  listSentinelsQuery,
  mySiteSchema,
  salePage,
  saleSchema,
  sentinelPage,
  sentinelSchema,
} from './sentinels.schemas.js';
import { sentinelsService } from './sentinels.service.js';

export const sentinelsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = sentinelsService(db, now);
  const tags = ['sentinels'];

  app.get(
    '/api/v1/sentinels',
    {
      config: { access: 'sentinels.read' },
      schema: {
        tags,
        summary: '哨点 in scope with their sales today and this week (per pharmacy); phones masked',
        querystring: listSentinelsQuery,
        response: { 200: sentinelPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/sentinels',
    {
      config: { access: 'sentinels.manage', audit: 'sentinel.create' },
      schema: {
        tags,
        summary: 'Register a pharmacy or private clinic of a region as a sentinel site',
        body: createSentinelBody,
        response: { 200: sentinelSchema },
      },
    },
    (request) => service.create(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/sentinels/:id/accounts',
    {
      config: { access: 'sentinels.manage', audit: 'sentinel.bindAccount' },
      schema: {
        tags,
        summary: 'Bind an account of the sentinel role to the site (it then records for this site only)',
        params: idParams,
        body: bindAccountBody,
        response: { 200: sentinelSchema },
      },
    },
    (request) => service.bindAccount(actorOf(request), request.params.id, request.body.userId),
  );

  app.get(
    '/api/v1/sentinels/mine',
    {
      config: { access: 'sentinelSales.record' },
      schema: {
        tags,
        summary: "The signed-in sentinel account's site and its sales today",
        response: { 200: mySiteSchema },
      },
    },
    (request) => service.mySite(actorOf(request)),
  );

  app.post(
    '/api/v1/sentinel-sales',
    {
      config: { access: 'sentinelSales.record', audit: 'sentinelSale.create' },
      schema: {
        tags,
        summary:
          "Record a real-name sale of the four drug classes at the account's own site; raises a lead in the buyer's village",
        body: createSaleBody,
        response: { 200: saleSchema },
      },
    },
    (request) => service.recordSale(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/sentinel-sales',
    {
      config: { access: 'sentinels.read' },
      schema: {
        tags,
        summary: 'Sales to buyers of regions in scope, newest first (the daily report drills into it); masked',
        querystring: listSalesQuery,
        response: { 200: salePage },
      },
    },
    (request) => service.listSales(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/sentinel-sales/by-village',
    {
      config: { access: 'sentinels.read' },
      schema: {
        tags,
        summary: "Per village, the day's sales against the 7 days before it, with the spike alert (异常升高)",
        querystring: countsQuery,
        response: { 200: countsSchema },
      },
    },
    (request) => service.counts(actorOf(request), request.query),
  );
};
