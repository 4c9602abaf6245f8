import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp } from '../../test/app.js';
import { buildCounty, buildUser, TEST_PASSWORD } from '../../test/factories.js';

const tls = new URL('../../test/fixtures/tls/', import.meta.url);
const CERT = new URL('cert.pem', tls).pathname;
const KEY = new URL('key.pem', tls).pathname;

describe('transport: client address, proxies, HTTPS', async () => {
  const direct = await testApp();
  const proxied = await testApp({ TRUST_PROXY: '10.0.0.5' });
  const https = await testApp({ TLS_CERT_FILE: CERT, TLS_KEY_FILE: KEY });
  const { db } = direct;
  beforeAll(async () => {
    const county = await buildCounty(db);
    for (const username of ['plain', 'behind', 'secure'])
      await buildUser(db, { username, role: 'viewer', region: county.villageA });
  });
  const loginIp = async (username: string) =>
    (
      await db.execute(
        sql`SELECT ip FROM audit_log WHERE event = 'auth.login' AND actor_name = ${username} ORDER BY at DESC LIMIT 1`,
      )
    ).rows[0]?.ip;
  const login = (
    app: typeof direct.app,
    username: string,
    remoteAddress: string,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: TEST_PASSWORD },
      remoteAddress,
      headers,
    });

  it('by default believes no X-Forwarded-For: the audit log keeps the real address', async () => {
    const res = await login(direct.app, 'plain', '192.0.2.10', {
      'x-forwarded-for': '1.2.3.4',
      'x-forwarded-proto': 'https',
    });
    expect(res.statusCode).toBe(200);
    expect(await loginIp('plain')).toBe('192.0.2.10');
    expect(res.cookies[0]!.secure).toBeFalsy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('believes only the listed proxies, and marks cookies Secure and sends HSTS when they say HTTPS', async () => {
    const viaProxy = await login(proxied.app, 'behind', '10.0.0.5', {
      'x-forwarded-for': '198.51.100.23',
      'x-forwarded-proto': 'https',
    });
    expect(await loginIp('behind')).toBe('198.51.100.23');
    expect(viaProxy.cookies[0]!.secure).toBe(true);
    expect(viaProxy.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    await login(proxied.app, 'behind', '10.0.0.6', {
      'x-forwarded-for': '198.51.100.99',
      'x-forwarded-proto': 'https',
    });
    expect(await loginIp('behind')).toBe('10.0.0.6');
  });

  it('serves HTTPS itself from a configured certificate, with HSTS and Secure cookies', async () => {
    const origin = await https.app.listen({ port: 0, host: '127.0.0.1' });
    expect(origin).toMatch(/^https:/);
    const answer = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
      (resolve, reject) => {
        const body = JSON.stringify({ username: 'secure', password: TEST_PASSWORD });
        const req = httpsRequest(
          `${origin}/api/auth/login`,
          {
            method: 'POST',
            ca: readFileSync(CERT),
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['strict-transport-security']).toContain('max-age=');
    expect(String(answer.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('refuses a certificate without its key at start-up', async () => {
    const { loadConfig } = await import('../config.js');
    expect(() => loadConfig({ TLS_CERT_FILE: CERT })).toThrow(/TLS_CERT_FILE and TLS_KEY_FILE go together/);
  });
});
