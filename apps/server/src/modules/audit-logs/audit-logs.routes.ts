import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { shanghaiDateOf } from '@fangkong/domain';
import { auditLogPage, exportAuditLogsQuery, listAuditLogsQuery } from './audit-logs.schemas.js';
import { auditLogXlsx } from './audit-logs.export.js';
import { audit } from '../../audit/audit.js';
import { invalid } from '../../http/problem.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';

const MAX_ROWS = 20_000;
import { selectAuditLogs } from './audit-logs.queries.js';

export const auditLogsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  app.get(
    '/api/v1/audit-logs',
    {
      config: { access: 'auditLogs.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log',
        querystring: listAuditLogsQuery,
        response: { 200: auditLogPage },
      },
    },
    (request) => selectAuditLogs(db, actorOf(request), request.query),
  );

  app.get(
    '/api/v1/audit-logs/export',
    {
      config: { access: 'auditLogs.export', audit: 'auditLog.export' },
      schema: {
        tags: ['audit'],
        summary: `The audit log as searched, as .xlsx (up to ${MAX_ROWS} rows; the export is itself audited)`,
        querystring: exportAuditLogsQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { items, total } = await selectAuditLogs(db, actor, { ...request.query, page: 1, pageSize: MAX_ROWS });
      if (total > MAX_ROWS) throw invalid([{ field: 'from', key: 'tooBig', params: { maximum: MAX_ROWS } }]);
      await audit(db, actor, {
        event: 'auditLog.export',
        targetType: 'auditLog',
        detail: { rows: items.length, filter: request.query },
      });
      return reply
        .headers(downloadHeaders(`审计日志-${shanghaiDateOf(now())}.xlsx`))
        .send(await auditLogXlsx(actor, items, now()));
    },
  );
};
