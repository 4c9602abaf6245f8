import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { loadConfig } from '../src/config.js';
import { buildApp, type App } from '../src/app.js';
import { testDatabase } from './db.js';
import { TEST_PASSWORD } from './factories.js';

/** The real application on this file's database, for `app.inject`. */
/** Request limits are off unless a test turns them on (`RATE_LIMIT: 'on'`): a route walk logs in more often than people do. */
export async function testApp(env: Record<string, string> = {}, now?: () => Date, wallClock?: () => Date) {
  const { db, appDb } = await testDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    FANGKONG_WEB_DIR: '/nonexistent',
    FANGKONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fangkong-data-')),
    RATE_LIMIT: 'off',
    ...env,
  });
  // The application as deployed: connected as its restricted role, not as the owner.
  const app = await buildApp({
    db: appDb,
    config,
    logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false,
    now,
    wallClock,
  });
  await app.ready();
  // Closed before the file's database (after hooks run last-registered first).
  afterAll(() => app.close());
  return { app, db, config };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

/** Logs in through the API and returns the headers that later requests need. */
export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = res.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
