import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  createSupplyItemBody,
  createSupplyStoreBody,
  listMovementsQuery,
  listSupplyStoresQuery,
  recordMovementBody,
  stockMovementPage,
  storeStockSchema,
  supplyIdParams,
  supplySettingsSchema,
  updateSupplySettingsBody,
  supplyItemList,
  supplyItemSchema,
  supplyStorePage,
  supplyStoreSchema,
  updateSupplyItemBody,
} from './supplies.schemas.js';
import { suppliesService } from './supplies.service.js';

export const suppliesRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = suppliesService(db, now);
  const tags = ['supplies'];

  app.get(
    '/api/v1/supply-settings',
    {
      config: { access: 'supplies.read' },
      schema: {
        tags,
        summary: "The county's threshold of days of cover below which an item is short (default 3)",
        response: { 200: supplySettingsSchema },
      },
    },
    (request) => service.getSettings(actorOf(request)),
  );

  app.put(
    '/api/v1/supply-settings',
    {
      config: { access: 'supplies.manage', audit: 'supplySetting.update' },
      schema: {
        tags,
        summary: "Set the county's threshold of days of cover (county-level users only; audited)",
        body: updateSupplySettingsBody,
        response: { 200: supplySettingsSchema },
      },
    },
    (request) => service.updateSettings(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/supply-items',
    {
      config: { access: 'supplies.read' },
      schema: {
        tags,
        summary: "The county's catalogue of supplies (the default items from the first call on)",
        response: { 200: supplyItemList },
      },
    },
    (request) => service.listItems(actorOf(request)),
  );

  app.post(
    '/api/v1/supply-items',
    {
      config: { access: 'supplies.manage', audit: 'supplyItem.create' },
      schema: {
        tags,
        summary: "Add an item to the county's catalogue (county-level users only; audited)",
        body: createSupplyItemBody,
        response: { 201: supplyItemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.createItem(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/supply-items/:id',
    {
      config: { access: 'supplies.manage', audit: 'supplyItem.update' },
      schema: {
        tags,
        summary: 'Rename an item, change its unit, retire it (county-level users only; audited)',
        params: supplyIdParams,
        body: updateSupplyItemBody,
        response: { 200: supplyItemSchema },
      },
    },
    (request) => service.updateItem(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/supply-stores',
    {
      config: { access: 'supplies.read' },
      schema: {
        tags,
        summary: 'Stores in scope, each with how many items are short of cover',
        querystring: listSupplyStoresQuery,
        response: { 200: supplyStorePage },
      },
    },
    (request) => service.listStores(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/supply-stores',
    {
      config: { access: 'supplies.manage', audit: 'supplyStore.create' },
      schema: {
        tags,
        summary: 'Set up a store at a region, a checkpoint or an observation site (idempotent by id; audited)',
        body: createSupplyStoreBody,
        response: { 200: supplyStoreSchema, 201: supplyStoreSchema },
      },
    },
    async (request, reply) => {
      const { store, created } = await service.createStore(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(store);
    },
  );

  app.get(
    '/api/v1/supply-stores/:id/stock',
    {
      config: { access: 'supplies.read' },
      schema: {
        tags,
        summary: "A store's stock of every item, its average daily issue over the last 7 days and days of cover",
        params: supplyIdParams,
        response: { 200: storeStockSchema },
      },
    },
    (request) => service.stock(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/supply-stores/:id/movements',
    {
      config: { access: 'supplies.read' },
      schema: {
        tags,
        summary: "A store's movements, newest first",
        params: supplyIdParams,
        querystring: listMovementsQuery,
        response: { 200: stockMovementPage },
      },
    },
    (request) => service.listMovements(actorOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/supply-stores/:id/movements',
    {
      config: { access: 'supplies.record', audit: 'stockMovement.record' },
      schema: {
        tags,
        summary:
          'Record a receipt, an issue, a transfer to another store in scope or a count (idempotent by id; audited); answers the new stock',
        params: supplyIdParams,
        body: recordMovementBody,
        response: { 200: storeStockSchema },
      },
    },
    (request) => service.recordMovement(actorOf(request), request.params.id, request.body),
  );
};
