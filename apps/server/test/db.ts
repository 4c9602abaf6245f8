import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { createDb, createPool, type Db } from '../src/db/client.js';
import { TEMPLATE, withDatabase } from './template.js';

export interface TestDatabase {
  db: Db;
  pool: pg.Pool;
  url: string;
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
    return { db: createDb(pool), pool, url };
  })();
  return current;
}

export async function closeTestDatabase() {
  if (!current) return;
  const { pool } = await current;
  await pool.end();
  current = undefined;
}
