import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { idParams } from './sentinels.schemas.js';
import { createWalkInBody, listWalkInsQuery, referWalkInBody, walkInPage, walkInSchema } from './walk-ins.schemas.js';
import { walkInsService } from './walk-ins.service.js';

export const walkInsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = walkInsService(db, now);
  const tags = ['walk-ins'];

  app.get(
    '/api/v1/walk-ins',
    {
      config: { access: 'triage.manage' },
      schema: {
        tags,
        summary: "Clinics' walk-in patients (预检分诊) in scope, newest first, with their triage task; masked",
        querystring: listWalkInsQuery,
        response: { 200: walkInPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/walk-ins',
    {
      config: { access: 'sentinelSales.record', audit: 'walkIn.create' },
      schema: {
        tags,
        summary:
          "Register a walk-in patient with fever or respiratory symptoms at the account's own clinic; opens a triage task",
        body: createWalkInBody,
        response: { 200: walkInSchema },
      },
    },
    (request) => service.record(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/walk-ins/:id/referral',
    {
      config: { access: 'triage.manage', audit: 'walkIn.refer' },
      schema: {
        tags,
        summary: 'Refer a walk-in patient to the fever clinic, with the time of the transfer',
        params: idParams,
        body: referWalkInBody,
        response: { 200: walkInSchema },
      },
    },
    (request) => service.refer(actorOf(request), request.params.id, request.body),
  );
};
