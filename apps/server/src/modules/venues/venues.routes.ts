import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  createCheckBody,
  createOrderBody,
  createVenueBody,
  idParams,
  listChecksQuery,
  listOrdersQuery,
  listVenuesQuery,
  uncheckedQuery,
  venueDetail,
  venueOrderList,
  venueCheckPage,
  venueOrderSchema,
  venuePage,
} from './venues.schemas.js';
import { venuesService } from './venues.service.js';

export const venuesRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = venuesService(db, now);
  const tags = ['venues'];

  app.get(
    '/api/v1/venues',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary: '场所 in scope by type, with the orders in effect today and the latest check; phones masked',
        querystring: listVenuesQuery,
        response: { 200: venuePage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/venues/unchecked',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary: 'Venues under an order today not checked in the last N days (never checked first)',
        querystring: uncheckedQuery,
        response: { 200: venuePage },
      },
    },
    (request) => service.unchecked(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/venues/:id',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary: 'One venue with every order that applies to it and its checks',
        params: idParams,
        response: { 200: venueDetail },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/venues',
    {
      config: { access: 'measures.manage', audit: 'venue.create' },
      schema: {
        tags,
        summary: 'Register a venue of a region (its id may come from the client)',
        body: createVenueBody,
        response: { 200: venueDetail },
      },
    },
    (request) => service.create(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/venues/:id/checks',
    {
      config: { access: 'measures.record', audit: 'venueCheck.create' },
      schema: {
        tags,
        summary: 'Record an on-site check of compliance, or a re-check of a violation',
        params: idParams,
        body: createCheckBody,
        response: { 200: venueDetail },
      },
    },
    (request) => service.check(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/venue-checks',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary:
          'Checks of venues in scope, newest first, in a window or only violations (the daily report drills into it)',
        querystring: listChecksQuery,
        response: { 200: venueCheckPage },
      },
    },
    (request) => service.listChecks(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/venue-orders',
    {
      config: { access: 'measures.read' },
      schema: {
        tags,
        summary: 'Orders on venues that concern the scope: on its venues, or on a type in its region or above',
        querystring: listOrdersQuery,
        response: { 200: venueOrderList },
      },
    },
    (request) => service.listOrders(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/venue-orders',
    {
      config: { access: 'measures.manage', audit: 'venueOrder.create' },
      schema: {
        tags,
        summary:
          'Order a venue, or every venue of a type in a region: close, restrict hours, closed management, registration, no live poultry slaughter',
        body: createOrderBody,
        response: { 200: venueOrderSchema },
      },
    },
    (request) => service.createOrder(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/venue-orders/:id/lift',
    {
      config: { access: 'measures.manage', audit: 'venueOrder.lift' },
      schema: {
        tags,
        summary: 'Lift an order in effect: it ends with today',
        params: idParams,
        response: { 200: venueOrderSchema },
      },
    },
    (request) => service.liftOrder(actorOf(request), request.params.id),
  );
};
