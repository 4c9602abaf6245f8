import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterWriteVersion, ifMatchVersion, withVersion } from '../../http/edit-version.js';
import { keyPerson } from '../../db/schema/index.js';
import { z } from 'zod';
import { actorOf } from '../../auth/auth.plugin.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addOfficerBody,
  addTeamBody,
  officerCandidatesSchema,
  createKeyPersonBody,
  idParams,
  keyPersonDetailSchema,
  keyPersonPage,
  lineListCounts,
  lineListCountsQuery,
  listKeyPersonsQuery,
  officerParams,
  statusBody,
  transferBody,
  updateKeyPersonBody,
} from './key-persons.schemas.js';
import { keyPersonsService } from './key-persons.service.js';

const transferResult = z
  .object({ id: z.uuid(), status: z.string(), regionId: z.uuid(), regionName: z.string() })
  .meta({ id: 'KeyPersonTransfer' });

export const keyPersonsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = keyPersonsService(db, now);
  const tags = ['keyPersons'];

  app.get(
    '/api/v1/key-persons',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags,
        summary:
          'Key persons in scope, optionally one line list (due now, overdue, fever, ending today, released, lost, incomplete teams)',
        querystring: listKeyPersonsQuery,
        response: { 200: keyPersonPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/key-persons/line-lists',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags,
        summary: "How many key persons are on each line list, for a region or the caller's own worklist",
        querystring: lineListCountsQuery,
        response: { 200: lineListCounts },
      },
    },
    (request) => service.counts(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/key-persons/export',
    {
      config: { access: 'keyPersons.read', audit: 'person.export' },
      schema: {
        tags,
        summary: 'A line list as the 重点人员台账 workbook (.xlsx, unmasked, audited)',
        querystring: listKeyPersonsQuery.omit({ page: true, pageSize: true }),
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const file = await service.exportLedger(actorOf(request), request.query);
      return reply.headers(downloadHeaders('重点人员台账.xlsx')).send(file);
    },
  );

  app.get(
    '/api/v1/key-persons/:id',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: "One key person's full file (audited): team, history, checks, overdue slots",
        params: idParams,
        response: { 200: keyPersonDetailSchema },
      },
    },
    (request, reply) =>
      withVersion(db, reply, keyPerson, request.params.id, () => service.get(actorOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/key-persons',
    {
      config: { access: 'keyPersons.manage', audit: { oneOf: [['keyPerson.create', 'person.view'], 'person.view'] } },
      schema: {
        tags,
        summary: 'Put a registered person under a measure; a replayed id returns the existing file',
        body: createKeyPersonBody,
        response: { 200: keyPersonDetailSchema, 201: keyPersonDetailSchema },
      },
    },
    async (request, reply) => {
      const { created, record } = await service.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(record);
    },
  );

  app.patch(
    '/api/v1/key-persons/:id',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.update', 'person.view'] },
      schema: {
        tags,
        summary:
          'Change category or measure, extend or shorten (the old end and the reason are kept); with If-Match (the ETag of GET /key-persons/{id}), a change made by someone else since answers 412',
        params: idParams,
        body: updateKeyPersonBody,
        response: { 200: keyPersonDetailSchema },
      },
    },
    (request, reply) =>
      afterWriteVersion(db, reply, keyPerson, request.params.id, () =>
        service.update(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
      ),
  );

  app.post(
    '/api/v1/key-persons/:id/status',
    {
      config: { access: 'keyPersons.manage', audit: 'keyPerson.status' },
      schema: {
        tags,
        summary:
          "Release (after the last day's checks), hospitalise, mark lost to follow-up, or resume; with If-Match (the file's ETag), a change made by someone else since answers 412",
        params: idParams,
        body: statusBody,
        response: { 200: keyPersonDetailSchema },
      },
    },
    (request, reply) =>
      afterWriteVersion(db, reply, keyPerson, request.params.id, () =>
        service.setStatus(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
      ),
  );

  app.post(
    '/api/v1/key-persons/:id/transfer',
    {
      config: { access: 'keyPersons.manage', audit: 'keyPerson.transfer' },
      schema: {
        tags,
        summary:
          "Hand the file, with its history, to another region of the county or out of the county; with If-Match (the file's ETag), a change made by someone else since answers 412",
        params: idParams,
        body: transferBody,
        response: { 200: transferResult },
      },
    },
    (request, reply) =>
      afterWriteVersion(db, reply, keyPerson, request.params.id, () =>
        service.transfer(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
      ),
  );

  app.post(
    '/api/v1/key-persons/:id/officers',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.officerAdd', 'person.view'] },
      schema: {
        tags,
        summary: 'Name a responsible officer (包保责任人)',
        params: idParams,
        body: addOfficerBody,
        response: { 200: keyPersonDetailSchema },
      },
    },
    (request) => service.addOfficer(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/key-persons/:id/team',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.officerAdd', 'person.view'] },
      schema: {
        tags,
        summary: 'Name several officers at once, e.g. confirm the proposed team (all or none)',
        params: idParams,
        body: addTeamBody,
        response: { 200: keyPersonDetailSchema },
      },
    },
    (request) => service.addTeam(actorOf(request), request.params.id, request.body.officers),
  );

  app.get(
    '/api/v1/key-persons/:id/officer-candidates',
    {
      config: { access: 'keyPersons.manage' },
      schema: {
        tags,
        summary: "Accounts that can serve on the team, and the default team from the person's grid and village",
        params: idParams,
        response: { 200: officerCandidatesSchema },
      },
    },
    (request) => service.candidates(actorOf(request), request.params.id),
  );

  app.delete(
    '/api/v1/key-persons/:id/officers/:officerId',
    {
      config: { access: 'keyPersons.manage', audit: 'keyPerson.officerRemove' },
      schema: {
        tags,
        summary: 'Remove a responsible officer',
        params: officerParams,
        response: { 200: keyPersonDetailSchema },
      },
    },
    (request) => service.removeOfficer(actorOf(request), request.params.id, request.params.officerId),
  );
};
