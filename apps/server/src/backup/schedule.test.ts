import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/db.js';
import { loadConfig } from '../config.js';
import { auditUpkeepJob, dailyBackupJob } from './schedule.js';

describe('the daily backup', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('is off without a key, runs once a day from its hour on, as the application role, and removes expired daily backups', async () => {
    const { appDb } = await testDatabase();
    expect(dailyBackupJob(loadConfig({}))).toBeNull();
    const dir = await mkdtemp(path.join(tmpdir(), 'fangkong-daily-'));
    dirs.push(dir);
    const job = dailyBackupJob(
      loadConfig({
        FANGKONG_BACKUP_KEY: 'b2'.repeat(32),
        FANGKONG_BACKUP_DIR: dir,
        FANGKONG_BACKUP_HOUR: '2',
        FANGKONG_BACKUP_KEEP_DAYS: '7',
      }),
    )!;
    await writeFile(path.join(dir, 'fangkong-daily-20261120-180000Z.backup'), 'x'); // 18 days before
    await writeFile(path.join(dir, 'fangkong-daily-20261205-180000Z.backup'), 'x'); // 3 days before
    await writeFile(path.join(dir, 'fangkong-20261101-000000Z.backup'), 'x'); // made by hand: the operator's to remove

    expect(await job.run(appDb, new Date('2026-12-07T17:30:00Z'))).toBeNull(); // 01:30 in Shanghai: not yet
    expect(await job.run(appDb, new Date('2026-12-07T18:05:00Z'))).toMatchObject({
      backup: 'fangkong-daily-20261207-180500Z.backup',
      removed: 1,
    });
    expect(await job.run(appDb, new Date('2026-12-08T09:00:00Z'))).toBeNull(); // 17:00 the same day in Shanghai
    expect((await readdir(dir)).sort()).toEqual([
      'fangkong-20261101-000000Z.backup',
      'fangkong-daily-20261205-180000Z.backup',
      'fangkong-daily-20261207-180500Z.backup',
    ]);
  });

  it('keeps the audit partitions ahead of the clock', async () => {
    const { appDb, pool } = await testDatabase();
    const r = await auditUpkeepJob({ AUDIT_RETENTION_MONTHS: 12 }).run(appDb, new Date('2030-06-10T00:00:00Z'));
    expect(r).toMatchObject({ auditPartitions: { created: 3 } });
    expect((await pool.query(`SELECT to_regclass('audit_log_2030_08') IS NOT NULL AS ok`)).rows[0]!.ok).toBe(true);
  });
});
