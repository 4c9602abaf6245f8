import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { testDatabase } from '../../test/db.js';
import { withDatabase } from '../../test/template.js';
import { createPool } from '../db/client.js';
import { uuidv7 } from '../db/ids.js';
import { startEmbeddedDatabase } from '../db/embedded.js';
import { loadDemoCounty } from '../demo/demo.js';
import { audit } from '../audit/audit.js';
import { verifyAuditChain } from '../audit/chain.js';
import { household, person } from '../db/schema/index.js';
import { writeBackup } from './backup.js';
import { restoreBackup } from './restore.js';
import { listTables } from './tables.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KEY_HEX = 'a1'.repeat(32);
const key = Buffer.from(KEY_HEX, 'hex');
const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

/** Each table's row count and MD5 of its rows sorted as text: computed here, apart from the backup's own checksum. */
async function fingerprint(c: Pick<pg.ClientBase, 'query'>): Promise<Record<string, string>> {
  await c.query(`SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET extra_float_digits = 1`);
  const out: Record<string, string> = {};
  for (const t of await listTables(c)) {
    const { rows } = await c.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text), '')) AS h FROM "${t}" r`,
    );
    out[t] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}

/** An empty database on the test server, dropped after the file. */
async function emptyDatabase(): Promise<{ url: string; pool: pg.Pool }> {
  const serverUrl = inject('pgUrl');
  const name = `restore_${uuidv7().replace(/-/g, '').slice(-12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const pool = createPool(url, 4);
  cleanup.push(() => pool.end());
  return { url, pool };
}

const run = promisify(execFile);
async function cli(args: string[], env: Record<string, string>) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('DATABASE_') && !k.startsWith('FANGKONG_')),
  );
  return run('npx', ['tsx', 'src/cli.ts', ...args], { cwd: serverDir, env: { ...clean, ...env } });
}

