import { notifyEvent } from '../events/events.js';
import { and, eq, isNull, lte, sql } from 'drizzle-orm';
import { slotsClosedBetween } from '@fangkong/domain';
import type { Db, Tx } from '../db/client.js';
import { checkAlert, lead, triageTask } from '../db/schema/index.js';
import { uuidv7 } from '../db/ids.js';
import { audit } from '../audit/audit.js';
import { policyFor } from '../modules/key-persons/key-persons.policy.js';

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

async function markOverdueSlots(tx: Tx, now: Date) {
  const counties = await tx.execute<{ county: string }>(sql`SELECT DISTINCT subpath(region_path, 0, 1)::text AS county FROM key_person WHERE status = 'active'`);
  let n = 0;
  for (const { county } of counties.rows) {
    const { slotWindows } = await policyFor(tx, county);
    const closed = slotsClosedBetween(new Date(now.getTime() - LOOKBACK_MS), now, slotWindows);
    if (!closed.length) continue;
    const missing = await tx.execute<{ key_person_id: string; region_path: string; day: string; slot: 'am' | 'pm'; closes_at: string }>(sql`
      SELECT kp.id AS key_person_id, kp.region_path::text AS region_path, c.day::text AS day, c.slot, c.closes_at
      FROM key_person kp
      JOIN jsonb_to_recordset(${JSON.stringify(closed.map((c) => ({ day: c.day, slot: c.slot, closes_at: c.closesAt.toISOString() })))}::jsonb) AS c(day date, slot text, closes_at timestamptz)
        ON c.day BETWEEN kp.start_date AND kp.planned_end_date
      WHERE kp.status = 'active' AND kp.region_path <@ ${county}::ltree
        AND NOT EXISTS (SELECT 1 FROM health_check h WHERE h.key_person_id = kp.id AND h.day = c.day AND h.slot = c.slot)
        AND NOT EXISTS (SELECT 1 FROM check_alert a WHERE a.key_person_id = kp.id AND a.day = c.day AND a.slot = c.slot)`);
    const rows = missing.rows.map((r) => ({ id: uuidv7(), keyPersonId: r.key_person_id, regionPath: r.region_path, day: r.day, slot: r.slot, overdueAt: new Date(r.closes_at) }));
    for (let i = 0; i < rows.length; i += 1000) n += (await tx.insert(checkAlert).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: checkAlert.id })).length;
  }
  return n;
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
    const overdue = await markOverdueSlots(tx, now);
    const open = isNull(checkAlert.resolvedAt);
    const toTownship = (await tx.update(checkAlert).set({ level: 'township', escalatedAt: now }).where(and(open, sql`${checkAlert.level} <> 'township'`, lte(checkAlert.overdueAt, minutesBefore(now, ESCALATE_TO_TOWNSHIP_MINUTES)))).returning({ id: checkAlert.id })).length;
    const toDoctor = (await tx.update(checkAlert).set({ level: 'doctor', escalatedAt: now }).where(and(open, eq(checkAlert.level, 'gridWorker'), lte(checkAlert.overdueAt, minutesBefore(now, ESCALATE_TO_DOCTOR_MINUTES)))).returning({ id: checkAlert.id })).length;
    const triageEscalated = (await tx.update(triageTask).set({ escalatedAt: now }).where(and(eq(triageTask.status, 'open'), isNull(triageTask.escalatedAt), lte(triageTask.deadline, now))).returning({ id: triageTask.id })).length;
    const escalatedLeads = await tx.update(lead).set({ escalatedAt: now }).where(and(eq(lead.status, 'open'), isNull(lead.escalatedAt), lte(lead.deadline, now))).returning({ id: lead.id, regionPath: lead.regionPath });
    for (const l of escalatedLeads) await notifyEvent(tx, { type: 'lead.overdue', regionPath: l.regionPath, payload: { leadId: l.id } });
    const leadsEscalated = escalatedLeads.length;
    const report = { ran: true, overdue, toDoctor, toTownship, triageEscalated, leadsEscalated };
    if (overdue || toDoctor || toTownship || triageEscalated || leadsEscalated) await audit(tx, null, { event: 'job.escalate', targetType: 'scheduler', detail: { ...report, at: now.toISOString() } });
    return report;
  });
}
