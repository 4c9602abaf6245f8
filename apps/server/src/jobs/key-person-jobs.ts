import { notifyEvent } from '../events/events.js';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { slotsClosedBetween, type SlotWindows } from '@fangkong/domain';
import type { Db, Tx } from '../db/client.js';
import { checkAlert, lead, triageTask } from '../db/schema/index.js';
import { uuidv7 } from '../db/ids.js';
import { audit } from '../audit/audit.js';
import { settingsInForceSql } from '../modules/county-settings/index.js';

/** Any constant works; it only has to be the same in every server process. */
const JOB_LOCK = 4_210_001;
/** A missed slot goes to the village doctor after an hour, to the township after two (grid worker → doctor → township). */
export const ESCALATE_TO_DOCTOR_MINUTES = 60;
export const ESCALATE_TO_TOWNSHIP_MINUTES = 120;
/** How far back a run looks for closed slots, so a server that was down catches up. */
const LOOKBACK_MS = 3 * 86_400_000;

export interface JobReport {
  ran: boolean;
  overdue: number;
  toDoctor: number;
  toTownship: number;
  triageEscalated: number;
  leadsEscalated: number;
}

type Missing = {
  id: string;
  key_person_id: string;
  region_path: string;
  day: string;
  slot: 'am' | 'pm';
  closes_at: string;
};

/** The slots whose window closed without a check, as this transaction's snapshot sees them. */
async function findMissingSlots(tx: Tx, now: Date): Promise<Missing[]> {
  // The check windows in force differ by county, and by township or village where the county set
  // an override: the files are taken in groups of the same windows.
  const windowsOf = sql`(${settingsInForceSql('policy', sql`kp.region_path`)} -> 'slotWindows')`;
  const groups = await tx.execute<{ windows: SlotWindows }>(
    sql`SELECT DISTINCT ${windowsOf} AS windows FROM key_person kp WHERE kp.status = 'active'`,
  );
  const found: Missing[] = [];
  for (const { windows } of groups.rows) {
    const closed = slotsClosedBetween(new Date(now.getTime() - LOOKBACK_MS), now, windows);
    if (!closed.length) continue;
    const missing = await tx.execute<Omit<Missing, 'id'>>(sql`
      SELECT kp.id AS key_person_id, kp.region_path::text AS region_path, c.day::text AS day, c.slot, c.closes_at
      FROM key_person kp
      JOIN jsonb_to_recordset(${JSON.stringify(closed.map((c) => ({ day: c.day, slot: c.slot, opens_at: c.opensAt.toISOString(), closes_at: c.closesAt.toISOString() })))}::jsonb) AS c(day date, slot text, opens_at timestamptz, closes_at timestamptz)
        -- A slot is due only if the measure was in force when its window opened: a file opened
        -- during (or after) a window owes nothing for it (a check may still be recorded).
        ON c.day BETWEEN kp.start_date AND kp.planned_end_date AND kp.created_at <= c.opens_at
      WHERE kp.status = 'active' AND ${windowsOf} = ${JSON.stringify(windows)}::jsonb
        AND NOT EXISTS (SELECT 1 FROM health_check h WHERE h.key_person_id = kp.id AND h.day = c.day AND h.slot = c.slot)
        AND NOT EXISTS (SELECT 1 FROM check_alert a WHERE a.key_person_id = kp.id AND a.day = c.day AND a.slot = c.slot)`);
    for (const r of missing.rows) found.push({ ...r, id: uuidv7() });
  }
  return found;
}

/**
 * Locks the files, in id order, against a check being written for them until this run commits: a
 * check's write takes the same lock first (health-checks.write.ts), so a check either lands before
 * (and the slot is not marked) or waits and settles the alert (the health_check_settles_alert trigger).
 */
async function lockFiles(tx: Tx, ids: string[]) {
  if (ids.length)
    await tx.execute(
      sql`SELECT count(*) FROM (SELECT 1 FROM key_person WHERE id = ANY(${`{${[...new Set(ids)].join(',')}}`}::uuid[]) ORDER BY id FOR UPDATE) l`,
    );
}

