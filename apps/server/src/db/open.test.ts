import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { testDatabase } from '../../test/db.js';
import { loginUrl } from './roles.js';
import { withDatabase } from '../../test/template.js';
import { openDatabase, type Database } from './open.js';
import { writeBackup } from '../backup/backup.js';
import { restoreBackup } from '../backup/restore.js';

const opened: Database[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const d of opened) await d.close();
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function open(config: { DATABASE_URL?: string; DATABASE_OWNER_URL?: string }, as?: 'owner') {
  const d = await openDatabase(
    { FANGKONG_DATA_DIR: '/nonexistent', FANGKONG_EMBEDDED_PG_PORT: 0, ...config },
    () => {},
    2,
    { as },
  );
  opened.push(d);
  return d;
}

const whoAmI = async (pool: pg.Pool) => (await pool.query(`SELECT current_user AS cur, session_user AS ses`)).rows[0];

/** As an operator sets up an external PostgreSQL (docs/operations.md): an owner that is no superuser, a login in fangkong_app. */
async function externalDatabase() {
  const serverUrl = inject('pgUrl');
  const tag = randomBytes(4).toString('hex');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE ROLE fk_owner_${tag} LOGIN PASSWORD 'owner-pw'`);
  await admin.query(`CREATE DATABASE fk_ext_${tag} OWNER fk_owner_${tag}`);
  await admin.query(`CREATE ROLE fk_web_${tag} LOGIN PASSWORD 'web-pw' IN ROLE fangkong_app`);
  await admin.end();
  const url = withDatabase(serverUrl, `fk_ext_${tag}`);
  return { owner: loginUrl(url, `fk_owner_${tag}`, 'owner-pw'), app: loginUrl(url, `fk_web_${tag}`, 'web-pw'), tag };
}

describe('openDatabase', () => {
  it('with DATABASE_URL alone (the owner), still gives the application the restricted role', async () => {
    const { url } = await testDatabase();
    const d = await open({ DATABASE_URL: url });
    expect(await whoAmI(d.pool)).toEqual({ cur: 'fangkong_app', ses: 'postgres' });
    await expect(d.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);
    expect(await whoAmI((await open({ DATABASE_URL: url }, 'owner')).pool)).toEqual({
      cur: 'postgres',
      ses: 'postgres',
    });
  });

  it('migrates as an owner that is no superuser, connects the application with its own login, and restores into such a database', async () => {
    const ext = await externalDatabase();
    const d = await open({ DATABASE_OWNER_URL: ext.owner, DATABASE_URL: ext.app });
    expect((await whoAmI(d.pool)).cur).toBe(`fk_web_${ext.tag}`);
    await d.pool.query(`INSERT INTO audit_log (id, event) VALUES (gen_random_uuid(), 'auth.login')`);
    await expect(d.pool.query(`UPDATE audit_log SET event = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(d.pool.query(`DELETE FROM audit_log`)).rejects.toThrow(/permission denied/);

    // Restore as that owner: no superuser, so triggers are disabled table by table and foreign keys stay checked.
    const { pool } = await testDatabase();
    const dir = await mkdtemp(path.join(tmpdir(), 'fangkong-ext-backup-'));
    dirs.push(dir);
    const key = randomBytes(32);
    await pool.query(
      `INSERT INTO region (id, code, name, level, path) VALUES (gen_random_uuid(), '510121000000', '金堂县', 'county', 'c510121')`,
    );
    await pool.query(`INSERT INTO audit_log (id, event) VALUES (gen_random_uuid(), 'region.import')`);
    const backup = await writeBackup(pool, { dir, key, at: new Date() });
    const target = await externalDatabase();
    const owner = await open({ DATABASE_URL: target.owner }, 'owner');
    const restored = await restoreBackup(owner.pool, backup.file, key);
    expect(restored.tables.find((t) => t.name === 'region')!.rows).toBeGreaterThan(0);
    const triggers = await owner.pool.query(
      `SELECT count(*)::int AS n FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'`,
    );
    expect(triggers.rows[0]!.n).toBe(0); // all enabled again
  }, 60_000);
});
