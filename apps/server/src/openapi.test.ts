import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { testApp } from '../test/app.js';

describe('OpenAPI document', async () => {
  const { app } = await testApp();

  it('lists every registered route', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
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

type Operation = {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string; required?: boolean }[];
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string; format?: string } }> }>;
};

describe('OpenAPI document as a contract a client is generated from', async () => {
  const { app } = await testApp();
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
    servers?: unknown[];
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Record<string, Record<string, unknown>> };
  };
  const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, method: m.toUpperCase(), op })),
  );
  const access = new Map(app.routeRegistry.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r.access]));

  it('names every operation once', () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(ids.filter((id) => !id)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks public routes as needing no session, and every other write as needing the x-csrf-token header', () => {
    for (const { key, method, op } of operations) {
      const isPublic = access.get(key) === 'public';
      expect(op.security, key).toEqual(isPublic ? [] : undefined);
      const csrf = op.parameters?.find((p) => p.in === 'header' && p.name === 'x-csrf-token');
      expect(Boolean(csrf?.required), key).toBe(!isPublic && method !== 'GET');
    }
    expect(access.get('POST /api/auth/login')).toBe('public');
  });

  it('documents the problem+json answers, and what a download holds', () => {
    expect(doc.components.schemas.Problem).toMatchObject({ required: expect.arrayContaining(['title', 'errors']) });
    for (const { key, op } of operations) {
      const problems = Object.entries(op.responses).filter(
        ([, r]) => r.content?.['application/problem+json']?.schema?.$ref === '#/components/schemas/Problem',
      );
      expect(
        problems.map(([s]) => s),
        key,
      ).toContain('400');
      expect(
        Object.keys(op.responses).some((s) => s.startsWith('2')),
        key,
      ).toBe(true);
    }
    const download = doc.paths['/api/v1/persons/export']!.get!.responses['200']!.content!;
    expect(download['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']?.schema?.format).toBe(
      'binary',
    );
  });

  it('carries no $id in its components and no schema that nothing uses', () => {
    expect(Object.values(doc.components.schemas).filter((s) => '$id' in s)).toEqual([]);
    const text = JSON.stringify(doc.paths) + JSON.stringify(doc.components.schemas);
    const unused = Object.keys(doc.components.schemas).filter(
      (name) => !text.includes(`"#/components/schemas/${name}"`),
    );
    expect(unused).toEqual([]);
    expect(doc.servers).toHaveLength(1);
  });
});
