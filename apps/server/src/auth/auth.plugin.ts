import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '@fangkong/domain';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { localeOf } from '../http/locale.js';
import { Problem, unauthorized } from '../http/problem.js';
import type { Actor } from './actor.js';
import { can, type RouteAccess } from './permissions.js';
import { SESSION_COOKIE, sessionFinder, type findSession } from './session.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route requires; a route without it makes the server refuse to start. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The session behind the cookie, as read once by the access check. */
    session: Awaited<ReturnType<typeof findSession>> | null;
  }
  interface FastifyInstance {
    routeRegistry: RegisteredRoute[];
  }
}

export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess;
}

// Routes that plugins register (the API docs) carry no data and are public; the web app's files are served by a route that declares its access.
const pluginRoutes = [/^\/api\/docs/];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The logged-in actor, or a 401 for routes that forgot to require one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthorized();
  return request.actor;
}

async function authPlugin(app: FastifyInstance, opts: { db: Db; config: Config }) {
  app.decorate('routeRegistry', [] as RegisteredRoute[]);
  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  app.addHook('onRoute', (route) => {
    const access = route.config?.access ?? (pluginRoutes.some((re) => re.test(route.url)) ? 'public' : undefined);
    if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access: every route must say what it requires`);
    route.config = { ...route.config, access };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeRegistry.push({ method, url: route.url, access });
    }
  });

  const readSession = sessionFinder(opts.db, opts.config.SESSION_TTL_HOURS);
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
    if (access !== 'authenticated' && !can(request.actor.role, access)) throw new Problem(403, 'forbidden');
  });
}

export default fp(authPlugin, { name: 'auth' });
