import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { serveWebApp } from './web-app.js';

describe('serving the built web app', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fk-web-'));
  mkdirSync(path.join(dir, 'assets'));
  const js = 'console.log("防控");'.repeat(100);
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>防控</title>');
  writeFileSync(path.join(dir, 'assets/app-Ab12.js'), js);
  writeFileSync(path.join(dir, 'assets/app-Ab12.js.br'), brotliCompressSync(js));
  writeFileSync(path.join(dir, 'assets/app-Ab12.js.gz'), gzipSync(js));
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  const app = Fastify();
  await serveWebApp(app, dir);

  it('sends a hashed asset precompressed, brotli first, to keep for a year', async () => {
    const br = await app.inject({ url: '/assets/app-Ab12.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toContain('accept-encoding');
    expect(br.rawPayload.length).toBeLessThan(js.length / 5);
    const gz = await app.inject({ url: '/assets/app-Ab12.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/assets/app-Ab12.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
  });

  it('asks the browser to check index.html, the service worker and any page path again every time', async () => {
    for (const url of ['/', '/checkpoint-entry', '/sw.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await app.inject({ url: '/checkpoint-entry' })).body).toContain('<title>防控</title>');
  });

  it('answers 404 for a chunk of an older release instead of the page', async () => {
    expect((await app.inject({ url: '/assets/app-Old1.js' })).statusCode).toBe(404);
  });
});
