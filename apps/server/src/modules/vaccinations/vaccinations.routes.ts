import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { Problem } from '../../http/problem.js';
import { downloadHeaders } from '../../files/download.js';
import { CSV_MIME, XLSX_MIME } from '../../files/table-reader.js';
import { fileJobsService } from '../file-jobs/file-jobs.service.js';
import { fileJobStarted } from '../file-jobs/file-jobs.schemas.js';
import {
  coveragePersonPage,
  coveragePersonsQuery,
  coverageQuery,
  coverageSchema,
  doseList,
  doseSchema,
  followUpBody,
  followUpSchema,
  personIdParams,
  recordDoseBody,
  vaccinationImportResult,
} from './vaccinations.schemas.js';
import { vaccinationsService } from './vaccinations.service.js';
import { importDoses, readDoses } from './vaccinations.import.js';
import { coverageXlsx } from './vaccinations.export.js';

export const vaccinationsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = vaccinationsService(db, now);
  const jobs = fileJobsService(db, now);
  const tags = ['vaccinations'];

  app.get(
    '/api/v1/vaccinations/coverage',
    {
      config: { access: 'persons.read' },
      schema: {
        tags,
        summary:
          '接种率: a region and each of its children by age group: population aged 3+, first dose, full, booster',
        querystring: coverageQuery,
        response: { 200: coverageSchema },
      },
    },
    (request) => service.coverage(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/vaccinations/coverage/export',
    {
      config: { access: 'persons.read', audit: false },
      schema: {
        tags,
        summary: '疫苗接种统计表 (xlsx): the coverage table; figures only, so not audited',
        querystring: coverageQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const file = await coverageXlsx(actor, await service.coverage(actor, request.query), now());
      return reply.headers(downloadHeaders('疫苗接种统计表.xlsx')).send(file);
    },
  );

  app.get(
    '/api/v1/vaccinations/persons',
    {
      config: { access: 'persons.read' },
      schema: {
        tags,
        summary:
          'Persons of the population (aged 3+) with or without a dose by the day, by age group: the drill-down of the coverage figures and the not-vaccinated visit list (政府找人); ID numbers masked',
        querystring: coveragePersonsQuery,
        response: { 200: coveragePersonPage },
      },
    },
    (request) => service.persons(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/persons/:id/vaccination-doses',
    {
      config: { access: 'persons.read' },
      schema: { tags, summary: "A person's vaccination doses", params: personIdParams, response: { 200: doseList } },
    },
    (request) => service.doses(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/vaccination-doses',
    {
      config: { access: 'persons.manage', audit: 'vaccination.record' },
      schema: {
        tags,
        summary:
          'Record one dose (on a visit or the person page); the same person, dose number and date again answers the recorded dose',
        body: recordDoseBody,
        response: { 200: doseSchema },
      },
    },
    (request) => service.record(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/vaccination-doses/import',
    {
      config: { access: 'persons.manage', audit: 'vaccination.import' },
      schema: {
        tags,
        summary:
          "Import doses from the vaccination system's export (xlsx or CSV) as a job, matched by ID number: answers 202 with the job id (GET /api/v1/jobs/{id} for the VaccinationImportResult); rows with errors are reported, the rest written together; re-imports add nothing",
        consumes: [CSV_MIME, XLSX_MIME],
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 202: fileJobStarted },
      },
    },
    async (request, reply) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      const actor = actorOf(request);
      const rows = await readDoses(request.body, request.headers['content-type'] ?? '').catch((e: unknown) => {
        if (
          e instanceof Error &&
          !(e instanceof Problem) &&
          /zip|central directory|signature|end of data|Invalid|Corrupted/i.test(e.message)
        )
          throw new Problem(415, 'unsupportedMediaType');
        throw e;
      });
      const today = service.today();
      const id = await jobs.start(actor, 'import', rows.length, async (onProgress) =>
        vaccinationImportResult.parse(await importDoses(db, actor, rows, today, onProgress)),
      );
      return reply.status(202).send({ id });
    },
  );

  app.post(
    '/api/v1/vaccination-follow-ups',
    {
      config: { access: 'persons.manage', audit: 'vaccination.followUp' },
      schema: {
        tags,
        summary: 'Record why a person is not vaccinated (contraindication, refused, away), as found on a visit',
        body: followUpBody,
        response: { 200: followUpSchema },
      },
    },
    (request) => service.followUp(actorOf(request), request.body),
  );
};
