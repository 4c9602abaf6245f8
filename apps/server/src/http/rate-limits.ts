import fp from 'fastify-plugin';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { Problem } from './problem.js';

/**
 * Requests per minute per client address (public) or per user (signed in), by kind of route. A
 * township office may reach the server through one address, so the per-address limits leave room
 * for a roomful of people; guessing is held back by the failure counts of login-throttle.ts.
 */
export const RATE_LIMITS = {
  login: 60,
  publicApi: 30,
  upload: 20,
  export: 30,
} as const;
export type RateLimitKind = keyof typeof RATE_LIMITS;

const FILE_TYPES = /(text\/csv|spreadsheetml|wordprocessingml)/;

/** Which limit a route falls under, from what it declares: access, body types and answer types. */
export function rateLimitKind(route: Pick<RouteOptions, 'url' | 'method' | 'schema' | 'config'>): RateLimitKind | null {
  const schema = (route.schema ?? {}) as { consumes?: string[]; produces?: string[] };
  if (route.url === '/api/auth/login') return 'login';
  if (route.config?.access === 'public') {
    // The web app's own files are not limited: one office behind one address loads some forty of
    // them per visit, and the offline shell fetches the whole build.
    if (route.url.startsWith('/api/public/')) return 'publicApi';
    return null;
  }
  if (schema.consumes?.some((t) => FILE_TYPES.test(t))) return 'upload';
  if (schema.produces?.some((t) => FILE_TYPES.test(t)) || /\/export(\/|-|$)/.test(route.url)) return 'export';
  return null;
}

// Signed-in work is limited per user (one county office may share one address); the rest per address.
const keyOf = (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : `ip:${request.ip}`);

/**
 * Limits on login, the public check-in, uploads and exports (@fastify/rate-limit, in
 * memory per process): 429 with Retry-After and the message in the caller's language.
 */
async function rateLimits(app: FastifyInstance) {
  // Runs before the plugin's own onRoute hook, which reads `config.rateLimit`.
  app.addHook('onRoute', (route) => {
    const kind = rateLimitKind(route);
    if (kind && route.config?.rateLimit === undefined) {
      // Anonymous calls count from their first byte, so malformed probes count too; signed-in ones once the user is known.
      const hook = kind === 'upload' || kind === 'export' ? 'preHandler' : 'onRequest';
      route.config = {
        ...route.config,
        rateLimit: { max: RATE_LIMITS[kind], timeWindow: 60_000, groupId: kind, hook },
      };
    }
  });
  await app.register(rateLimit, {
    global: false,
    // By default after the access check, so that a signed-in caller is counted as themself.
    hook: 'preHandler',
    keyGenerator: keyOf,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new Problem(429, 'rateLimitedFor', [], { seconds }, { 'retry-after': String(seconds) });
    },
  });
}

export default fp(rateLimits, { name: 'rate-limits', dependencies: ['auth'] });
