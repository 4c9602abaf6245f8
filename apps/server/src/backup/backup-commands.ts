import path from 'node:path';
import type pg from 'pg';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open.js';
import { writeBackup } from './backup.js';
import { restoreBackup } from './restore.js';

type BackupConfig = Pick<Config, 'FANGKONG_BACKUP_KEY' | 'FANGKONG_BACKUP_DIR' | 'FANGKONG_DATA_DIR'>;

/** The backup key from the configuration; a backup without one is refused, never written in clear. */
export function backupKey(config: BackupConfig): Buffer {
  if (!config.FANGKONG_BACKUP_KEY)
    throw new Error(
      'FANGKONG_BACKUP_KEY is not set: make one with `openssl rand -hex 32` and keep it apart from the backups (docs/operations.md)',
    );
  return Buffer.from(config.FANGKONG_BACKUP_KEY, 'hex');
}

export function backupDir(config: BackupConfig): string {
  return path.resolve(config.FANGKONG_BACKUP_DIR ?? path.join(config.FANGKONG_DATA_DIR, 'backups'));
}

/** `cli backup`. */
export async function backupCommand(pool: pg.Pool, config: BackupConfig, dir?: string): Promise<void> {
  const r = await writeBackup(pool, {
    dir: dir ? path.resolve(dir) : backupDir(config),
    key: backupKey(config),
    at: new Date(),
  });
  const rows = r.tables.reduce((n, t) => n + t.rows, 0);
  console.log(
    `Backup written: ${r.file} (${(r.bytes / 1e6).toFixed(1)} MB, ${r.tables.length} tables, ${rows} rows, ${r.seconds.toFixed(1)} s).`,
  );
}

/** `cli restore`: into the configured database, which must be empty (a new data directory is). */
export async function restoreCommand(config: Config, file: string): Promise<void> {
  const key = backupKey(config);
  const database = await openDatabase(config, (m) => console.error(m), undefined, { as: 'owner', migrate: false });
  try {
    const r = await restoreBackup(database.pool, path.resolve(file), key);
    const rows = r.tables.reduce((n, t) => n + t.rows, 0);
    console.log(
      `Restored ${r.tables.length} tables, ${rows} rows (backup of ${r.header.createdAt}), each checked by row count and checksum, in ${r.seconds.toFixed(1)} s.`,
    );
  } finally {
    await database.close();
  }
}
