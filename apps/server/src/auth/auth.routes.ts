import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { audit } from '../audit/audit.js';
import { unauthorized } from '../http/problem.js';
import { actorOf, passwordDue } from './auth.plugin.js';
import { authService } from './auth.service.js';
import { changePasswordBody, loginBody, passwordPolicySchema, sessionReply } from './auth.schemas.js';
import { SESSION_COOKIE, closeSession, findSession, type LiveSession } from './session.js';

/** Served over HTTPS, directly or behind a trusted proxy that says so. */
export const isHttps = (request: FastifyRequest) => request.protocol === 'https';

export const authRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db, config }) => {
  const clock = app.wallClock;
  const service = authService(db, config, { limits: app.sessionLimits, policy: app.passwordPolicy, clock });
  const cookieOptions = (request: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: isHttps(request) || config.NODE_ENV === 'production',
    maxAge: Math.round(config.SESSION_MAX_HOURS * 3600),
  });

  const reply = async (found: LiveSession | undefined | null) => {
    if (!found) throw unauthorized();
    const due = await passwordDue(found, app.passwordPolicy, clock());
    const passwordChange = due ? (due.key === 'password.expired' ? 'expired' : 'initial') : null;
    return {
      user: { ...found.user, role: found.user.role as never },
      csrfToken: found.csrfToken,
      passwordChange,
    } as const;
  };

  app.post(
    '/api/auth/login',
    {
      config: { access: 'public', audit: { oneOf: ['auth.login', ['auth.login', 'auth.sessionEnded']] } },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password',
        body: loginBody,
        response: { 200: sessionReply },
      },
    },
    async (request, res) => {
      const meta = { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' };
      const { token, lastLogin } = await service.login(request.body.username, request.body.password, meta);
      res.setCookie(SESSION_COOKIE, token, cookieOptions(request));
      return { ...(await reply(await findSession(db, token, app.sessionLimits, clock()))), lastLogin };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The logged-in user and the CSRF token for writes',
        response: { 200: sessionReply },
      },
    },
    (request) => reply(request.session),
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: 'authenticated', audit: 'auth.passwordChange' },
      schema: {
        tags: ['auth'],
        summary: "Change one's own password (ends one's other sessions)",
        body: changePasswordBody,
        response: { 204: z.null() },
      },
    },
    async (request, res) => {
      await service.changePassword(
        actorOf(request),
        request.session!.sessionId,
        request.body.currentPassword,
        request.body.newPassword,
      );
      return res.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/password-policy',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The rules a new password must meet, to show them before one is typed',
        response: { 200: passwordPolicySchema },
      },
    },
    () => app.passwordPolicy.get(),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated', audit: 'auth.logout' },
      schema: { tags: ['auth'], summary: 'Log out', response: { 204: z.null() } },
    },
    async (request, res) => {
      const actor = actorOf(request);
      await closeSession(db, request.cookies[SESSION_COOKIE] ?? '');
      await audit(db, actor, {
        event: 'auth.logout',
        targetType: 'user',
        targetId: actor.userId,
        regionPath: actor.scopePath,
        detail: { result: 'success' },
      });
      res.clearCookie(SESSION_COOKIE, { path: '/' });
      return res.status(204).send(null);
    },
  );
};
