import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildApp } from '../app.js';
import { createDb, createPool } from '../db/client.js';
import { freePort } from '../db/embedded.js';

describe('while the database is down', async () => {
  // A port nothing listens on: every connection is refused, as after kill -9 of PostgreSQL.
  const pool = createPool(`postgres://fangkong:x@127.0.0.1:${await freePort()}/fangkong`, 2);
  const app = await buildApp({
    db: createDb(pool),
    config: loadConfig({ NODE_ENV: 'test', FANGKONG_WEB_DIR: '/nonexistent' }),
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it("reports it in /api/health and answers requests 503, retryable, in the user's language", async () => {
    const health = await app.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'down' });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(login.statusCode).toBe(503);
    expect(login.headers['retry-after']).toBe('5');
    expect(login.json()).toMatchObject({ type: 'https://fangkong.dev/problems/databaseUnavailable', status: 503 });
    expect(login.json().title).toContain('database is unavailable');
  });
});
