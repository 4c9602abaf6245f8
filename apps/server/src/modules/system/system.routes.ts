import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import client from 'prom-client';
import type { ModuleOptions } from '../module-options.js';
import { metricsAllowed } from './metrics-access.js';
import { unauthorized } from '../../http/problem.js';

const healthReply = z
  .object({ status: z.enum(['ok', 'degraded']), database: z.enum(['up', 'down']), version: z.string() })
  .meta({ id: 'Health' });

/** Liveness with the database's state, and Prometheus metrics. */
export const systemRoutes: FastifyPluginAsyncZod<Pick<ModuleOptions, 'db' | 'version' | 'metricsToken'>> = async (
  app,
  { db, version, metricsToken },
) => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'fangkong_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary: 'Health with database status',
        response: { 200: healthReply, 503: healthReply },
      },
    },
    async (_request, reply) => {
      const up = await db.execute(sql`SELECT 1`).then(
        () => true,
        () => false,
      );
      return reply
        .status(up ? 200 : 503)
        .send({ status: up ? 'ok' : 'degraded', database: up ? 'up' : 'down', version });
    },
  );

  app.get(
    '/metrics',
    {
      config: { access: 'public' },
      schema: {
        tags: ['system'],
        summary:
          'Prometheus metrics (text exposition format): from this machine only, or with the bearer token FANGKONG_METRICS_TOKEN',
      },
    },
    async (request, reply) => {
      if (!metricsAllowed(request.raw, metricsToken)) throw unauthorized('metricsToken');
      return reply.type(registry.contentType).send(await registry.metrics());
    },
  );
};
