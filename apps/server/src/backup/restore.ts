import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { createDb } from '../db/client.js';
import { migrateDatabase, migrationsFolder } from '../db/migrate.js';
import { readBackupFile } from './backup-file.js';
import type { BackupHeader } from './backup.js';
import { ident, listTables, STABLE_TEXT, tableChecksum, type TableManifest } from './tables.js';

export interface RestoreResult {
  header: BackupHeader;
  tables: TableManifest[];
  seconds: number;
}

/** Applies the first `count` migrations only, through a copy of the folder with a shortened journal. */
async function migrateTo(pool: pg.Pool, count: number): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fangkong-migrations-'));
  try {
    await cp(migrationsFolder, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, count);
    await writeFile(journalFile, JSON.stringify(journal));
    await migrateDatabase(createDb(pool), dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Which of this version's migrations made the backup's schema; refuses a backup of a newer or other version. */
function migrationsOf(header: BackupHeader): number {
  if (!header.migration) return 0;
  const mine = readMigrationFiles({ migrationsFolder });
  const at = mine.findIndex((m) => m.folderMillis === header.migration!.createdAt);
  if (at < 0 || mine[at]!.hash !== header.migration.hash) {
    throw new Error(
      'the backup was made by a Fangkong version whose migrations this one does not have: restore with that version (or newer)',
    );
  }
  return at + 1;
}

async function assertEmpty(client: pg.PoolClient): Promise<void> {
  for (const t of await listTables(client)) {
    const { rows } = await client.query(`SELECT 1 FROM ${ident(t)} LIMIT 1`);
    if (rows.length)
      throw new Error(
        `the database is not empty (table ${t} has rows): restore into a new data directory or an empty database`,
      );
  }
}

/**
 * Restores a backup into an empty database as its owner: the schema of the backup's migrations,
 * every table's rows in one transaction, checked row count and checksum per table, then the
 * remaining migrations. Nothing is kept unless the whole file decrypts and every check holds.
 */
export async function restoreBackup(
  ownerPool: pg.Pool,
  file: string,
  key: Buffer,
  log: (m: string) => void = () => {},
): Promise<RestoreResult> {
  const started = performance.now();
  const frames = readBackupFile(file, key);
  const first = await frames.next();
  if (first.done || first.value.type !== 'H') throw new Error(`${file} has no backup header`);
  const header = JSON.parse(first.value.payload.toString()) as BackupHeader;
  await migrateTo(ownerPool, migrationsOf(header));
  const client = await ownerPool.connect();
  const tables: TableManifest[] = [];
  let copy: ReturnType<typeof copyFrom> | null = null;
  try {
    await client.query('BEGIN');
    await client.query(STABLE_TEXT);
    await assertEmpty(client);
    const superuser = (
      await client.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)
    ).rows[0]!.s;
    // Rows come back as they were: no trigger recomputes a chain hash or a tally. A superuser also
    // skips the foreign-key checks (as pg_restore --disable-triggers); an owner keeps them: the
    // backup holds the tables in dependency order.
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    else for (const t of await allRelations(client)) await client.query(`ALTER TABLE ${ident(t)} DISABLE TRIGGER USER`);
    let table: TableManifest | null = null;
    for await (const { type, payload } of frames) {
      if (type === 'T') {
        table = JSON.parse(payload.toString()) as TableManifest;
        if (table.name === 'audit_log' && table.range)
          await client.query(`SELECT audit_log_ensure_partitions($1, $2)`, table.range);
        copy = client.query(copyFrom(`COPY ${ident(table.name)} (${table.columns.map(ident).join(', ')}) FROM STDIN`));
      } else if (type === 'D') {
        if (!copy!.write(payload)) await new Promise((r) => copy!.once('drain', r));
      } else if (type === 'E') {
        const stream = copy!;
        await new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject).end());
        tables.push(table!);
        copy = null;
      } else if (type === 'S') {
        for (const s of JSON.parse(payload.toString()) as { name: string; value: string; called: boolean }[]) {
          await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [ident(s.name), s.value, s.called]);
        }
      }
    }
    for (const t of tables) {
      const got = await tableChecksum(client, t.name, t.columns);
      if (got.rows !== t.rows || got.checksum !== t.checksum)
        throw new Error(`table ${t.name} restored with ${got.rows} rows (backup: ${t.rows}) or a different checksum`);
      log(`${t.name}: ${t.rows} rows`);
    }
    if (!superuser)
      for (const t of await allRelations(client)) await client.query(`ALTER TABLE ${ident(t)} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
  } catch (e) {
    // A COPY cut off by a bad file must be failed first, or the connection waits for its end.
    const open = copy as ReturnType<typeof copyFrom> | null;
    if (open)
      await new Promise<void>((resolve) =>
        open
          .once('close', resolve)
          .once('error', () => resolve())
          .destroy(e as Error),
      );
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  await migrateDatabase(createDb(ownerPool));
  return { header, tables, seconds: (performance.now() - started) / 1000 };
}

/** Every table of the public schema, partitions included (triggers are per partition). */
async function allRelations(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}
