import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyBaseLogger, type FastifyServerOptions } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from 'helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { contractTransform, contractTransformObject } from './http/openapi-contract.js';
import { validator } from './http/validator.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import authPlugin from './auth/auth.plugin.js';
import { authRoutes } from './auth/auth.routes.js';
import { registerErrorHandler } from './http/error-handler.js';
import { logSerializers } from './http/log-redaction.js';
import rateLimits from './http/rate-limits.js';
import { serveWebApp } from './http/web-app.js';
import { CSV_MIME, UPLOAD_LIMIT_MB, XLSX_MIME } from './files/table-reader.js';
import { modules } from './modules/index.js';
import { configureExportDir } from './modules/file-jobs/file-jobs.service.js';

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
  /** The clock of sessions and login locks (security time, always the wall clock in use); tests move it apart from `now`. */
  wallClock?: () => Date;
}

/** `TRUST_PROXY`: the proxies whose X-Forwarded-For and -Proto are believed; none by default, so no client can forge its address. */
export function trustedProxies(setting: string): string[] | false {
  const list = setting
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : false;
}

/** Certificate and key when the server serves HTTPS itself. */
function tlsOptions(config: Config) {
  return config.TLS_CERT_FILE && config.TLS_KEY_FILE
    ? { https: { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) } }
    : {};
}

/** Builds the whole HTTP application; `main.ts` listens, tests inject. */
export async function buildApp({
  db,
  config,
  logger = false,
  now = () => new Date(),
  wallClock = () => new Date(),
}: AppOptions) {
  const shared =
    typeof logger === 'object' && logger !== null && 'child' in logger && typeof logger.child === 'function';
  // Whatever logger is given, its errors and request URLs go through the redaction (no personal data in logs).
  const ownLogger =
    logger === true
      ? { serializers: logSerializers }
      : typeof logger === 'object' && logger !== null && !shared
        ? { ...(logger as object), serializers: logSerializers }
        : logger;
  const app = Fastify({
    ...(shared
      ? { loggerInstance: (logger as FastifyBaseLogger).child({}, { serializers: logSerializers }) }
      : { logger: ownLogger as FastifyServerOptions['logger'] }),
    trustProxy: trustedProxies(config.TRUST_PROXY),
    bodyLimit: 2 * 1024 * 1024,
    ...(tlsOptions(config) as object),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validator);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  configureExportDir(config.FANGKONG_DATA_DIR);

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
    // Sent below only over HTTPS: over plain HTTP it would promise what the server does not do.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', (req, reply, done) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // Answers of the API carry personal data: no browser or proxy keeps a copy.
    if (req.url.startsWith('/api/') || req.url.startsWith('/metrics')) reply.header('cache-control', 'no-store');
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  await app.register(cookie);
  app.addContentTypeParser(
    [CSV_MIME, XLSX_MIME],
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT_MB * 1024 * 1024 },
    (_req, body, done) => done(null, body),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Fangkong API',
        version: VERSION,
        description: '防控: grassroots epidemic prevention and control',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fk_session' } } },
      security: [{ session: [] }],
    },
    transform: contractTransform,
    transformObject: contractTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  await app.register(authPlugin, { db, config, wallClock });
  if (config.RATE_LIMIT === 'on') await app.register(rateLimits);
  await app.register(authRoutes, { db, config });
  for (const module of modules)
    await app.register(module, { db, version: VERSION, now, metricsToken: config.FANGKONG_METRICS_TOKEN });

  app.get(
    '/api/openapi.json',
    { config: { access: 'public' }, schema: { tags: ['system'], summary: 'This OpenAPI 3.1 document' } },
    async () => app.swagger(),
  );

  const webDir = config.FANGKONG_WEB_DIR ?? defaultWebDir;
  // The single-page app owns every non-API path.
  if (existsSync(path.join(webDir, 'index.html'))) await serveWebApp(app, webDir);
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
