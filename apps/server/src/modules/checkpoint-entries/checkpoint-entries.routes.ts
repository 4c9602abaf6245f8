import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  checkpointEntriesParams,
  createEntryBody,
  entryIdParams,
  entryPage,
  entrySchema,
  exportEntriesQuery,
  lastOccupants,
  lastOccupantsQuery,
  listEntriesQuery,
  residentList,
  residentsQuery,
} from './checkpoint-entries.schemas.js';
import { checkpointEntriesService } from './checkpoint-entries.service.js';
import { exportEntries } from './checkpoint-entries.export.js';
import { shanghaiDateOf } from '@fangkong/domain';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';

export const checkpointEntriesRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = checkpointEntriesService(db, now);

  app.post(
    '/api/v1/checkpoints/:id/entries',
    {
      config: { access: 'checkpointEntries.create', audit: 'checkpointEntry.create' },
      schema: {
        tags: ['checkpoints'],
        summary:
          'Register a vehicle or pedestrian with its occupants (idempotent by the client id; late offline entries keep their time)',
        params: checkpointEntriesParams,
        body: createEntryBody,
        response: { 200: entrySchema, 201: entrySchema },
      },
    },
    async (request, reply) => {
      const { entry, created } = await service.create(actorOf(request), request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  app.get(
    '/api/v1/checkpoints/:id/entries',
    {
      config: { access: 'checkpointEntries.read' },
      schema: {
        tags: ['checkpoints'],
        summary: 'The entry log of one checkpoint (masked)',
        params: checkpointEntriesParams,
        querystring: listEntriesQuery.omit({ checkpointId: true }),
        response: { 200: entryPage },
      },
    },
    (request) => service.list(actorOf(request), { ...request.query, checkpointId: request.params.id }),
  );

  app.get(
    '/api/v1/checkpoint-entries',
    {
      config: { access: 'checkpointEntries.read' },
      schema: {
        tags: ['checkpoints'],
        summary: 'Search the entry log by plate, ID number and time (masked)',
        querystring: listEntriesQuery,
        response: { 200: entryPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/checkpoint-entries/export',
    {
      config: { access: 'checkpointEntries.export', audit: 'checkpointEntry.export' },
      schema: {
        tags: ['checkpoints'],
        summary: 'The entry log as .xlsx, one row per occupant (audited)',
        querystring: exportEntriesQuery,
        produces: [XLSX_MIME],
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const buffer = await exportEntries(db, actorOf(request), request.query, now());
      return reply.headers(downloadHeaders(`卡口登记-${shanghaiDateOf(now())}.xlsx`)).send(buffer);
    },
  );

  app.get(
    '/api/v1/checkpoint-entries/residents',
    {
      config: { access: 'checkpointEntries.create', audit: 'person.lookup' },
      schema: {
        tags: ['checkpoints'],
        summary: 'Residents in the register by ID number or name, to fill an occupant in one step (audited)',
        querystring: residentsQuery,
        response: { 200: residentList },
      },
    },
    (request) => service.residents(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/checkpoint-entries/last-occupants',
    {
      config: { access: 'checkpointEntries.create', audit: 'person.view' },
      schema: {
        tags: ['checkpoints'],
        summary: 'The occupants of the last entry of a plate seen before (audited)',
        querystring: lastOccupantsQuery,
        response: { 200: lastOccupants },
      },
    },
    (request) => service.lastOccupants(actorOf(request), request.query.plate),
  );

  app.get(
    '/api/v1/checkpoint-entries/:id',
    {
      config: { access: 'checkpointEntries.read', audit: 'checkpointEntry.view' },
      schema: {
        tags: ['checkpoints'],
        summary:
          'One entry with full ID numbers and phones for roles that may see full data, masked for the others (audited)',
        params: entryIdParams,
        response: { 200: entrySchema },
      },
    },
    (request) => service.view(actorOf(request), request.params.id),
  );
};
