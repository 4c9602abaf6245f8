import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import { downloadHeaders } from '../../files/download.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import type { ModuleOptions } from '../module-options.js';
import { findingExportQuery, findingSchema, idParams, waitingBody } from './supervision.schemas.js';
import { supervisionService } from './supervision.service.js';
import { findingWaitsService } from './finding-waits.service.js';
import { supervisionExportsService } from './supervision-exports.service.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A finding waiting on a supply, the findings ledger (.xlsx) and the circular (.docx). */
export const findingDocumentRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = supervisionService(db, now);
  const waits = findingWaitsService(db, now);
  const exports = supervisionExportsService(db, now);
  const tags = ['supervision'];

  app.post(
    '/api/v1/findings/:id/waiting',
    {
      config: { access: 'findings.rectify', audit: { oneOf: ['finding.wait', 'finding.release'] } },
      schema: {
        tags,
        summary:
          'Mark a finding as waiting on a supply (缺物资) from a store, while time remains, so it is not overdue meanwhile; or release it',
        params: idParams,
        body: waitingBody,
        response: { 200: findingSchema },
      },
    },
    (request) =>
      waits.wait(actorOf(request), request.params.id, request.body, (id) => service.getFinding(actorOf(request), id)),
  );

  app.get(
    '/api/v1/findings/:id/supply-stores',
    {
      config: { access: 'findings.rectify' },
      schema: {
        tags,
        summary: 'The supply stores a finding may wait on: at, above or below its responsible region',
        params: idParams,
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) }) },
      },
    },
    (request) => waits.storesFor(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/findings/ledger',
    {
      config: { access: 'inspections.read', audit: 'finding.export' },
      schema: {
        tags,
        summary: 'The findings ledger (督查整改台账) as .xlsx: the findings the list query selects, by township',
        querystring: findingExportQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const { file, name } = await exports.ledger(actorOf(request), request.query);
      return reply.headers(downloadHeaders(name, XLSX_MIME)).send(file);
    },
  );

  app.get(
    '/api/v1/findings/circular',
    {
      config: { access: 'inspections.read', audit: 'supervisionCircular.export' },
      schema: {
        tags,
        summary: 'The supervision circular (督查通报) as .docx: findings by township with their rectification',
        querystring: findingExportQuery,
        produces: [DOCX_MIME],
      },
    },
    async (request, reply) => {
      const { file, name } = await exports.circular(actorOf(request), request.query);
      return reply.headers(downloadHeaders(name, DOCX_MIME)).send(file);
    },
  );
};
