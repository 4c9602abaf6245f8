import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { audit } from '../../audit/audit.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import {
  dailyReportSchema,
  historySchema,
  previewQuery,
  previewSchema,
  reportIdParams,
  statusQuery,
  statusSchema,
  submitReportBody,
} from './daily-reports.schemas.js';
import { dailyReportsService } from './daily-reports.service.js';
import { reportDocx, reportXlsx } from './daily-reports.document.js';
import { ratesQuery, ratesSchema, reportingRates } from './rates.js';
import { remindBody, remindersQuery, remindersSchema, remindResultSchema } from './reminders.schemas.js';
import { remindersService } from './reminders.service.js';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export const dailyReportsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const service = dailyReportsService(db, now);
  const reminders = remindersService(db, now);

  app.get(
    '/api/v1/daily-reports/status',
    {
      config: { access: 'dailyReports.read' },
      schema: {
        tags: ['daily-reports'],
        summary: 'Who has submitted for a day (on time, late, missing) and the completeness and timeliness rates',
        querystring: statusQuery,
        response: { 200: statusSchema },
      },
    },
    (request) => service.status(actorOf(request), request.query.regionId, request.query.reportDate),
  );

  app.get(
    '/api/v1/daily-reports/rates',
    {
      config: { access: 'dailyReports.read' },
      schema: {
        tags: ['daily-reports'],
        summary:
          'Completeness and timeliness per level and per day, week or month (expected, actual, on time), as DHIS2 reports them',
        querystring: ratesQuery,
        response: { 200: ratesSchema },
      },
    },
    (request) => reportingRates(db, actorOf(request), request.query, now()),
  );

  app.post(
    '/api/v1/daily-reports/reminders',
    {
      config: { access: 'dailyReports.remind', audit: 'dailyReport.remind' },
      schema: {
        tags: ['daily-reports'],
        summary: '催报: remind the villages or townships below whose report for the day is still missing',
        body: remindBody,
        response: { 200: remindResultSchema },
      },
    },
    (request) => reminders.remind(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/daily-reports/reminders',
    {
      config: { access: 'dailyReports.read' },
      schema: {
        tags: ['daily-reports'],
        summary: 'The reminders sent for a day to a region and the regions below it (a village sees its own)',
        querystring: remindersQuery,
        response: { 200: remindersSchema },
      },
    },
    (request) => reminders.list(actorOf(request), request.query.reportDate, request.query.regionId),
  );

  app.get(
    '/api/v1/daily-reports/preview',
    {
      config: { access: 'dailyReports.read' },
      schema: {
        tags: ['daily-reports'],
        summary: "A region's figures computed now, next to its latest submitted snapshot",
        querystring: previewQuery,
        response: { 200: previewSchema },
      },
    },
    (request) => service.preview(actorOf(request), request.query.regionId, request.query.reportDate),
  );

  app.post(
    '/api/v1/daily-reports',
    {
      config: { access: 'dailyReports.submit', audit: { oneOf: ['dailyReport.submit', 'dailyReport.correct'] } },
      schema: {
        tags: ['daily-reports'],
        summary: 'Submit a report (or a zero report, or a correction with its reason); the figures are frozen',
        body: submitReportBody,
        response: { 200: dailyReportSchema },
      },
    },
    (request) => service.submit(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/daily-reports/:id',
    {
      config: { access: 'dailyReports.read' },
      schema: {
        tags: ['daily-reports'],
        summary: 'One submitted version',
        params: reportIdParams,
        response: { 200: dailyReportSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/daily-reports/:id/versions',
    {
      config: { access: 'dailyReports.read' },
      schema: {
        tags: ['daily-reports'],
        summary: 'Every version of the same region and day, newest first',
        params: reportIdParams,
        response: { 200: historySchema },
      },
    },
    (request) => service.history(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/daily-reports/:id/document',
    {
      config: { access: 'dailyReports.read', audit: 'dailyReport.export' },
      schema: {
        tags: ['daily-reports'],
        summary: 'The report as a Word (.docx) or Excel (.xlsx) file',
        params: reportIdParams,
        querystring: z.object({ format: z.enum(['docx', 'xlsx']).default('docx') }),
        produces: [DOCX_MIME, XLSX_MIME],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const report = await service.get(actor, request.params.id);
      const { format } = request.query;
      const file = format === 'xlsx' ? await reportXlsx(report, actor.locale) : await reportDocx(report, actor.locale);
      await audit(db, actor, {
        event: 'dailyReport.export',
        targetType: 'dailyReport',
        targetId: report.id,
        detail: { format },
      });
      const name = `${report.regionName}-${report.reportDate}-v${report.version}.${format}`;
      return reply.headers(downloadHeaders(name, format === 'xlsx' ? XLSX_MIME : DOCX_MIME)).send(file);
    },
  );
};
