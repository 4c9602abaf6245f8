import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { testApp } from '../test/app.js';

describe('OpenAPI document', async () => {
  const { app } = await testApp();

  it('lists every registered route', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    const registered = app.routeRegistry
      .filter((r) => !r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.sort()).toEqual(registered.sort());
  });

  it('matches the committed docs/openapi.json (run `npm run openapi -w @fangkong/server` after changing a route)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    expect((await app.inject({ url: '/api/openapi.json' })).json()).toEqual(committed);
  });
});
