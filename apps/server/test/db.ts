import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { createDb, createPool, type Db } from '../src/db/client.js';
import { APP_ROLE, loginUrl } from '../src/db/roles.js';
import { APP_TEST_PASSWORD, TEMPLATE, withDatabase } from './template.js';

export interface TestDatabase {
  /** As the owner (a superuser): for factories and for looking behind the application's back. */
  db: Db;
  pool: pg.Pool;
  url: string;
  /** As the application's restricted role `fangkong_app`, which the test app uses. */
  appDb: Db;
  appPool: pg.Pool;
  appUrl: string;
}

let current: Promise<TestDatabase> | undefined;

/** This test file's own database: a fresh copy of the migrated template, made on first use. */
export function testDatabase(): Promise<TestDatabase> {
  current ??= (async () => {
    const serverUrl = inject('pgUrl');
    const name = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
    await admin.end();
    const url = withDatabase(serverUrl, name);
    const pool = createPool(url, 10);
    const appUrl = loginUrl(url, APP_ROLE, APP_TEST_PASSWORD);
    const appPool = createPool(appUrl, 10);
    return { db: createDb(pool), pool, url, appDb: createDb(appPool), appPool, appUrl };
  })();
  return current;
}

export async function closeTestDatabase() {
  if (!current) return;
  const { pool, appPool } = await current;
  await Promise.all([pool.end(), appPool.end()]);
  current = undefined;
}
