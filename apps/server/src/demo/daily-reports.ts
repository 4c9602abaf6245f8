import type pg from 'pg';
import { reportDayWindow } from '@fangkong/domain';
import { createDb } from '../db/client.js';
import { uuidv7 } from '../db/ids.js';
import { computeFigures, reportMoment } from '../modules/daily-reports/figures.js';

const DAYS_BACK = 3;

const dayBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/**
 * A few past days of daily reports: most villages and townships on time, some late, some missing
 * (decided by a hash of region and day, so the same county gets the same pattern). The late and
 * the missing got the scheduler's 催报 an hour before the deadline.
 */
export async function loadDemoReports(pool: pg.Pool, today: string): Promise<number> {
  const db = createDb(pool);
  const { rows: reporters } = await pool.query<{ id: string; path: string; submitter: string }>(`
    SELECT r.id, r.path::text AS path,
           coalesce((SELECT u.id FROM app_user u WHERE u.region_id = r.id ORDER BY u.username LIMIT 1),
                    (SELECT u.id FROM app_user u WHERE u.username = 'admin')) AS submitter
    FROM region r WHERE r.level IN ('village', 'township')`);
  const rows: unknown[][] = [];
  const reminders: unknown[][] = [];
  for (const r of reporters) {
    const figures = await computeFigures(db, r.path, reportMoment(today, '18:00', reportDayWindow(today).cutoff));
    for (let n = 1; n <= DAYS_BACK; n++) {
      const day = dayBefore(today, n);
      const roll = [...`${r.id}${day}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % 100;
      const { cutoff } = reportDayWindow(day);
      if (roll >= 70) reminders.push([uuidv7(), r.id, r.path, day, new Date(cutoff.getTime() - 3_600_000)]);
      if (roll >= 85 || !r.submitter) continue;
      const late = roll >= 70;
      const submittedAt = new Date(cutoff.getTime() + (late ? 2.5 : -0.7) * 3_600_000 + (roll % 40) * 60_000);
      rows.push([uuidv7(), r.id, r.path, day, roll % 5 === 0, JSON.stringify(figures), r.submitter, submittedAt, late]);
    }
  }
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const values = chunk
      .map((_, k) => `(${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => `$${k * 9 + c}`).join(', ')}, 1)`)
      .join(', ');
    await pool.query(
      `INSERT INTO daily_report (id, region_id, region_path, report_date, is_zero, figures, submitted_by, submitted_at, late, version) VALUES ${values}`,
      chunk.flat(),
    );
  }
  for (let i = 0; i < reminders.length; i += 500) {
    const chunk = reminders.slice(i, i + 500);
    const values = chunk.map((_, k) => `(${[1, 2, 3, 4, 5].map((c) => `$${k * 5 + c}`).join(', ')})`).join(', ');
    await pool.query(
      `INSERT INTO report_reminder (id, region_id, region_path, report_date, sent_at) VALUES ${values}`,
      chunk.flat(),
    );
  }
  return rows.length;
}
