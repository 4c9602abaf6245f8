import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { createBackupFile } from './backup-file.js';
import {
  ident,
  inDependencyOrder,
  listColumns,
  listTables,
  STABLE_TEXT,
  tableChecksum,
  type TableManifest,
} from './tables.js';

/** The first frame of a backup. */
export interface BackupHeader {
  format: 1;
  createdAt: string;
  serverVersion: string;
  /** The newest migration the database had: restore builds the schema up to it, then on to the newest. */
  migration: { count: number; createdAt: number; hash: string } | null;
}

export interface BackupResult {
  file: string;
  bytes: number;
  tables: TableManifest[];
  seconds: number;
}

/**
 * Writes the whole public schema's data to an encrypted file in `dir`, online: every table is read
 * in one REPEATABLE READ snapshot, so the backup is one consistent moment while writers go on.
 */
export async function writeBackup(
  pool: pg.Pool,
  opts: {
    dir: string;
    key: Buffer;
    at: Date;
    prefix?: string;
    /** Called with the exported snapshot's id while it is held: others can read the very moment backed up. */
    onSnapshot?: (snapshotId: string) => Promise<void>;
  },
): Promise<BackupResult> {
  const started = performance.now();
  await mkdir(opts.dir, { recursive: true, mode: 0o700 });
  const file = path.join(opts.dir, `${opts.prefix ?? 'fangkong'}-${fileStamp(opts.at)}.backup`);
  const partial = `${file}.partial`;
  const client = await pool.connect();
  const out = await createBackupFile(partial, opts.key);
  const tables: TableManifest[] = [];
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(STABLE_TEXT);
    if (opts.onSnapshot)
      await opts.onSnapshot((await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]!.id);
    const migration = await client.query<{ count: number; created_at: string; hash: string }>(
      `SELECT count(*) OVER ()::int AS count, created_at::text, hash FROM drizzle.__drizzle_migrations ORDER BY created_at DESC, id DESC LIMIT 1`,
    );
    const m = migration.rows[0];
    const header: BackupHeader = {
      format: 1,
      createdAt: opts.at.toISOString(),
      serverVersion: (await client.query<{ v: string }>('SHOW server_version')).rows[0]!.v,
      migration: m ? { count: m.count, createdAt: Number(m.created_at), hash: m.hash } : null,
    };
    await out.write('H', JSON.stringify(header));
    // Parents before children, so that an owner without superuser rights restores with foreign keys checked.
    for (const name of await inDependencyOrder(client, await listTables(client))) {
      const columns = await listColumns(client, name);
      const { rows, checksum } = await tableChecksum(client, name, columns);
      const range = name === 'audit_log' ? await auditRange(client) : undefined;
      const table: TableManifest = { name, columns, rows, checksum, range };
      await out.write('T', JSON.stringify(table));
      const stream = client.query(
        copyTo(`COPY (SELECT ${columns.map(ident).join(', ')} FROM ${ident(name)}) TO STDOUT`),
      );
      for await (const chunk of stream) await out.write('D', chunk as Buffer);
      await out.write('E', JSON.stringify({ rows: Number(stream.rowCount) }));
      tables.push(table);
    }
    const sequences = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY 1`,
    );
    const values = [];
    for (const { name } of sequences.rows) {
      const v = await client.query<{ last_value: string; is_called: boolean }>(
        `SELECT last_value::text, is_called FROM ${ident(name)}`,
      );
      values.push({ name, value: v.rows[0]!.last_value, called: v.rows[0]!.is_called });
    }
    await out.write('S', JSON.stringify(values));
    await out.write('Z', JSON.stringify({ tables: tables.length }));
    await client.query('COMMIT');
    await out.close();
    await rename(partial, file);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    await out.close().catch(() => {});
    await rm(partial, { force: true });
    throw e;
  } finally {
    client.release();
  }
  return { file, bytes: (await stat(file)).size, tables, seconds: (performance.now() - started) / 1000 };
}

async function auditRange(client: pg.PoolClient): Promise<[string, string] | null> {
  const { rows } = await client.query<{ lo: string | null; hi: string | null }>(
    `SELECT min(at)::text AS lo, max(at)::text AS hi FROM audit_log`,
  );
  return rows[0]!.lo && rows[0]!.hi ? [rows[0]!.lo, rows[0]!.hi] : null;
}

/** 2026-12-07T14:30:05.123Z → 20261207-143005Z: sorts by time, safe in any file system. */
function fileStamp(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace(/\.\d+Z$/, 'Z');
}
