import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// Hashed build files (assets/…-Cx1y2z.js) never change under their name: a browser keeps them a
// year and never asks again. Everything else (index.html, the service worker, the manifest) is
// asked again each time, so a new release is picked up on the next visit. The build writes .br
// and .gz beside each file (apps/web/scripts/precompress.mjs); the smallest the browser accepts is sent.
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const isHashed = (file: string) => file.startsWith('assets/');

/** Serves the built single-page app from `webDir`: its files, and index.html for every other non-API path. */
export async function serveWebApp(app: FastifyInstance, webDir: string) {
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true, cacheControl: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const file = decodeURIComponent(request.url.split('?')[0]!).slice(1);
    const isFile = file && !file.includes('..') && existsSync(path.join(webDir, file));
    reply.header('vary', 'accept-encoding');
    if (!isFile) {
      // A missing hashed file is a stale page asking for an old release's chunk: 404, not index.html.
      if (isHashed(file)) return reply.callNotFound();
      reply.header('cache-control', REVALIDATE);
      return reply.sendFile('index.html');
    }
    reply.header('cache-control', isHashed(file) ? IMMUTABLE : REVALIDATE);
    return reply.sendFile(file);
  });
}
