import { rm } from 'node:fs/promises';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  exportQuery,
  importResult,
  duplicatePage,
  mergePersonBody,
  createPersonBody,
  listPersonsQuery,
  movePersonBody,
  personDetail,
  personFull,
  personIdParams,
  personPage,
  personSchema,
  updatePersonBody,
} from './persons.schemas.js';
import { personsService } from './persons.service.js';
import { duplicatesService } from './duplicates.service.js';
import { pageQuerySchema } from '@fangkong/domain';
import { z } from 'zod';
import { Problem } from '../../http/problem.js';
import { afterWriteVersion, ifMatchVersion, withVersion } from '../../http/edit-version.js';
import { person } from '../../db/schema/index.js';
import { CSV_MIME, XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import { importLedger, readLedger } from './persons.import.js';
import { ensureExportDir, exportFilePath, fileJobsService } from '../file-jobs/file-jobs.service.js';
import { fileJobStarted } from '../file-jobs/file-jobs.schemas.js';
import { detectLedgerColumns, importQuery, ledgerColumnsResult } from './ledger-columns.js';
import { exportLedger, ledgerTemplate, prepareLedgerExportJob } from './persons.export.js';

export const personsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = personsService(db, now);
  const duplicates = duplicatesService(db, now);
  const jobs = fileJobsService(db, now);

  app.get(
    '/api/v1/persons/ledger-template',
    {
      config: { access: 'persons.manage', audit: false },
      schema: { tags: ['persons'], summary: 'The 基础台账表 template (xlsx) for imports', produces: [XLSX_MIME] },
    },
    async (_request, reply) => reply.headers(downloadHeaders('基础台账表模板.xlsx')).send(await ledgerTemplate()),
  );

  app.post(
    '/api/v1/persons/import',
    {
      config: { access: 'persons.manage', audit: 'person.import' },
      schema: {
        tags: ['persons'],
        summary:
          'Import households and persons from the 基础台账表 (xlsx or CSV) as a job: answers 202 with the job id at once (GET /api/v1/jobs/{id} for progress and the LedgerImportResult); each row is written whole or reported; re-imports create nothing',
        consumes: [CSV_MIME, XLSX_MIME],
        querystring: importQuery,
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 202: fileJobStarted },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      const actor = actorOf(request);
      try {
        const rows = await readLedger(request.body, request.headers['content-type'] ?? '', request.query.mapping);
        const id = await jobs.start(actor, 'import', rows.length, async (onProgress) =>
          importResult.parse(await importLedger(db, actor, rows, { onProgress })),
        );
        return reply.status(202).send({ id });
      } catch (e) {
        // Not a spreadsheet at all (a renamed file, a broken zip): one clear error, nothing written.
        if (
          e instanceof Error &&
          !(e instanceof Problem) &&
          /zip|central directory|signature|end of data|Invalid|Corrupted/i.test(e.message)
        )
          throw new Problem(415, 'unsupportedMediaType');
        throw e;
      }
    },
  );

  app.post(
    '/api/v1/persons/import/columns',
    {
      config: { access: 'persons.manage', audit: false },
      schema: {
        tags: ['persons'],
        summary:
          'The header names of an uploaded 基础台账表 and the ledger column each is matched to, for the user to check before importing',
        consumes: [CSV_MIME, XLSX_MIME],
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 200: ledgerColumnsResult },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      return detectLedgerColumns(request.body, request.headers['content-type'] ?? '');
    },
  );

  app.get(
    '/api/v1/persons/export',
    {
      config: { access: 'persons.read', audit: 'person.export' },
      schema: {
        tags: ['persons'],
        summary:
          '基础台账表 as xlsx, streamed; masked unless full=true (needs persons.readFull); every export is audited',
        querystring: exportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const stream = await exportLedger(
        db,
        actorOf(request),
        { regionId: request.query.regionId, full: request.query.full === 'true' },
        now(),
      );
      return reply.headers(downloadHeaders('基础台账表.xlsx')).send(stream);
    },
  );

  app.post(
    '/api/v1/persons/export-jobs',
    {
      config: { access: 'persons.read', audit: false },
      schema: {
        tags: ['persons'],
        summary:
          '基础台账表 export as a job: answers 202 with the job id; the file waits at /api/v1/jobs/{id}/file until downloaded (audited then); masked unless full=true (needs persons.readFull)',
        querystring: exportQuery,
        response: { 202: fileJobStarted },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const full = request.query.full === 'true';
      const job = await prepareLedgerExportJob(db, actor, { regionId: request.query.regionId, full }, now());
      await ensureExportDir();
      const id = await jobs.start(actor, 'export', job.total, async (onProgress, jobId) => {
        const file = exportFilePath(jobId);
        // A half-written file is never offered: it goes with the failed job.
        const rows = await job.write(file, onProgress).catch(async (e: unknown) => {
          await rm(file, { force: true });
          throw e;
        });
        return { rows, full, regionPath: job.below, downloaded: false };
      });
      return reply.status(202).send({ id });
    },
  );

  app.get(
    '/api/v1/persons/duplicates',
    {
      config: { access: 'persons.manage' },
      schema: {
        tags: ['persons'],
        summary: 'Likely duplicates without an ID number, for a cadre to merge',
        querystring: pageQuerySchema,
        response: { 200: duplicatePage },
      },
    },
    (request) => duplicates.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/persons/:id/merge',
    {
      config: { access: 'persons.manage', audit: 'person.merge' },
      schema: {
        tags: ['persons'],
        summary: 'Merge a duplicate into this person: every link moves here, audited',
        params: personIdParams,
        body: mergePersonBody,
        response: { 200: personDetail },
      },
    },
    async (request) => {
      await duplicates.merge(actorOf(request), request.params.id, request.body.duplicateId);
      return service.get(actorOf(request), request.params.id);
    },
  );

  app.get(
    '/api/v1/persons',
    {
      config: { access: 'persons.read' },
      schema: {
        tags: ['persons'],
        summary: 'Persons in scope (masked): search by name, ID number or its last digits, phone',
        querystring: listPersonsQuery,
        response: { 200: personPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/persons/:id',
    {
      config: { access: 'persons.read' },
      schema: {
        tags: ['persons'],
        summary: 'One person (masked) with household moves, visits and leads',
        params: personIdParams,
        response: { 200: personDetail },
      },
    },
    (request, reply) =>
      withVersion(db, reply, person, request.params.id, () => service.get(actorOf(request), request.params.id)),
  );

  app.get(
    '/api/v1/persons/:id/full',
    {
      config: { access: 'persons.readFull', audit: 'person.view' },
      schema: {
        tags: ['persons'],
        summary: 'The unmasked ID number, phone and address of a person (audited)',
        params: personIdParams,
        response: { 200: personFull },
      },
    },
    (request) => service.full(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/persons',
    {
      config: { access: 'persons.manage', audit: 'person.create' },
      schema: {
        tags: ['persons'],
        summary: 'Register a person; an ID number already registered (or a replayed id) answers 200 with that record',
        body: createPersonBody,
        response: { 200: personSchema, 201: personSchema },
      },
    },
    async (request, reply) => {
      const { created, person } = await service.create(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(person);
    },
  );

  app.patch(
    '/api/v1/persons/:id',
    {
      config: { access: 'persons.manage', audit: 'person.update' },
      schema: {
        tags: ['persons'],
        summary:
          'Change a person; with If-Match (the ETag of GET /persons/{id}), a change made by someone else since answers 412',
        params: personIdParams,
        body: updatePersonBody,
        response: { 200: personDetail },
      },
    },
    (request, reply) =>
      afterWriteVersion(db, reply, person, request.params.id, () =>
        service.update(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
      ),
  );

  app.post(
    '/api/v1/persons/:id/move',
    {
      config: { access: 'persons.manage', audit: 'person.move' },
      schema: {
        tags: ['persons'],
        summary:
          'Move a person to another household, keeping the history; with If-Match (the ETag of GET /persons/{id}), a change made by someone else since answers 412',
        params: personIdParams,
        body: movePersonBody,
        response: { 200: personDetail },
      },
    },
    (request, reply) =>
      afterWriteVersion(db, reply, person, request.params.id, () =>
        service.move(actorOf(request), request.params.id, request.body, ifMatchVersion(request)),
      ),
  );
};
