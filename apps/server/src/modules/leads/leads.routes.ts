import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../auth/auth.plugin.js';
import { Problem } from '../../http/problem.js';
import { CSV_MIME, XLSX_MIME } from '../../files/table-reader.js';
import type { ModuleOptions } from '../module-options.js';
import {
  dismissLeadBody,
  idParams,
  importLeadsMapping,
  importLeadsQuery,
  importLeadsResult,
  leadLists,
  leadPage,
  leadSchema,
  linkLeadBody,
  listIdParams,
  mergeLeadBody,
  placeLeadBody,
  listLeadsQuery,
  verifyLeadBody,
  verifyResult,
} from './leads.schemas.js';
import { downloadHeaders } from '../../files/download.js';
import { leadsService } from './leads.inbox.js';
import { importLeads } from './leads.import.js';
import { assistListTemplate } from './leads.template.js';
import { unmatchedLeads } from './leads.unmatched.js';

export const leadsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = leadsService(db, now);
  const unmatched = unmatchedLeads(db);
  const tags = ['leads'];

  app.get(
    '/api/v1/leads',
    {
      config: { access: 'leads.read' },
      schema: {
        tags,
        summary: 'Leads in scope with their deadlines and sources, soonest deadline first',
        querystring: listLeadsQuery,
        response: { 200: leadPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/leads/lists',
    {
      config: { access: 'leads.read' },
      schema: {
        tags,
        summary: 'The imported lists (协查名单) with rows in scope and how far their verification is, newest first',
        response: { 200: leadLists },
      },
    },
    (request) => service.lists(actorOf(request)),
  );

  app.get(
    '/api/v1/leads/lists/:listId/feedback',
    {
      config: { access: 'leads.manage', audit: 'lead.feedbackExport' },
      schema: {
        tags,
        summary: 'The list sent back row by row with each result (协查反馈表, .xlsx, unmasked, audited)',
        params: listIdParams,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { name, file } = await service.feedback(actorOf(request), request.params.listId);
      return reply.headers(downloadHeaders(name)).send(file);
    },
  );

  app.get(
    '/api/v1/leads/:id',
    {
      config: { access: 'leads.read' },
      schema: { tags, summary: 'One lead with its sources', params: idParams, response: { 200: leadSchema } },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/leads/:id/verify',
    {
      config: { access: 'leads.manage', audit: 'lead.verify' },
      schema: {
        tags,
        summary: 'Verify a lead into a key-person file',
        params: idParams,
        body: verifyLeadBody,
        response: { 200: verifyResult },
      },
    },
    (request) => service.verify(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/leads/:id/dismiss',
    {
      config: { access: 'leads.manage', audit: 'lead.dismiss' },
      schema: {
        tags,
        summary: 'Dismiss a lead with the reason',
        params: idParams,
        body: dismissLeadBody,
        response: { 200: leadSchema },
      },
    },
    (request) => service.dismiss(actorOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/api/v1/leads/:id/place',
    {
      config: { access: 'leads.manage', audit: 'lead.place' },
      schema: {
        tags,
        summary: 'Place an unmatched lead in a region below its own (a village), whose inbox then shows it',
        params: idParams,
        body: placeLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return service.get(actor, await unmatched.place(actor, request.params.id, request.body.regionId));
    },
  );

  app.post(
    '/api/v1/leads/:id/link',
    {
      config: { access: 'leads.manage', audit: 'lead.link' },
      schema: {
        tags,
        summary:
          'Link an unmatched lead to a person registered since: it moves to their village, or joins their open lead; answers the lead kept',
        params: idParams,
        body: linkLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return service.get(actor, await unmatched.link(actor, request.params.id, request.body.personId));
    },
  );

  app.post(
    '/api/v1/leads/:id/merge',
    {
      config: { access: 'leads.manage', audit: 'lead.merge' },
      schema: {
        tags,
        summary:
          "Merge an open lead into another lead of the same person (open or resolved): its list rows then read that lead's result; answers the lead kept",
        params: idParams,
        body: mergeLeadBody,
        response: { 200: leadSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return service.get(actor, await unmatched.merge(actor, request.params.id, request.body.leadId));
    },
  );

  app.get(
    '/api/v1/leads/import-template',
    {
      config: { access: 'leads.manage', audit: false },
      schema: { tags, summary: 'The 协查名单 template (xlsx) for imports', produces: [XLSX_MIME] },
    },
    async (_request, reply) => reply.headers(downloadHeaders('协查名单模板.xlsx')).send(await assistListTemplate()),
  );

  app.post(
    '/api/v1/leads/import',
    {
      config: { access: 'leads.manage', audit: 'lead.import' },
      schema: {
        tags,
        summary:
          'Import an upstream list (协查通报, CSV or xlsx: 姓名, 身份证号, 手机号, 地址, 来源地, 抵达时间, 批次号, 备注 or their synonyms; title rows above the header skipped, other columns ignored and named); all rows or none: a bad row answers 422 with every bad row; unclear columns answer the mapping step (LeadImportMapping) to re-submit with `mapping`; a person registered outside the scope is raised at the region covering both, untouched and unrevealed',
        consumes: [CSV_MIME, XLSX_MIME],
        querystring: importLeadsQuery,
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 200: z.union([importLeadsResult, importLeadsMapping]) },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      return importLeads(
        db,
        actorOf(request),
        request.body,
        request.headers['content-type'] ?? '',
        request.query,
        now(),
      );
    },
  );
};
