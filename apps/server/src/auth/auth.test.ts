import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs } from '../../test/app.js';
import { buildCounty, buildUser, TEST_PASSWORD } from '../../test/factories.js';

describe('auth', async () => {
  const { app, db } = await testApp({ LOGIN_MAX_FAILURES: '3' });
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'alice', role: 'villageCadre', region: county.villageA, displayName: '王丽' });
    await buildUser(db, { username: 'bob', role: 'admin', region: county.county });
  });

  it('logs in, sets an httpOnly SameSite cookie and answers /me with the scope', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'alice', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0]!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(me.json().user).toMatchObject({ username: 'alice', role: 'villageCadre', regionName: '五凤村', regionLevel: 'village', regionPath: county.villageA.path });
  });

  it('stores only a hash of the session token', async () => {
    const s = await loginAs(app, 'alice');
    const token = s.cookie.split('=')[1]!;
    const rows = await db.execute(sql`SELECT count(*)::int AS n FROM session WHERE id = ${token}`);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it('rejects a wrong password in the user\'s language, with the same answer as an unknown user', async () => {
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'nope' }, headers: { 'accept-language': 'en-US' } });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'nope' }, headers: { 'accept-language': 'en-US' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().title).toBe(wrong.json().title);
    const zh = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'bob', password: 'nope' } });
    expect(zh.json().title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the missing fields of a login', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['password', 'username']);
  });

  it('locks the account after repeated failures, even for the right password, and audits it', async () => {
    await buildUser(db, { username: 'carol', role: 'viewer', region: county.villageB });
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'carol', password: 'bad' } });
      expect(r.statusCode).toBe(401);
    }
    const locked = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'carol', password: TEST_PASSWORD } });
    expect(locked.statusCode).toBe(423);
    const events = await db.execute(sql`SELECT event FROM audit_log WHERE detail->>'username' = 'carol' ORDER BY at`);
    expect(events.rows.map((r) => r.event)).toEqual(['auth.loginFailed', 'auth.loginFailed', 'auth.locked']);
  });

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await loginAs(app, 'bob');
    const without = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(without.statusCode).toBe(403);
    const withToken = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(withToken.statusCode).toBe(204);
    const after = await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('sends security headers', async () => {
    const res = await app.inject({ url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: 'up' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});
