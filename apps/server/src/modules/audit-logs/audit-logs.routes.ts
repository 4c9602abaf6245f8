import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { auditLogPage, listAuditLogsQuery } from './audit-logs.schemas.js';
import { selectAuditLogs } from './audit-logs.queries.js';

export const auditLogsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get('/api/v1/audit-logs', {
    config: { access: 'auditLogs.read' },
    schema: { tags: ['audit'], summary: 'Search the audit log', querystring: listAuditLogsQuery, response: { 200: auditLogPage } },
  }, (request) => selectAuditLogs(db, actorOf(request), request.query));
};