/** Marks the missing slots overdue unless a check arrived meanwhile (a fresh statement, after the locks). */
async function markOverdue(tx: Tx, rows: Missing[]) {
  if (!rows.length) return 0;
  const marked = await tx.execute(sql`
    INSERT INTO check_alert (id, key_person_id, region_path, day, slot, overdue_at)
    SELECT r.id, r.key_person_id, r.region_path, r.day, r.slot, r.closes_at
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS r(id uuid, key_person_id uuid, region_path ltree, day date, slot text, closes_at timestamptz)
     WHERE NOT EXISTS (SELECT 1 FROM health_check h WHERE h.key_person_id = r.key_person_id AND h.day = r.day AND h.slot = r.slot)
    ON CONFLICT DO NOTHING
    RETURNING id`);
  return marked.rows.length;
}

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/**
 * One run of the key-person scheduler at `now`: marks slots whose window closed without a check
 * overdue, escalates unanswered overdue slots, unacknowledged triage tasks and overdue leads.
 * Runs in one transaction under an advisory lock, so with several server processes exactly one
 * does the work; the others return `ran: false`.
 */
export async function runKeyPersonJobs(db: Db, now: Date): Promise<JobReport> {
  return db.transaction(async (tx) => {
    const [lock] = (await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${JOB_LOCK}) AS ok`)).rows;
    if (!lock?.ok) return { ran: false, overdue: 0, toDoctor: 0, toTownship: 0, triageEscalated: 0, leadsEscalated: 0 };
    const missing = await findMissingSlots(tx, now);
    const open = isNull(checkAlert.resolvedAt);
    // Every file whose alert this run writes is locked before the first write, all in one order.
    const escalating = await tx
      .selectDistinct({ id: checkAlert.keyPersonId })
      .from(checkAlert)
      .where(
        and(
          open,
          sql`${checkAlert.level} <> 'township'`,
          lte(checkAlert.overdueAt, minutesBefore(now, ESCALATE_TO_DOCTOR_MINUTES)),
        ),
      );
    await lockFiles(tx, [...missing.map((m) => m.key_person_id), ...escalating.map((e) => e.id)]);
    const overdue = await markOverdue(tx, missing);
    const toTownship = (
      await tx
        .update(checkAlert)
        .set({ level: 'township', escalatedAt: now })
        .where(
          and(
            open,
            sql`${checkAlert.level} <> 'township'`,
            lte(checkAlert.overdueAt, minutesBefore(now, ESCALATE_TO_TOWNSHIP_MINUTES)),
          ),
        )
        .returning({ id: checkAlert.id })
    ).length;
    const toDoctor = (
      await tx
        .update(checkAlert)
        .set({ level: 'doctor', escalatedAt: now })
        .where(
          and(
            open,
            eq(checkAlert.level, 'gridWorker'),
            lte(checkAlert.overdueAt, minutesBefore(now, ESCALATE_TO_DOCTOR_MINUTES)),
          ),
        )
        .returning({ id: checkAlert.id })
    ).length;
    const triageEscalated = (
      await tx
        .update(triageTask)
        .set({ escalatedAt: now })
        .where(and(eq(triageTask.status, 'open'), isNull(triageTask.escalatedAt), lte(triageTask.deadline, now)))
        .returning({ id: triageTask.id })
    ).length;
    const escalatedLeads = await tx
      .update(lead)
      .set({ escalatedAt: now })
      .where(and(eq(lead.status, 'open'), isNull(lead.escalatedAt), lte(lead.deadline, now)))
      .returning({ id: lead.id, regionPath: lead.regionPath });
    for (const l of escalatedLeads)
      await notifyEvent(tx, { type: 'lead.overdue', regionPath: l.regionPath, payload: { leadId: l.id } });
    const leadsEscalated = escalatedLeads.length;
    const report = { ran: true, overdue, toDoctor, toTownship, triageEscalated, leadsEscalated };
    if (overdue || toDoctor || toTownship || triageEscalated || leadsEscalated)
      await audit(tx, null, {
        event: 'job.escalate',
        targetType: 'scheduler',
        detail: { ...report, at: now.toISOString() },
      });
    return report;
  });
}
