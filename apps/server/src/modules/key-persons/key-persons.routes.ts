import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../auth/auth.plugin.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addOfficerBody,
  createKeyPersonBody,
  idParams,
  keyPersonDetailSchema,
  keyPersonPage,
  lineListCounts,
  lineListCountsQuery,
  listKeyPersonsQuery,
  officerParams,
  policySchema,
  statusBody,
  transferBody,
  updateKeyPersonBody,
  updatePolicyBody,
} from './key-persons.schemas.js';
import { keyPersonsService } from './key-persons.service.js';

const transferResult = z.object({ id: z.uuid(), status: z.string(), regionId: z.uuid(), regionName: z.string() }).meta({ id: 'KeyPersonTransfer' });

export const keyPersonsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = keyPersonsService(db, now);
  const tags = ['keyPersons'];

  app.get('/api/v1/key-persons', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'Key persons in scope, optionally one line list (due now, overdue, fever, ending today, released, lost, incomplete teams)', querystring: listKeyPersonsQuery, response: { 200: keyPersonPage } },
  }, (request) => service.list(actorOf(request), request.query));

  app.get('/api/v1/key-persons/line-lists', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'How many key persons are on each line list, for a region or the caller\'s own worklist', querystring: lineListCountsQuery, response: { 200: lineListCounts } },
  }, (request) => service.counts(actorOf(request), request.query));

  app.get('/api/v1/key-persons/export', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'A line list as the 重点人员台账 workbook (.xlsx, unmasked, audited)', querystring: listKeyPersonsQuery.omit({ page: true, pageSize: true }), produces: [XLSX_MIME] },
  }, async (request, reply) => {
    const file = await service.exportLedger(actorOf(request), request.query);
    return reply.headers(downloadHeaders('重点人员台账.xlsx')).send(file);
  });

  app.get('/api/v1/key-persons/policy', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'The county\'s rules: days per category, officers required, check windows, deadlines', response: { 200: policySchema } },
  }, (request) => service.getPolicy(actorOf(request)));

  app.put('/api/v1/key-persons/policy', {
    config: { access: 'keyPersons.policy' },
    schema: { tags, summary: 'Change the county\'s rules (county-level users only)', body: updatePolicyBody, response: { 200: policySchema } },
  }, (request) => service.updatePolicy(actorOf(request), request.body));

  app.get('/api/v1/key-persons/:id', {
    config: { access: 'keyPersons.read' },
    schema: { tags, summary: 'One key person\'s full file (audited): team, history, checks, overdue slots', params: idParams, response: { 200: keyPersonDetailSchema } },
  }, (request) => service.get(actorOf(request), request.params.id));

  app.post('/api/v1/key-persons', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Put a registered person under a measure; a replayed id returns the existing file', body: createKeyPersonBody, response: { 200: keyPersonDetailSchema, 201: keyPersonDetailSchema } },
  }, async (request, reply) => {
    const { created, record } = await service.create(actorOf(request), request.body);
    return reply.status(created ? 201 : 200).send(record);
  });

  app.patch('/api/v1/key-persons/:id', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Change category or measure, extend or shorten (the old end and the reason are kept)', params: idParams, body: updateKeyPersonBody, response: { 200: keyPersonDetailSchema } },
  }, (request) => service.update(actorOf(request), request.params.id, request.body));

  app.post('/api/v1/key-persons/:id/status', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Release (after the last day\'s checks), hospitalise, mark lost to follow-up, or resume', params: idParams, body: statusBody, response: { 200: keyPersonDetailSchema } },
  }, (request) => service.setStatus(actorOf(request), request.params.id, request.body));

  app.post('/api/v1/key-persons/:id/transfer', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Hand the file, with its history, to another region of the county or out of the county', params: idParams, body: transferBody, response: { 200: transferResult } },
  }, (request) => service.transfer(actorOf(request), request.params.id, request.body));

  app.post('/api/v1/key-persons/:id/officers', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Name a responsible officer (包保责任人)', params: idParams, body: addOfficerBody, response: { 200: keyPersonDetailSchema } },
  }, (request) => service.addOfficer(actorOf(request), request.params.id, request.body));

  app.delete('/api/v1/key-persons/:id/officers/:officerId', {
    config: { access: 'keyPersons.manage' },
    schema: { tags, summary: 'Remove a responsible officer', params: officerParams, response: { 200: keyPersonDetailSchema } },
  }, (request) => service.removeOfficer(actorOf(request), request.params.id, request.params.officerId));
};
