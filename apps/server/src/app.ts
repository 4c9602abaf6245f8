import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import authPlugin from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { registerErrorHandler } from './http/error-handler.js';
import { CSV_MIME, UPLOAD_LIMIT_MB, XLSX_MIME } from './files/table-reader.js';
import { modules } from './modules/index.js';

export const VERSION = '0.1.0';
const here = path.dirname(fileURLToPath(import.meta.url));
export const defaultWebDir = path.resolve(here, '../../web/dist');

export interface AppOptions {
  db: Db;
  config: Config;
  /** Logger settings for Fastify to build one, or a pino logger to share (main.ts). */
  logger?: FastifyServerOptions['logger'] | FastifyBaseLogger;
  /** The clock of deadlines and check slots; tests move it. */
  now?: () => Date;
}

/** Builds the whole HTTP application; `main.ts` listens, tests inject. */
export async function buildApp({ db, config, logger = false, now = () => new Date() }: AppOptions) {
  const shared = typeof logger === 'object' && logger !== null && 'child' in logger && typeof logger.child === 'function';
  const app = Fastify({
    ...(shared ? { loggerInstance: logger as FastifyBaseLogger } : { logger: logger as FastifyServerOptions['logger'] }),
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  // helmet itself rather than @fastify/helmet, which builds a new helmet (parsing the CSP) for
  // every request: 3 % of the API's CPU per checkpoint entry (bench/RESULTS.md).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"], // Ant Design injects its styles at run time
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': null,
      },
    },
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)));
  await app.register(cookie);
  app.addContentTypeParser([CSV_MIME, XLSX_MIME], { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_MB * 1024 * 1024 }, (_req, body, done) => done(null, body));

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Fangkong API', version: VERSION, description: '防控: grassroots epidemic prevention and control' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fk_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(authPlugin, { db, config });
  await app.register(authRoutes, { db, config });
  for (const module of modules) await app.register(module, { db, version: VERSION, now });

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { tags: ['system'], summary: 'This OpenAPI 3.1 document' } }, async () => app.swagger());

  const webDir = config.FANGKONG_WEB_DIR ?? defaultWebDir;
  if (existsSync(path.join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, serve: false });
    // The single-page app owns every non-API path.
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
      if (request.url.startsWith('/api/')) return reply.callNotFound();
      const file = decodeURIComponent(request.url.split('?')[0]!).slice(1);
      const isAsset = file && !file.includes('..') && existsSync(path.join(webDir, file));
      return isAsset ? reply.sendFile(file) : reply.sendFile('index.html');
    });
  }
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
