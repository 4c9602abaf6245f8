import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { closeSessionsById } from '../../auth/session.js';
import { audit } from '../../audit/audit.js';
import { notFound } from '../../http/problem.js';
import { listSessionsQuery, onlineSessionPage, sessionIdParams } from './sessions.schemas.js';
import { selectSessionInScope, selectSessions } from './sessions.queries.js';

/** 在线用户: who is signed in where, and the security administrator's forced logout. */
export const sessionsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  const tags = ['sessions'];

  app.get(
    '/api/v1/sessions',
    {
      config: { access: 'sessions.manage' },
      schema: {
        tags,
        summary: 'Live sessions of the users in scope (在线用户)',
        querystring: listSessionsQuery,
        response: { 200: onlineSessionPage },
      },
    },
    async (request) => {
      const { items, total } = await selectSessions(db, actorOf(request), request.query, app.wallClock());
      const mine = request.session?.sessionId;
      return {
        total,
        items: items.map((s) => ({
          ...s,
          role: s.role as never,
          createdAt: s.createdAt.toISOString(),
          lastSeenAt: s.lastSeenAt.toISOString(),
          current: s.id === mine,
        })),
      };
    },
  );

  app.delete(
    '/api/v1/sessions/:id',
    {
      config: { access: 'sessions.manage', audit: 'session.forceEnd' },
      schema: {
        tags,
        summary: 'End a session at once (forced logout; audited)',
        params: sessionIdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const found = await selectSessionInScope(db, actor, request.params.id, app.wallClock());
      if (!found) throw notFound();
      await db.transaction(async (tx) => {
        await closeSessionsById(tx, [found.id]);
        await audit(tx, actor, {
          event: 'session.forceEnd',
          targetType: 'user',
          targetId: found.userId,
          regionPath: found.regionPath,
          detail: { username: found.username, ip: found.ip, result: 'success' },
        });
      });
      return reply.status(204).send(null);
    },
  );
};
