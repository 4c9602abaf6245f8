import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { audit } from '../audit/audit.js';
import { unauthorized } from '../http/problem.js';
import { actorOf } from './auth.plugin.js';
import { authService } from './auth.service.js';
import { loginBody, sessionReply } from './auth.schemas.js';
import { SESSION_COOKIE, closeSession, findSession } from './session.js';

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const service = authService(db, config);
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.NODE_ENV === 'production',
    maxAge: config.SESSION_TTL_HOURS * 3600,
  };

  const reply = (found: Awaited<ReturnType<typeof findSession>>) => {
    if (!found) throw unauthorized();
    return { user: { ...found.user, role: found.user.role as never }, csrfToken: found.csrfToken };
  };

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['auth'], summary: 'Log in with username and password', body: loginBody, response: { 200: sessionReply } },
  }, async (request, res) => {
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
    const { token } = await service.login(request.body.username, request.body.password, meta);
    res.setCookie(SESSION_COOKIE, token, cookieOptions);
    return reply(await findSession(db, token, config.SESSION_TTL_HOURS));
  });

  app.get('/api/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'The logged-in user and the CSRF token for writes', response: { 200: sessionReply } },
  }, async (request) => reply(request.session ?? undefined));

  app.post('/api/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags: ['auth'], summary: 'Log out', response: { 204: z.null() } },
  }, async (request, res) => {
    const actor = actorOf(request);
    await closeSession(db, request.cookies[SESSION_COOKIE] ?? '');
    await audit(db, actor, { event: 'auth.logout', targetType: 'user', targetId: actor.userId });
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return res.status(204).send(null);
  });
};
