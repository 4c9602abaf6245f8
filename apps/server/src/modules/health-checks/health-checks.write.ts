import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { managementPolicy } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { EVENTS_CHANNEL } from '../../events/events.js';

// Checks are written the way checkpoint entries are (checkpoint-entries.write.ts): the look-up and
// the write of every check posted together are one statement each (db/batcher.ts).

export interface CheckLookup {
  keyPersonId: string;
  checkId: string | null;
  /** The caller's scope; null for a self check-in, whose token already named the file. */
  scopePath: string | null;
}

export interface CheckContext {
  kp: { id: string; status: string; startDate: string; plannedEndDate: string; regionPath: string };
  policy: Pick<typeof managementPolicy.$inferSelect, 'measureDays' | 'requiredOfficers' | 'slotWindows' | 'leadDeadlineHours' | 'triageDeadlineHours'> | null;
  /** A check with the posted id is already stored. */
  replayed: boolean;
}

/** For each look-up: the file in scope, its county's rules and whether the check id is taken. */
export async function selectCheckContexts(tx: Tx, lookups: CheckLookup[]): Promise<(CheckContext | undefined)[]> {
  const input = JSON.stringify(lookups.map((l, i) => ({ i, key_person_id: l.keyPersonId, check_id: l.checkId, scope: l.scopePath })));
  const { rows } = await tx.execute(sql`
    SELECT x.i,
           json_build_object('id', kp.id, 'status', kp.status, 'startDate', kp.start_date, 'plannedEndDate', kp.planned_end_date, 'regionPath', kp.region_path::text) AS kp,
           CASE WHEN mp.region_path IS NULL THEN NULL ELSE json_build_object('measureDays', mp.measure_days, 'requiredOfficers', mp.required_officers, 'slotWindows', mp.slot_windows,
             'leadDeadlineHours', mp.lead_deadline_hours, 'triageDeadlineHours', mp.triage_deadline_hours) END AS policy,
           EXISTS (SELECT 1 FROM health_check r WHERE r.id = x.check_id) AS replayed
      FROM jsonb_to_recordset(${input}::jsonb) AS x(i int, key_person_id uuid, check_id uuid, scope ltree)
      JOIN key_person kp ON kp.id = x.key_person_id AND (x.scope IS NULL OR kp.region_path <@ x.scope)
      LEFT JOIN management_policy mp ON mp.region_path = subpath(kp.region_path, 0, 1)`);
  const found = new Map((rows as unknown as (CheckContext & { i: number })[]).map(({ i, ...c }) => [i, c]));
  return lookups.map((_, i) => found.get(i));
}

export interface CheckWrite {
  actor: Actor | null;
  check: { id: string; keyPersonId: string; regionPath: string; day: string; slot: string; temperature: number; symptoms: string[]; measuredBy: string; recordedAt: Date; late: boolean };
  /** Set when the check opens a triage task (a fever or a red-flag symptom). */
  triage: { id: string; deadline: Date } | null;
  auditDetail: Record<string, unknown>;
}

/**
 * Inserts the checks, settles their slots' overdue alerts, opens their triage tasks (with a live
 * event each) and writes their audit entries, in one statement. A check whose slot is already
 * filled — or whose id is, or that repeats a slot earlier in the batch — writes nothing and gets
 * no row back.
 */
export async function insertChecks(tx: Tx, writes: CheckWrite[]): Promise<(Record<string, unknown> | undefined)[]> {
  const input = JSON.stringify(writes.map(({ actor, check: c, triage, auditDetail }, i) => ({
    i, id: c.id, key_person_id: c.keyPersonId, region_path: c.regionPath, day: c.day, slot: c.slot, temperature: c.temperature, symptoms: c.symptoms,
    measured_by: c.measuredBy, recorded_by: actor?.userId || null, recorded_at: c.recordedAt.toISOString(), late: c.late,
    triage_id: triage?.id ?? null, triage_deadline: triage?.deadline.toISOString() ?? null,
    audit_id: uuidv7(), actor_name: actor?.displayName ?? null, ip: actor?.ip || null, user_agent: actor?.userAgent || null,
    detail: auditDetail, event: triage ? JSON.stringify({ type: 'fever', regionPath: c.regionPath, payload: { triageTaskId: triage.id, keyPersonId: c.keyPersonId } }) : null,
  })));
  const { rows } = await tx.execute(sql`
    WITH x AS (
      SELECT DISTINCT ON (key_person_id, day, slot) * FROM jsonb_to_recordset(${input}::jsonb) AS x(i int, id uuid, key_person_id uuid, region_path ltree, day date, slot text,
        temperature numeric(3,1), symptoms text[], measured_by text, recorded_by uuid, recorded_at timestamptz, late boolean, triage_id uuid, triage_deadline timestamptz,
        audit_id uuid, actor_name text, ip text, user_agent text, detail jsonb, event text)
      ORDER BY key_person_id, day, slot, i),
    ins AS (
      INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, symptoms, measured_by, recorded_by, recorded_at, late)
      SELECT id, key_person_id, region_path, day, slot, temperature, symptoms, measured_by, recorded_by, recorded_at, late FROM x
      ON CONFLICT DO NOTHING
      RETURNING *),
    w AS (SELECT x.i, x.triage_id, x.triage_deadline, x.audit_id, x.recorded_by AS actor_id, x.actor_name, x.ip, x.user_agent, x.detail, x.event, ins.* FROM ins JOIN x USING (id)),
    settled AS (
      UPDATE check_alert a SET resolved_at = w.recorded_at FROM w
       WHERE a.key_person_id = w.key_person_id AND a.day = w.day AND a.slot = w.slot AND a.resolved_at IS NULL),
    triage AS (
      INSERT INTO triage_task (id, key_person_id, health_check_id, region_path, temperature, symptoms, deadline)
      SELECT triage_id, key_person_id, id, region_path, temperature, symptoms, triage_deadline FROM w WHERE triage_id IS NOT NULL),
    logged AS (
      INSERT INTO audit_log (id, actor_id, actor_name, event, target_type, target_id, region_path, ip, user_agent, detail)
      SELECT audit_id, actor_id, actor_name, 'healthCheck.record', 'keyPerson', key_person_id, region_path, ip, user_agent, detail FROM w)
    SELECT w.*, CASE WHEN w.event IS NULL THEN NULL ELSE pg_notify(${EVENTS_CHANNEL}, w.event) END AS notified FROM w`);
  const byIndex = new Map((rows as Record<string, unknown>[]).map((r) => [r.i as number, r]));
  return writes.map((_, i) => byIndex.get(i));
}
