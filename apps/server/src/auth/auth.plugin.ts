import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { passwordExpired, type Role } from '@fangkong/domain';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { localeOf } from '../http/locale.js';
import { Problem, unauthorized } from '../http/problem.js';
import type { Actor } from './actor.js';
import { can, type RouteAccess } from './permissions.js';
import type { AuditDeclaration } from '../audit/audit.js';
import { passwordPolicyCache, type PasswordPolicyCache } from './password-rules.js';
import { SESSION_COOKIE, sessionFinder, type LiveSession, type SessionLimits } from './session.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; a route without it makes the server refuse to start. */
    access?: RouteAccess;
    /** The audit event(s) the route writes, or `false`: required of writes and exports, or the server refuses to start. */
    audit?: AuditDeclaration;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The session behind the cookie, as read once by the access check. */
    session: LiveSession | null;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
    /** The deployment's password policy, shared by login, password changes and account management. */
    passwordPolicy: PasswordPolicyCache;
    /** Session lifetimes from the configuration. */
    sessionLimits: SessionLimits;
    /** The clock of sessions and login locks: wall-clock time (tests move it; business time is `now`). */
    wallClock: () => Date;
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  /** What the route declared it writes to the audit log (undefined: a read that need not say). */
  audit?: AuditDeclaration;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A write, or a read that hands out a file or an export: it must declare its audit event, or `audit: false`. */
export function mustDeclareAudit(method: string, url: string, produces: unknown): boolean {
  return (
    WRITE_METHODS.has(method) ||
    /\/(export|download)\b|\/file$/.test(url) ||
    (Array.isArray(produces) && produces.length > 0)
  );
}

// Routes that plugins register (the API docs) carry no data and are public; the web app's files are served by a route that declares its access.
const pluginRoutes = [/^\/api\/docs/];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a user whose password must be changed may still do: see who they are, change it, leave. */
const WHILE_PASSWORD_DUE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

/** The logged-in actor, or a 401 for routes that forgot to require one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

/** Why the session's user must change their password before anything else, if they must. */
export async function passwordDue(found: LiveSession, policy: PasswordPolicyCache, now: Date) {
  if (found.mustChangePassword) return { key: 'password.changeRequired' as const, days: undefined };
  const p = await policy.get();
  return passwordExpired(found.passwordChangedAt, now, p)
    ? { key: 'password.expired' as const, days: p.maxAgeDays }
    : null;
}

async function authPlugin(app: FastifyInstance, opts: { db: Db; config: Config; wallClock: () => Date }) {
  const limits: SessionLimits = {
    idleMinutes: opts.config.SESSION_IDLE_MINUTES,
    maxHours: opts.config.SESSION_MAX_HOURS,
    maxPerUser: opts.config.SESSION_MAX_PER_USER,
  };
  app.decorate('routeRegistry', [] as RegisteredRoute[]);
  app.decorate('passwordPolicy', passwordPolicyCache(opts.db, opts.config));
  app.decorate('sessionLimits', limits);
  app.decorate('wallClock', opts.wallClock);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  // Listed all at once when the server gets ready, so that routes merged from other branches are declared in one pass.
  const undeclaredAudit: string[] = [];
  app.addHook('onRoute', (route) => {
    const access = route.config?.access ?? (pluginRoutes.some((re) => re.test(route.url)) ? 'public' : undefined);
    if (!access)
      throw new Error(
        `Route ${String(route.method)} ${route.url} declares no access: every route must say what it requires`,
      );
    route.config = { ...route.config, access };
    const audit = route.config.audit;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeRegistry.push({ method, url: route.url, access, audit });
      if (
        audit === undefined &&
        mustDeclareAudit(method, route.url, (route.schema as { produces?: unknown } | undefined)?.produces)
      )
        undeclaredAudit.push(`${method} ${route.url}`);
    }
  });
  app.addHook('onReady', async () => {
    if (undeclaredAudit.length) {
      throw new Error(
        `${undeclaredAudit.length} write or export route(s) declare no audit: add config.audit (the event they write, or false) to\n  ${undeclaredAudit.join('\n  ')}`,
      );
    }
  });

  const readSession = sessionFinder(opts.db, limits, opts.wallClock);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access ?? 'public';
    if (access === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const found = token ? await readSession(token) : undefined;
    if (found) {
      request.session = found;
      const { user } = found;
      request.actor = {
        userId: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role as Role,
        regionId: user.regionId,
        scopePath: user.regionPath,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        locale: localeOf(request),
      };
    }
    if (!found || !request.actor) throw unauthorized();
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== found.csrfToken) {
      throw new Problem(403, 'csrf');
    }
    if (!WHILE_PASSWORD_DUE.has(request.routeOptions.url ?? '')) {
      const due = await passwordDue(found, app.passwordPolicy, opts.wallClock());
      if (due) throw new Problem(403, due.key, [], due.days !== undefined ? { days: due.days } : undefined);
    }
    if (access !== 'authenticated' && !can(request.actor.role, access)) throw new Problem(403, 'forbidden');
  });
}

export default fp(authPlugin, { name: 'auth' });
