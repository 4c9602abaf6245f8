import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  closeTriageBody,
  correctionBody,
  exportChecksQuery,
  healthCheckPage,
  healthCheckSchema,
  idParams,
  listChecksQuery,
  listTriageQuery,
  recordCheckBody,
  triageTaskPage,
  triageTaskSchema,
} from './health-checks.schemas.js';
import { healthChecksService } from './health-checks.service.js';
import { checksXlsx } from './health-checks.export.js';
import { shanghaiDateOf } from '@fangkong/domain';
import { audit } from '../../audit/audit.js';
import { invalid } from '../../http/problem.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';

const MAX_EXPORT = 20_000;
import { triageService } from './triage.service.js';

export const healthChecksRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const checks = healthChecksService(db, now);
  const triage = triageService(db, now);

  app.get(
    '/api/v1/health-checks',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags: ['healthChecks'],
        summary: 'Checks in scope, of one key person or one day',
        querystring: listChecksQuery,
        response: { 200: healthCheckPage },
      },
    },
    (request) => checks.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/health-checks/export',
    {
      config: { access: 'keyPersons.read', audit: 'healthCheck.export' },
      schema: {
        tags: ['healthChecks'],
        summary: `The same checks as .xlsx (up to ${MAX_EXPORT} rows; health data, so audited)`,
        querystring: exportChecksQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { items, total } = await checks.list(actor, { ...request.query, page: 1, pageSize: MAX_EXPORT });
      if (total > MAX_EXPORT)
        throw invalid([{ field: 'recordedFrom', key: 'tooBig', params: { maximum: MAX_EXPORT } }]);
      await audit(db, actor, {
        event: 'healthCheck.export',
        targetType: 'healthCheck',
        detail: { rows: items.length, filter: request.query },
      });
      return reply
        .headers(downloadHeaders(`健康监测记录-${shanghaiDateOf(now())}.xlsx`))
        .send(await checksXlsx(actor, items, now()));
    },
  );

  app.post(
    '/api/v1/health-checks',
    {
      config: { access: 'healthChecks.record', audit: 'healthCheck.record' },
      schema: {
        tags: ['healthChecks'],
        summary: 'Record a check for an open or past slot (one per slot; a replayed id returns the stored check)',
        body: recordCheckBody,
        response: { 200: healthCheckSchema, 201: healthCheckSchema },
      },
    },
    async (request, reply) => {
      const { created, check } = await checks.record(actorOf(request), request.body);
      return reply.status(created ? 201 : 200).send(check);
    },
  );

  app.post(
    '/api/v1/health-checks/:id/corrections',
    {
      config: { access: 'healthChecks.record', audit: 'healthCheck.correct' },
      schema: {
        tags: ['healthChecks'],
        summary: 'Correct a check: a new value with a reason; the first stays on record',
        params: idParams,
        body: correctionBody,
        response: { 201: healthCheckSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await checks.correct(actorOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/triage-tasks',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags: ['healthChecks'],
        summary: 'Triage tasks (fevers, red-flag symptoms) with their deadlines',
        querystring: listTriageQuery,
        response: { 200: triageTaskPage },
      },
    },
    (request) => triage.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/triage-tasks/:id/acknowledge',
    {
      config: { access: 'triage.manage', audit: 'triage.acknowledge' },
      schema: {
        tags: ['healthChecks'],
        summary: 'The health centre takes the task (stops its escalation)',
        params: idParams,
        response: { 200: triageTaskSchema },
      },
    },
    (request) => triage.acknowledge(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/triage-tasks/:id/close',
    {
      config: { access: 'triage.manage', audit: 'triage.acknowledge' },
      schema: {
        tags: ['healthChecks'],
        summary: 'Close the task with its outcome',
        params: idParams,
        body: closeTriageBody,
        response: { 200: triageTaskSchema },
      },
    },
    (request) => triage.close(actorOf(request), request.params.id, request.body.outcome),
  );
};
