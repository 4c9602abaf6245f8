import { Writable } from 'node:stream';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { testDatabase } from '../../test/db.js';
import { loginAs } from '../../test/app.js';
import { buildCounty, buildHousehold, buildUser } from '../../test/factories.js';
import { redactError } from './log-redaction.js';

/** The server's own log, captured line by line. */
function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream, text: () => lines.join('') };
}

describe('nothing personal leaves by the log, caches or metrics', async () => {
  const { db } = await testDatabase();
  const log = capturedLog();
  const token = 'metrics-token-0123456789';
  const config = loadConfig({
    NODE_ENV: 'test',
    FANGKONG_WEB_DIR: '/nonexistent',
    FANGKONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fangkong-data-')),
    FANGKONG_METRICS_TOKEN: token,
  });
  const app = await buildApp({ db, config, logger: { level: 'info', stream: log.stream } });
  afterAll(() => app.close());
  let county: Awaited<ReturnType<typeof buildCounty>>;

  beforeAll(async () => {
    await app.ready();
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
  });

  it('logs a failing query by its code and constraint, without its parameters, and the request without its query', async () => {
    // A trigger the application does not know about makes the insert fail in the database itself.
    await db.execute(
      sql.raw(
        `CREATE FUNCTION leak_probe() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = '泄露测试人' THEN RAISE EXCEPTION 'leak probe'; END IF; RETURN NEW; END $$`,
      ),
    );
    await db.execute(
      sql.raw('CREATE TRIGGER leak_probe BEFORE INSERT ON person FOR EACH ROW EXECUTE FUNCTION leak_probe()'),
    );
    const household = await buildHousehold(db, county.villageA, 0);
    const cadre = await loginAs(app, 'cadre');
    const idNumber = makeIdNumber({ regionCode: '510121', birthDate: '1981-03-04', sequence: 77, sex: 'female' });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/persons?q=${idNumber}`,
      headers: cadre.headers,
      payload: { name: '泄露测试人', idNumber, phone: '13912345678', householdId: household.id },
    });
    expect(res.statusCode).toBe(500);
    const text = log.text();
    expect(text).toContain('unhandled error');
    expect(text).toContain('leak probe');
    expect(text).toContain('P0001');
    for (const secret of [idNumber, idNumber.slice(0, 14), '13912345678', '泄露测试人'])
      expect(text).not.toContain(secret);
    await db.execute(sql.raw('DROP TRIGGER leak_probe ON person'));
  });

  it('blanks values in any error message, keeping identifiers', () => {
    const e = Object.assign(new Error('duplicate key value violates unique constraint "person_id_number_key"'), {
      detail: 'Key (id_number)=(510121198103040771) already exists.',
      code: '23505',
    });
    expect(redactError(e)).toMatchObject({
      message: 'duplicate key value violates unique constraint "person_id_number_key"',
      code: '23505',
    });
    expect(
      JSON.stringify(redactError(new Error('invalid input syntax for type uuid: "张三 13912345678"'))),
    ).not.toMatch(/张三|13912345678/);
  });

  it('tells browsers and proxies to keep no copy of any API answer', async () => {
    const cadre = await loginAs(app, 'cadre');
    for (const url of ['/api/auth/me', '/api/v1/persons', '/api/health', '/api/v1/nowhere']) {
      const res = await app.inject({ method: 'GET', url, headers: cadre.headers });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('answers /metrics on this machine, or elsewhere only with the token', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(401);
    // A forwarded address is written by the caller: it never makes a request local.
    expect(
      (await app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode,
    ).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/metrics',
          remoteAddress: '10.1.2.3',
          headers: { authorization: 'Bearer wrong-token-0123456789' },
        })
      ).statusCode,
    ).toBe(401);
    const ok = await app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '10.1.2.3',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain('fangkong_http_request_duration_seconds');
  });
});
