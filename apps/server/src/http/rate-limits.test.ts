import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, loginAs } from '../../test/app.js';
import { buildCounty, buildUser, TEST_PASSWORD } from '../../test/factories.js';
import { RATE_LIMITS, rateLimitKind } from './rate-limits.js';

describe('rate limits', async () => {
  const { app, db } = await testApp({ RATE_LIMIT: 'on', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
  beforeAll(async () => {
    const county = await buildCounty(db);
    await buildUser(db, { username: 'exporter', role: 'auditAdmin', region: county.county });
    await buildUser(db, { username: 'colleague', role: 'auditAdmin', region: county.county });
  });

  it('classifies routes by what they declare', () => {
    const kinds = Object.fromEntries(
      app.routeRegistry.map((r) => [
        `${r.method} ${r.url}`,
        rateLimitKind({ url: r.url, method: r.method, config: { access: r.access } as never, schema: {} }),
      ]),
    );
    expect(kinds['POST /api/auth/login']).toBe('login');
    expect(kinds['POST /api/public/check-in/:token']).toBe('publicApi');
    expect(kinds['GET /api/v1/persons/export']).toBe('export');
    expect(kinds['GET /api/v1/regions']).toBeNull();
    expect(
      rateLimitKind({
        url: '/api/v1/persons/import',
        method: 'POST',
        config: { access: 'persons.manage' },
        schema: { consumes: ['text/csv'] } as never,
      }),
    ).toBe('upload');
  });

  it("answers 429 with Retry-After and a message in the caller's language past the login limit of an address", async () => {
    const from = (remoteAddress: string, lang = 'zh-CN') =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'nobody', password: 'x' },
        remoteAddress,
        headers: { 'accept-language': lang },
      });
    for (let i = 0; i < RATE_LIMITS.login; i++) expect((await from('192.0.2.50')).statusCode).toBe(401);
    const limited = await from('192.0.2.50', 'en-US');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().title).toMatch(/^Too many requests; try again in \d+ seconds$/);
    expect((await from('192.0.2.50')).json().title).toMatch(/^操作过于频繁，请\d+秒后再试$/);
    expect((await from('192.0.2.51')).statusCode).toBe(401);
  });

  it('limits probes of the public check-in per address', async () => {
    let last = 0;
    for (let i = 0; i <= RATE_LIMITS.publicApi; i++)
      last = (await app.inject({ url: `/api/public/check-in/probe-${i}`, remoteAddress: '192.0.2.60' })).statusCode;
    expect(last).toBe(429);
  });

  it('limits exports per user, not per address', async () => {
    const s = await loginAs(app, 'exporter', TEST_PASSWORD);
    const colleague = await loginAs(app, 'colleague', TEST_PASSWORD);
    const exportAs = async (headers: Record<string, string>) =>
      (await app.inject({ url: '/api/v1/audit-logs/export?q=none', headers })).statusCode;
    for (let i = 0; i < RATE_LIMITS.export; i++) expect(await exportAs(s.headers)).toBe(200);
    expect(await exportAs(s.headers)).toBe(429);
    expect(await exportAs(colleague.headers)).toBe(200);
  });
});
