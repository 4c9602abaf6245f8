import { sql } from 'drizzle-orm';
import { shanghaiDateOf } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { reportReminder } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { selectRegionInScope } from './daily-reports.queries.js';
import type { RemindBody } from './reminders.schemas.js';
import { pathUnder, pathStrictlyUnder } from '../../auth/scope.js';

/** A second reminder to the same reporter within this time is a double click, not a new 催报. */
export const REMIND_AGAIN_AFTER_MS = 10 * 60_000;

type Target = { id: string; name: string; path: string; submitted: boolean; last_reminded: Date | null };

/** The reporters to remind with their state for the day: those named, or the ones directly below the caller. */
async function selectTargets(db: Db, actor: Actor, day: string, regionIds: string[] | undefined) {
  const chosen = regionIds
    ? sql`g.id = ANY(${`{${regionIds.join(',')}}`}::uuid[])`
    : sql`g.parent_id = ${actor.regionId}`;
  const { rows } = await db.execute<Target>(sql`
    SELECT g.id, g.name, g.path::text AS path,
           EXISTS (SELECT 1 FROM daily_report r WHERE r.region_id = g.id AND r.report_date = ${day}) AS submitted,
           (SELECT max(m.sent_at) FROM report_reminder m WHERE m.region_id = g.id AND m.report_date = ${day}) AS last_reminded
    FROM region g
    WHERE ${chosen} AND g.level IN ('village', 'township')
      AND ${pathStrictlyUnder(sql`g.path`, actor.scopePath)}
    ORDER BY g.code`);
  return rows;
}

/** 催报: the level above reminds the villages or townships whose report for a day is still missing. */
export function remindersService(db: Db, now: () => Date) {
  async function remind(actor: Actor, body: RemindBody) {
    if (body.reportDate > shanghaiDateOf(now())) throw invalid([{ field: 'reportDate', key: 'dailyReport.futureDay' }]);
    const targets = await selectTargets(db, actor, body.reportDate, body.regionIds);
    const unknown = (body.regionIds ?? []).findIndex((id) => !targets.some((t) => t.id === id));
    if (unknown >= 0) throw invalid([{ field: `regionIds.${unknown}`, key: 'dailyReport.remindBelow' }]);
    const at = now();
    const skipReason = (t: Target): 'submitted' | 'recentlyReminded' | null =>
      t.submitted
        ? 'submitted'
        : t.last_reminded && at.getTime() - new Date(t.last_reminded).getTime() < REMIND_AGAIN_AFTER_MS
          ? 'recentlyReminded'
          : null;
    const skipped = targets.flatMap((t) => {
      const reason = skipReason(t);
      return reason ? [{ regionId: t.id, name: t.name, reason }] : [];
    });
    const due = targets.filter((t) => !skipped.some((s) => s.regionId === t.id));
    if (due.length) {
      await db.transaction(async (tx) => {
        await tx.insert(reportReminder).values(
          due.map((t) => ({
            id: uuidv7(),
            regionId: t.id,
            regionPath: t.path,
            reportDate: body.reportDate,
            sentBy: actor.userId,
            sentAt: at,
            message: body.message ?? null,
          })),
        );
        await audit(tx, actor, {
          event: 'dailyReport.remind',
          targetType: 'region',
          detail: { reportDate: body.reportDate, regionIds: due.map((t) => t.id) },
        });
      });
    }
    return { reminded: due.map((t) => ({ regionId: t.id, name: t.name })), skipped };
  }

  /** The reminders sent for a day to the region and the regions below it, newest first. */
  async function list(actor: Actor, day: string, regionId: string | undefined) {
    const region = await selectRegionInScope(db, actor, regionId ?? actor.regionId);
    if (!region) throw notFound();
    const { rows } = await db.execute<{
      id: string;
      region_id: string;
      region_name: string;
      sent_at: Date;
      sent_by_name: string | null;
      message: string | null;
    }>(sql`
      SELECT m.id, m.region_id, g.name AS region_name, m.sent_at, u.display_name AS sent_by_name, m.message
      FROM report_reminder m JOIN region g ON g.id = m.region_id LEFT JOIN app_user u ON u.id = m.sent_by
      WHERE m.report_date = ${day} AND ${pathUnder(sql`m.region_path`, region.path)}
      ORDER BY m.sent_at DESC LIMIT 200`);
    return {
      items: rows.map((r) => ({
        id: r.id,
        regionId: r.region_id,
        regionName: r.region_name,
        reportDate: day,
        sentAt: new Date(r.sent_at).toISOString(),
        sentByName: r.sent_by_name,
        message: r.message,
      })),
    };
  }

  return { remind, list };
}
