import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { closeTriageBody, correctionBody, healthCheckPage, healthCheckSchema, idParams, listChecksQuery, listTriageQuery, recordCheckBody, triageTaskPage, triageTaskSchema } from './health-checks.schemas.js';
import { healthChecksService } from './health-checks.service.js';
import { triageService } from './triage.service.js';

export const healthChecksRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const checks = healthChecksService(db, now);
  const triage = triageService(db, now);

  app.get('/api/v1/health-checks', {
    config: { access: 'keyPersons.read' },
    schema: { tags: ['healthChecks'], summary: 'Checks in scope, of one key person or one day', querystring: listChecksQuery, response: { 200: healthCheckPage } },
  }, (request) => checks.list(actorOf(request), request.query));

  app.post('/api/v1/health-checks', {
    config: { access: 'healthChecks.record' },
    schema: { tags: ['healthChecks'], summary: 'Record a check for an open or past slot (one per slot; a replayed id returns the stored check)', body: recordCheckBody, response: { 200: healthCheckSchema, 201: healthCheckSchema } },
  }, async (request, reply) => {
    const { created, check } = await checks.record(actorOf(request), request.body);
    return reply.status(created ? 201 : 200).send(check);
  });

  app.post('/api/v1/health-checks/:id/corrections', {
    config: { access: 'healthChecks.record' },
    schema: { tags: ['healthChecks'], summary: 'Correct a check: a new value with a reason; the first stays on record', params: idParams, body: correctionBody, response: { 201: healthCheckSchema } },
  }, async (request, reply) => reply.status(201).send(await checks.correct(actorOf(request), request.params.id, request.body)));

  app.get('/api/v1/triage-tasks', {
    config: { access: 'keyPersons.read' },
    schema: { tags: ['healthChecks'], summary: 'Triage tasks (fevers, red-flag symptoms) with their deadlines', querystring: listTriageQuery, response: { 200: triageTaskPage } },
  }, (request) => triage.list(actorOf(request), request.query));

  app.post('/api/v1/triage-tasks/:id/acknowledge', {
    config: { access: 'triage.manage' },
    schema: { tags: ['healthChecks'], summary: 'The health centre takes the task (stops its escalation)', params: idParams, response: { 200: triageTaskSchema } },
  }, (request) => triage.acknowledge(actorOf(request), request.params.id));

  app.post('/api/v1/triage-tasks/:id/close', {
    config: { access: 'triage.manage' },
    schema: { tags: ['healthChecks'], summary: 'Close the task with its outcome', params: idParams, body: closeTriageBody, response: { 200: triageTaskSchema } },
  }, (request) => triage.close(actorOf(request), request.params.id, request.body.outcome));
};
