import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { leadSchema } from '../leads/leads.schemas.js';
import { leadsService } from '../leads/leads.inbox.js';
import {
  challengeSchema,
  idParams,
  publicOptionsSchema,
  receiptSchema,
  reporterSchema,
  selfReportBody,
  tipBody,
} from './public-reports.schemas.js';
import { publicReportsService } from './public-reports.service.js';
import { markMalicious } from './public-reports.malicious.js';
import { viewReporter } from './public-reports.reporter.js';

/** The tip with its photo in base64 (5 MB → about 6.7 MB) and its words; anything larger is refused unread. */
const TIP_BODY_LIMIT = 8 * 1024 * 1024;

export const publicReportsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = publicReportsService(db, now);
  const leads = leadsService(db, now);
  const tags = ['leads'];
  const caller = (request: { ip: string; headers: Record<string, unknown> }) => ({
    ip: request.ip,
    userAgent: String(request.headers['user-agent'] ?? '').slice(0, 300),
  });

  // Public by design (posters and QR codes): the county's place names and its risk areas, nothing personal.
  app.get(
    '/api/public/report-options',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The county's townships and villages and the risk areas in force, for the public pages",
        response: { 200: publicOptionsSchema },
        security: [],
      },
    },
    () => service.options(),
  );

  app.get(
    '/api/public/challenge',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An arithmetic question to answer once a caller has sent too much (signed, nothing stored)',
        response: { 200: challengeSchema },
        security: [],
      },
    },
    () => service.challenge(),
  );

  app.post(
    '/api/public/self-reports',
    {
      config: { access: 'public', audit: 'lead.selfReport' },
      schema: {
        tags,
        summary: '主动报备: a person arriving reports themself and their companions; each becomes a lead',
        body: selfReportBody,
        response: { 201: receiptSchema },
        security: [],
      },
    },
    async (request, reply) => reply.status(201).send(await service.selfReport(caller(request), request.body)),
  );

  app.post(
    '/api/public/tips',
    {
      bodyLimit: TIP_BODY_LIMIT,
      config: { access: 'public', audit: 'lead.tip' },
      schema: {
        tags,
        summary: '举报: anonymous or named, with an optional photo; becomes a lead of source tip',
        body: tipBody,
        response: { 201: receiptSchema },
        security: [],
      },
    },
    async (request, reply) => reply.status(201).send(await service.tip(caller(request), request.body)),
  );

  app.post(
    '/api/v1/leads/:id/malicious',
    {
      config: { access: 'leads.markMalicious', audit: 'lead.markMalicious' },
      schema: {
        tags,
        summary: 'Mark an open tip malicious (恶意举报): dismissed with that reason',
        params: idParams,
        response: { 200: leadSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await markMalicious(db, actor, request.params.id, now());
      return leads.get(actor, request.params.id);
    },
  );

  app.get(
    '/api/v1/leads/:id/reporter',
    {
      config: { access: 'leads.markMalicious', audit: 'lead.reporterView' },
      schema: {
        tags,
        summary: 'The named reporter of a tip in full (township and above; audited); not found for a village',
        params: idParams,
        response: { 200: reporterSchema },
      },
    },
    (request) => viewReporter(db, actorOf(request), request.params.id),
  );
};