describe('backup and restore', () => {
  it('backs up a database under write load in one snapshot and restores every table to the same rows', async () => {
    const { pool, appDb, appPool } = await testDatabase();
    await loadDemoCounty(pool, { persons: 400 });
    const village = (await pool.query(`SELECT id, path::text FROM region WHERE level = 'village' LIMIT 1`)).rows[0]!;
    const hh = uuidv7();
    await appDb
      .insert(household)
      .values({ id: hh, regionId: village.id, regionPath: village.path, address: '负载1号' });

    // Writers go on all through the backup: each adds a person and its audit row in one transaction.
    let writing = true;
    let written = 0;
    const writer = async () => {
      while (writing) {
        await appDb.transaction(async (tx) => {
          const id = uuidv7();
          await tx
            .insert(person)
            .values({ id, name: '负载', householdId: hh, regionId: village.id, regionPath: village.path });
          await audit(tx, null, {
            event: 'person.create',
            targetType: 'person',
            targetId: id,
            regionPath: village.path,
          });
        });
        written++;
      }
    };
    const writers = [writer(), writer(), writer()];
    const failed = Promise.race(writers).then(() => 'stopped');
    while (written < 20)
      expect(await Promise.race([failed, new Promise((r) => setTimeout(r, 20))])).not.toBe('stopped');

    const dir = await mkdtemp(path.join(tmpdir(), 'fangkong-backup-'));
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    let atSnapshot: Record<string, string> = {};
    let writtenAtSnapshot = 0;
    const backup = await writeBackup(appPool, {
      dir,
      key,
      at: new Date(),
      onSnapshot: async (id) => {
        writtenAtSnapshot = written;
        const reader = await pool.connect();
        try {
          await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
          await reader.query(`SET TRANSACTION SNAPSHOT '${id}'`);
          atSnapshot = await fingerprint(reader);
          await reader.query('COMMIT');
        } finally {
          reader.release();
        }
      },
    });
    const writtenAfter = written;
    writing = false;
    await Promise.all(writers);
    expect(writtenAfter).toBeGreaterThan(writtenAtSnapshot); // the load really ran during the backup

    expect((await stat(backup.file)).mode & 0o777).toBe(0o600);
    const raw = await readFile(backup.file);
    expect(raw.includes(Buffer.from('负载1号'))).toBe(false); // encrypted, not just compressed
    expect(raw.includes(Buffer.from('audit_log'))).toBe(false);

    const target = await emptyDatabase();
    const restored = await restoreBackup(target.pool, backup.file, key);
    expect(restored.tables.map((t) => t.name).sort()).toEqual(Object.keys(atSnapshot).sort());
    const after = await fingerprint(target.pool);
    expect(after).toEqual(atSnapshot);
    expect(Number(after.person!.split(':')[0])).toBeGreaterThan(400);
    // Consistent: every load person restored has its audit row, and the chain still holds.
    const orphans = await target.pool.query(
      `SELECT count(*)::int AS n FROM person p WHERE p.name = '负载' AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.target_id = p.id::text)`,
    );
    expect(orphans.rows[0]!.n).toBe(0);
    expect((await verifyAuditChain(target.pool)).broken).toBeNull();
    // The restored database is a working one: its application role may insert audit rows but not delete them.
    const roles = await target.pool.query(
      `SELECT has_table_privilege('fangkong_app', 'audit_log', 'DELETE') AS del, has_table_privilege('fangkong_app', 'audit_log', 'INSERT') AS ins`,
    );
    expect(roles.rows[0]).toEqual({ del: false, ins: true });

    // Refused, and nothing written: a database that is not empty, a wrong key, a file cut short.
    await expect(restoreBackup(target.pool, backup.file, key)).rejects.toThrow(/not empty/);
    const other = await emptyDatabase();
    await expect(restoreBackup(other.pool, backup.file, Buffer.alloc(32, 7))).rejects.toThrow(/cannot be decrypted/);
    const cut = path.join(dir, 'cut.backup');
    await writeFile(cut, raw.subarray(0, raw.length - 100));
    await expect(restoreBackup(other.pool, cut, key)).rejects.toThrow(
      /cannot be decrypted|cut short|middle of a frame/,
    );
    expect((await other.pool.query(`SELECT count(*)::int AS n FROM region`)).rows[0]!.n).toBe(0);
  }, 120_000);

  it('`cli backup` and `cli restore` round-trip into an empty data directory of the embedded PostgreSQL', async () => {
    const { url, pool } = await testDatabase();
    const source = await fingerprint(pool);
    const dir = await mkdtemp(path.join(tmpdir(), 'fangkong-cli-backup-'));
    await chmod(dir, 0o755); // as root, the embedded PostgreSQL runs as `postgres`
    cleanup.push(() => rm(dir, { recursive: true, force: true }));
    const made = await cli(['backup', '--dir', path.join(dir, 'backups')], {
      DATABASE_URL: url,
      FANGKONG_BACKUP_KEY: KEY_HEX,
    });
    const file = /Backup written: (\S+)/.exec(made.stdout)?.[1];
    expect(file, made.stdout + made.stderr).toBeTruthy();

    const dataDir = path.join(dir, 'data');
    const restored = await cli(['restore', '--file', file!], {
      FANGKONG_DATA_DIR: dataDir,
      FANGKONG_BACKUP_KEY: KEY_HEX,
    });
    expect(restored.stdout).toMatch(/Restored \d+ tables/);
    expect((await stat(path.join(dataDir, 'pg-secrets.json'))).mode & 0o777).toBe(0o600);

    const embedded = await startEmbeddedDatabase({ dataDir });
    const check = new pg.Client({ connectionString: embedded.url });
    await check.connect();
    try {
      expect(await fingerprint(check)).toEqual(source);
      expect((await verifyAuditChain(check)).broken).toBeNull();
    } finally {
      await check.end();
      await embedded.stop();
    }
  }, 180_000);
});
