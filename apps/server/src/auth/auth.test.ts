import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs } from '../../test/app.js';
import { buildCounty, buildUser, TEST_PASSWORD } from '../../test/factories.js';

describe('auth', async () => {
  const { app, db } = await testApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '4' });
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'alice', role: 'villageCadre', region: county.villageA, displayName: '王丽' });
    await buildUser(db, { username: 'bob', role: 'admin', region: county.county });
  });

  it('logs in, sets an httpOnly SameSite cookie and answers /me with the scope', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies[0]!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: `${cookie.name}=${cookie.value}` } });
    expect(me.json().user).toMatchObject({
      username: 'alice',
      role: 'villageCadre',
      regionName: '五凤村',
      regionLevel: 'village',
      regionPath: county.villageA.path,
    });
  });

  it('stores only a hash of the session token', async () => {
    const s = await loginAs(app, 'alice');
    const token = s.cookie.split('=')[1]!;
    const rows = await db.execute(sql`SELECT count(*)::int AS n FROM session WHERE id = ${token}`);
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it("rejects a wrong password in the user's language, with the same answer as an unknown user", async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password: 'nope' },
      headers: { 'accept-language': 'en-US' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().title).toBe(wrong.json().title);
    const zh = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password: 'nope' },
    });
    expect(zh.json().title).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('names the missing fields of a login', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['password', 'username']);
  });

  const loginFrom = (remoteAddress: string, username: string, password: string, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password },
      remoteAddress,
      headers: { 'accept-language': lang },
    });

  it('locks an account for the address its failures came from, answering as for an unknown user, and audits it', async () => {
    await buildUser(db, { username: 'carol', role: 'viewer', region: county.villageB });
    for (let i = 0; i < 3; i++) expect((await loginFrom('10.0.0.66', 'carol', 'bad')).statusCode).toBe(401);
    const locked = await loginFrom('10.0.0.66', 'carol', TEST_PASSWORD, 'en-US');
    const unknown = await loginFrom('10.0.0.67', 'nobody-at-all', 'bad', 'en-US');
    expect(locked.statusCode).toBe(401);
    expect(locked.json()).toEqual(unknown.json());
    const events = await db.execute(
      sql`SELECT event, ip, detail->>'result' AS result FROM audit_log WHERE detail->>'username' = 'carol' ORDER BY at, id`,
    );
    expect(events.rows).toEqual([
      { event: 'auth.loginFailed', ip: '10.0.0.66', result: 'wrongPassword' },
      { event: 'auth.loginFailed', ip: '10.0.0.66', result: 'wrongPassword' },
      { event: 'auth.locked', ip: '10.0.0.66', result: 'wrongPassword' },
      { event: 'auth.loginFailed', ip: '10.0.0.66', result: 'accountLocked' },
    ]);
  });

  it('does not let a third party lock the owner out: the owner, elsewhere, still logs in', async () => {
    await buildUser(db, { username: 'dave', role: 'viewer', region: county.villageB });
    for (let i = 0; i < 6; i++) await loginFrom('203.0.113.9', 'dave', 'guess-' + i);
    expect((await loginFrom('203.0.113.9', 'dave', TEST_PASSWORD)).statusCode).toBe(401);
    const owner = await loginFrom('10.1.2.3', 'dave', TEST_PASSWORD);
    expect(owner.statusCode).toBe(200);
  });

  it('answers a locked account as slowly as an unknown one (the password is always hashed)', async () => {
    await buildUser(db, { username: 'erin', role: 'viewer', region: county.villageB });
    for (let i = 0; i < 3; i++) await loginFrom('10.0.0.70', 'erin', 'bad');
    const time = async (username: string, address = '10.0.0.70') => {
      const t0 = performance.now();
      await loginFrom(address, username, 'whatever');
      return performance.now() - t0;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const locked: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      locked.push(await time('erin'));
      unknown.push(await time(`ghost-${i}`, `10.0.1.${i}`));
    }
    // Before: 3 ms for a locked account, 25 ms for an unknown one. Both now verify an argon2 hash.
    expect(median(locked)).toBeGreaterThan(median(unknown) * 0.5);
    expect(median(unknown)).toBeGreaterThan(median(locked) * 0.5);
  });

  it('limits failed logins per client address, whatever the accounts tried, with Retry-After', async () => {
    for (let i = 0; i < 4; i++) expect((await loginFrom('198.51.100.7', `probe-${i}`, 'x')).statusCode).toBe(401);
    const limited = await loginFrom('198.51.100.7', 'alice', TEST_PASSWORD, 'en-US');
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().title).toMatch(/network address/);
    expect((await loginFrom('198.51.100.8', 'alice', TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('tells the user when and from where they last logged in', async () => {
    await buildUser(db, { username: 'frank', role: 'viewer', region: county.villageB });
    const first = await loginFrom('10.9.8.7', 'frank', TEST_PASSWORD);
    expect(first.json().lastLogin).toBeNull();
    const second = await loginFrom('10.9.8.6', 'frank', TEST_PASSWORD);
    expect(second.json().lastLogin).toMatchObject({ ip: '10.9.8.7' });
    expect(Date.parse(second.json().lastLogin.at)).toBeGreaterThan(Date.now() - 60_000);
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
