import { sql } from 'drizzle-orm';
import type { Slot } from '@fangkong/domain';
import type { Execute } from '../../db/prepared.js';
import { auditRow, insertAuditRows, AUDIT_ROW_TYPES } from '../../audit/audit.js';
import type { Actor } from '../../auth/actor.js';
import { EVENTS_CHANNEL } from '../../events/events.js';
import { pathUnder } from '../../auth/scope.js';
import { settingsInForceSql } from '../county-settings/index.js';

// A check meets its file and is written in one statement, and the checks posted together share it
// (group commit, db/batcher.ts): one round trip per batch after the session's (bench/RESULTS.md).

export interface CheckWrite {
  actor: Actor | null;
  /** The caller's scope; null for a self check-in, whose token already named the file. */
  scopePath: string | null;
  check: {
    id: string;
    keyPersonId: string;
    day: string;
    slot: Slot;
    temperature: number;
    symptoms: string[];
    measuredBy: string;
    recordedAt: Date;
  };
  /** The server's clock when the check arrived: a triage task's deadline runs from here, not from the phone's time. */
  receivedAt: Date;
  /** Set when the check opens a triage task (a fever or a red-flag symptom). */
  triageId: string | null;
  auditDetail: Record<string, unknown>;
}

/** Why a check wrote nothing, in the order they are tested. */
export type CheckRefusal = 'replayed' | 'notFound' | 'notActive' | 'outsideMeasure' | 'future' | 'slotFilled';
export type CheckOutcome = { row: Record<string, unknown> } | { refusal: CheckRefusal };

/**
 * A Shanghai local time ('HH:MM', '24:00' the next midnight) on a date, as an instant: the SQL twin
 * of `shanghaiInstant` in packages/domain, tested against `slotState` in health-checks.test.ts.
 */
const shanghaiInstant = (day: string, hhmm: string) =>
  sql.raw(`((${day} + (${hhmm})::interval) AT TIME ZONE 'Asia/Shanghai')`);

/**
 * Checks each check against its file — in the caller's scope, active, the day inside the measure,
 * the slot opened by the time the check was taken (the county's windows) — and writes those that
 * pass: the check (late when taken after its window; its slot's overdue alert is settled by the
 * health_check_settles_alert trigger, migration 0034), its triage
 * task with a live event, its audit entry. A check whose slot is already filled — or whose id is,
 * or that repeats a slot or an id earlier in the batch — writes nothing.
 */
export async function writeChecks(execute: Execute, writes: CheckWrite[]): Promise<CheckOutcome[]> {
  const input = JSON.stringify(
    writes.map(({ actor, scopePath, check: c, receivedAt, triageId, auditDetail }, i) => ({
      i,
      id: c.id,
      key_person_id: c.keyPersonId,
      scope: scopePath,
      day: c.day,
      slot: c.slot,
      temperature: c.temperature,
      symptoms: c.symptoms,
      measured_by: c.measuredBy,
      recorded_by: actor?.userId || null,
      recorded_at: c.recordedAt.toISOString(),
      received_at: receivedAt.toISOString(),
      triage_id: triageId,
      ...auditRow(actor, { event: 'healthCheck.record', targetType: 'keyPerson', detail: auditDetail }),
    })),
  );
  const rows = await execute(sql`
    WITH x AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS x(i int, id uuid, key_person_id uuid, scope ltree, day date, slot text, temperature numeric(3,1), symptoms text[],
        measured_by text, recorded_by uuid, recorded_at timestamptz, received_at timestamptz, triage_id uuid, ${sql.raw(AUDIT_ROW_TYPES)})),
    -- The files' locks first, in one order, before anything is written: the scheduler takes them
    -- before it marks a slot overdue (jobs/key-person-jobs.ts), so the two never cross.
    locked AS (SELECT count(*) AS n FROM (SELECT 1 FROM key_person k WHERE k.id IN (SELECT key_person_id FROM x) ORDER BY k.id FOR KEY SHARE) l),
    c AS (
      SELECT x.*, kp.region_path,
             CASE WHEN EXISTS (SELECT 1 FROM health_check r WHERE r.id = x.id AND (x.scope IS NULL OR ${pathUnder(sql`r.region_path`, sql`x.scope`)})) THEN 'replayed'
                  WHEN kp.id IS NULL THEN 'notFound'
                  WHEN kp.status <> 'active' THEN 'notActive'
                  WHEN x.day < kp.start_date OR x.day > kp.planned_end_date THEN 'outsideMeasure'
                  WHEN x.recorded_at < ${shanghaiInstant('x.day', "w.win->>'opens'")} THEN 'future' END AS refusal,
             x.recorded_at >= ${shanghaiInstant('x.day', "w.win->>'closes'")} AS late,
             x.received_at + (w.policy->>'triageDeadlineHours')::int * interval '1 hour' AS triage_deadline
        FROM x CROSS JOIN locked
        LEFT JOIN key_person kp ON kp.id = x.key_person_id AND (x.scope IS NULL OR ${pathUnder(sql`kp.region_path`, sql`x.scope`)})
        CROSS JOIN LATERAL (SELECT p.policy, p.policy -> 'slotWindows' -> x.slot AS win FROM (SELECT ${settingsInForceSql('policy', sql`kp.region_path`)} AS policy) p) w),
    ok AS (
      SELECT DISTINCT ON (key_person_id, day, slot) * FROM c
       WHERE refusal IS NULL AND NOT EXISTS (SELECT 1 FROM x y WHERE y.id = c.id AND y.i < c.i)
       ORDER BY key_person_id, day, slot, i),
    ins AS (
      INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, symptoms, measured_by, recorded_by, recorded_at, late)
      SELECT id, key_person_id, region_path, day, slot, temperature, symptoms, measured_by, recorded_by, recorded_at, late FROM ok
      ON CONFLICT DO NOTHING
      RETURNING *),
    w AS (SELECT ok.i, ok.triage_id, ok.triage_deadline, ok.audit_id, ok.audit_event, ok.audit_target_type, ok.actor_id, ok.actor_name, ok.ip, ok.user_agent, ok.detail, ins.* FROM ins JOIN ok USING (id)),
    triage AS (
      INSERT INTO triage_task (id, key_person_id, health_check_id, region_path, temperature, symptoms, deadline)
      SELECT triage_id, key_person_id, id, region_path, temperature, symptoms, triage_deadline FROM w WHERE triage_id IS NOT NULL),
    logged AS (${insertAuditRows('w', { targetId: 'key_person_id', regionPath: 'region_path' })})
    SELECT c.i AS idx, c.refusal, to_jsonb(w) - 'i' AS written,
           CASE WHEN w.triage_id IS NULL THEN NULL ELSE pg_notify(${EVENTS_CHANNEL}, json_build_object('type', 'fever', 'regionPath', w.region_path::text,
             'payload', json_build_object('triageTaskId', w.triage_id, 'keyPersonId', w.key_person_id))::text) END AS notified
      FROM c LEFT JOIN w ON w.i = c.i`);
  const byIndex = new Map(
    (rows as unknown as { idx: number; refusal: CheckRefusal | null; written: Record<string, unknown> | null }[]).map(
      (r) => [r.idx, r],
    ),
  );
  return writes.map((_, i) => {
    const r = byIndex.get(i)!;
    return r.written ? { row: r.written } : { refusal: r.refusal ?? 'slotFilled' };
  });
}
