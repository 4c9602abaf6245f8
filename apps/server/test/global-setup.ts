import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../src/db/embedded.js';
import { startSystemPostgres } from './system-postgres.js';
import { createDb, createPool } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { grantAppLogin } from '../src/db/roles.js';
import { APP_TEST_PASSWORD, TEMPLATE, withDatabase } from './template.js';

/**
 * One PostgreSQL server for the whole run: the embedded one, or the machine's own binaries when
 * FANGKONG_TEST_PG=system (CI runs both). A migrated template database is cloned per test file.
 */
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'fangkong-test-'));
  await chmod(dir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data
  let server: EmbeddedDatabase;
  if (process.env.TEST_DATABASE_URL) {
    server = { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  } else if (process.env.FANGKONG_TEST_PG === 'system') {
    server = await startSystemPostgres(dir);
  } else {
    server = await startEmbeddedDatabase({ dataDir: dir });
  }
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  const pool = createPool(withDatabase(server.url, TEMPLATE), 2);
  await migrateDatabase(createDb(pool));
  await grantAppLogin(pool, APP_TEST_PASSWORD);
  await pool.end();
  project.provide('pgUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}
