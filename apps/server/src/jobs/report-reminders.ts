import { sql } from 'drizzle-orm';
import { shanghaiDateOf, reportDayWindow } from '@fangkong/domain';
import type { Db } from '../db/client.js';
import { reportReminder } from '../db/schema/index.js';
import { uuidv7 } from '../db/ids.js';
import { audit } from '../audit/audit.js';
import { settingsFor } from '../modules/county-settings/index.js';
import { pathUnder } from '../auth/scope.js';

const JOB_LOCK = 4_210_002;

/**
 * In each county, from `reminderMinutesBefore` the deadline until the deadline, reminds every village
 * and township whose report for the day is still missing, once (the unique index on automatic
 * reminders makes a second run, or a second server, add nothing).
 */
export async function runReportReminders(db: Db, now: Date): Promise<{ ran: boolean; reminded: number }> {
  return db.transaction(async (tx) => {
    const [lock] = (await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${JOB_LOCK}) AS ok`)).rows;
    if (!lock?.ok) return { ran: false, reminded: 0 };
    const day = shanghaiDateOf(now);
    const counties = (
      await tx.execute<{ path: string }>(sql`SELECT path::text AS path FROM region WHERE level = 'county'`)
    ).rows;
    let reminded = 0;
    for (const { path } of counties) {
      const { deadline, reminderMinutesBefore } = await settingsFor(tx, 'report', path);
      const { cutoff } = reportDayWindow(day, deadline);
      if (now >= cutoff || now.getTime() < cutoff.getTime() - reminderMinutesBefore * 60_000) continue;
      const missing = (
        await tx.execute<{ id: string; path: string }>(sql`
        SELECT g.id, g.path::text AS path FROM region g
        WHERE ${pathUnder(sql`g.path`, path)} AND g.level IN ('village', 'township')
          AND NOT EXISTS (SELECT 1 FROM daily_report r WHERE r.region_id = g.id AND r.report_date = ${day})
          AND NOT EXISTS (SELECT 1 FROM report_reminder m WHERE m.region_id = g.id AND m.report_date = ${day} AND m.sent_by IS NULL)`)
      ).rows;
      if (!missing.length) continue;
      const rows = missing.map((g) => ({
        id: uuidv7(),
        regionId: g.id,
        regionPath: g.path,
        reportDate: day,
        sentBy: null,
        sentAt: now,
        message: null,
      }));
      for (let i = 0; i < rows.length; i += 1000)
        reminded += (
          await tx
            .insert(reportReminder)
            .values(rows.slice(i, i + 1000))
            .onConflictDoNothing()
            .returning({ id: reportReminder.id })
        ).length;
    }
    if (reminded)
      await audit(tx, null, {
        event: 'dailyReport.remind',
        targetType: 'scheduler',
        detail: { reportDate: day, reminded, at: now.toISOString() },
      });
    return { ran: true, reminded };
  });
}
