import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { shanghaiDateOf, shanghaiHourOf } from '@fangkong/domain';
import type { Config } from '../config.js';
import type { Job } from '../jobs/scheduler.js';
import { maintainAuditPartitions } from '../audit/chain.js';
import { writeBackup } from './backup.js';
import { backupDir, backupKey } from './backup-commands.js';

const DAILY = 'fangkong-daily';

/**
 * The daily backup: once a day, at or after FANGKONG_BACKUP_HOUR (Asia/Shanghai), unless one of
 * that day exists; then removes daily backups older than FANGKONG_BACKUP_KEEP_DAYS. Off without a key.
 */
export function dailyBackupJob(config: Config): Job | null {
  if (!config.FANGKONG_BACKUP_KEY) return null;
  const dir = backupDir(config);
  const key = backupKey(config);
  return {
    name: 'daily backup',
    run: async (db, at) => {
      if (shanghaiHourOf(at) < config.FANGKONG_BACKUP_HOUR) return null;
      const day = shanghaiDateOf(at);
      const files = await readdir(dir).catch(() => [] as string[]);
      const daily = files
        .map((f) => ({ f, at: stampOf(f) }))
        .filter((d): d is { f: string; at: Date } => d.at !== null);
      if (daily.some((d) => shanghaiDateOf(d.at) === day)) return null;
      const r = await writeBackup(db.$client, { dir, key, at, prefix: DAILY });
      let removed = 0;
      for (const { f, at: madeAt } of daily) {
        if ((at.getTime() - madeAt.getTime()) / 86_400_000 > config.FANGKONG_BACKUP_KEEP_DAYS) {
          await rm(path.join(dir, f), { force: true });
          removed++;
        }
      }
      return { backup: path.basename(r.file), bytes: r.bytes, seconds: Math.round(r.seconds), removed };
    },
  };
}

/** When a daily backup was made, from its name (`fangkong-daily-20261207-180000Z.backup`); null for other files. */
function stampOf(file: string): Date | null {
  const m = new RegExp(`^${DAILY}-(\\d{4})(\\d{2})(\\d{2})-(\\d{2})(\\d{2})(\\d{2})Z\\.backup$`).exec(file);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

/** Keeps the audit log's monthly partitions ahead of time and drops those past AUDIT_RETENTION_MONTHS. */
export function auditUpkeepJob(config: Pick<Config, 'AUDIT_RETENTION_MONTHS'>): Job {
  return {
    name: 'audit partitions',
    run: async (db, at) => {
      const r = await maintainAuditPartitions(db.$client, at, config.AUDIT_RETENTION_MONTHS);
      return r.created || r.dropped ? { auditPartitions: r } : null;
    },
  };
}
