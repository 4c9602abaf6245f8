import { EVENTS_CHANNEL, notifyEvent, type LiveEvent } from '../../events/events.js';
import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { needsTriage, slotState } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { checkAlert, healthCheck, keyPerson, managementPolicy, triageTask } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit, auditWhen } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { countyPathOf, policyFor, policyOf } from '../key-persons/key-persons.policy.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath } from '../regions/region-scope.js';
import type { CorrectionBody, ListChecksQuery, RecordCheckBody } from './health-checks.schemas.js';

type CheckRow = typeof healthCheck.$inferSelect;
const toCheck = (r: CheckRow, triageTaskId: string | null = null) => ({
  id: r.id, keyPersonId: r.keyPersonId, day: r.day, slot: r.slot, temperature: r.temperature, symptoms: r.symptoms, measuredBy: r.measuredBy,
  late: r.late, correctsId: r.correctsId, correctionReason: r.correctionReason, recordedAt: r.recordedAt.toISOString(), triageTaskId,
});

async function openTriageIfNeeded(tx: Tx, check: CheckRow, at: Date, deadlineHours: number) {
  if (!needsTriage(check.temperature, check.symptoms)) return null;
  const id = uuidv7();
  await tx.insert(triageTask).values({ id, keyPersonId: check.keyPersonId, healthCheckId: check.id, regionPath: check.regionPath, temperature: check.temperature, symptoms: check.symptoms, deadline: new Date(at.getTime() + deadlineHours * 3_600_000) });
  await notifyEvent(tx, { type: 'fever', regionPath: check.regionPath, payload: { triageTaskId: id, keyPersonId: check.keyPersonId } });
  return id;
}

const triageOf = async (tx: Tx, checkId: string) => (await tx.select({ id: triageTask.id }).from(triageTask).where(eq(triageTask.healthCheckId, checkId)))[0]?.id ?? null;

/**
 * Records one check: the slot must belong to an active measure, have opened, and be empty. Settles
 * the slot's overdue alert and opens a triage task for a fever or a red-flag symptom. `actor` is null
 * for a self check-in. Two round trips: one read (the file in scope, its county's rules, a replay),
 * then one statement that writes the check, the alert, the triage task, the live event and the audit
 * entry together (atomic on its own, so the caller needs no transaction; inside one it is fine too).
 */
export async function recordCheck(tx: Tx, actor: Actor | null, scope: SQL | undefined, body: RecordCheckBody, now: Date) {
  // The phone's time of the check counts (an offline write arrives later), never a time ahead of the server's.
  const taken = body.recordedAt ? new Date(body.recordedAt) : now;
  if (taken.getTime() > now.getTime() + 5 * 60_000) throw invalid([{ field: 'recordedAt', key: 'healthCheck.future' }]);
  const at = taken < now ? taken : now;
  const [found] = await tx
    .select({ kp: keyPerson, policy: managementPolicy, replayed: body.id ? sql<boolean>`EXISTS (SELECT 1 FROM ${healthCheck} r WHERE r.id = ${body.id})` : sql<boolean>`false` })
    .from(keyPerson)
    .leftJoin(managementPolicy, sql`${managementPolicy.regionPath} = subpath(${keyPerson.regionPath}, 0, 1)`)
    .where(and(eq(keyPerson.id, body.keyPersonId), scope));
  if (body.id && (!found || found.replayed)) {
    const [replayed] = await tx.select().from(healthCheck).where(eq(healthCheck.id, body.id));
    if (replayed) return { created: false, check: toCheck(replayed, await triageOf(tx, replayed.id)) };
  }
  const kp = found?.kp;
  if (!kp) throw invalid([{ field: 'keyPersonId', key: 'notFound' }]);
  if (kp.status !== 'active') throw invalid([{ field: 'keyPersonId', key: 'keyPerson.notActive' }]);
  if (body.day < kp.startDate || body.day > kp.plannedEndDate) throw invalid([{ field: 'day', key: 'healthCheck.outsideMeasure' }]);
  const policy = policyOf(countyPathOf(kp.regionPath), found.policy);
  const state = slotState(body.day, body.slot, at, policy.slotWindows);
  if (state === 'future') throw invalid([{ field: 'slot', key: 'healthCheck.future' }]);
  const triageTaskId = needsTriage(body.temperature, body.symptoms) ? uuidv7() : null;
  const insert = tx
    .insert(healthCheck)
    .values({ id: body.id ?? uuidv7(), keyPersonId: kp.id, regionPath: kp.regionPath, day: body.day, slot: body.slot, temperature: body.temperature, symptoms: body.symptoms, measuredBy: body.measuredBy, recordedBy: actor?.userId || null, recordedAt: at, late: state === 'closed' })
    .onConflictDoNothing()
    .returning();
  const entry = { event: 'healthCheck.record', targetType: 'keyPerson', targetId: kp.id, regionPath: kp.regionPath, detail: { day: body.day, slot: body.slot, temperature: body.temperature, measuredBy: body.measuredBy, triage: !!triageTaskId } } as const;
  const triage = triageTaskId
    ? sql`, triage AS (INSERT INTO ${triageTask} (id, key_person_id, health_check_id, region_path, temperature, symptoms, deadline)
        SELECT ${triageTaskId}::uuid, key_person_id, id, region_path, temperature, symptoms, ${new Date(at.getTime() + policy.triageDeadlineHours * 3_600_000).toISOString()}::timestamptz FROM ins)`
    : sql``;
  const event: LiveEvent = { type: 'fever', regionPath: kp.regionPath, payload: { triageTaskId, keyPersonId: kp.id } };
  const { rows } = await tx.execute<Record<string, unknown>>(sql`
    WITH ins AS (${insert.getSQL()}),
    settled AS (UPDATE ${checkAlert} SET resolved_at = ${at.toISOString()}::timestamptz
                 WHERE key_person_id = ${kp.id} AND day = ${body.day}::date AND slot = ${body.slot} AND resolved_at IS NULL AND EXISTS (SELECT 1 FROM ins))
    ${triage},
    logged AS (${auditWhen(actor, entry, sql`EXISTS (SELECT 1 FROM ins)`)})
    SELECT ins.*${triageTaskId ? sql`, pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})` : sql``} FROM ins`);
  if (!rows[0]) throw conflict('slot', 'healthCheck.slotFilled');
  return { created: true, check: toCheck(checkRow(rows[0]), triageTaskId) };
}

/** A health_check row as `tx.execute` returns it (snake_case, numerics already numbers). */
const checkRow = (r: Record<string, unknown>): CheckRow => ({
  id: r.id as string, keyPersonId: r.key_person_id as string, regionPath: r.region_path as string, day: r.day as string, slot: r.slot as CheckRow['slot'],
  temperature: Number(r.temperature), symptoms: r.symptoms as string[], measuredBy: r.measured_by as CheckRow['measuredBy'], recordedBy: r.recorded_by as string | null,
  recordedAt: new Date(r.recorded_at as string | Date), late: r.late as boolean, correctsId: r.corrects_id as string | null, correctionReason: r.correction_reason as string | null,
  createdAt: new Date(r.created_at as string | Date),
});

export function healthChecksService(db: Db, now: () => Date) {
  const record = (actor: Actor, body: RecordCheckBody) => recordCheck(db, actor, inScope(actor, keyPerson.regionPath), body, now());

  /** A correction is a new row pointing at the first check, which stays as it was. */
  async function correct(actor: Actor, id: string, body: CorrectionBody) {
    const [found] = await db.select().from(healthCheck).where(and(eq(healthCheck.id, id), isNull(healthCheck.correctsId), inScope(actor, healthCheck.regionPath)));
    if (!found) throw notFound();
    const { createdAt: _c, ...first } = found;
    const at = now();
    return db.transaction(async (tx) => {
      const [row] = await tx.insert(healthCheck).values({ ...first, id: uuidv7(), temperature: body.temperature, symptoms: body.symptoms, recordedBy: actor.userId, recordedAt: at, correctsId: first.id, correctionReason: body.reason }).returning();
      const policy = await policyFor(tx, first.regionPath);
      const triageTaskId = needsTriage(first.temperature, first.symptoms) ? null : await openTriageIfNeeded(tx, row!, at, policy.triageDeadlineHours);
      await audit(tx, actor, { event: 'healthCheck.correct', targetType: 'keyPerson', targetId: first.keyPersonId, regionPath: first.regionPath, detail: { checkId: first.id, from: first.temperature, to: body.temperature, reason: body.reason } });
      return toCheck(row!, triageTaskId);
    });
  }

  async function list(actor: Actor, q: ListChecksQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const filter = and(
      inScope(actor, healthCheck.regionPath),
      q.keyPersonId ? eq(healthCheck.keyPersonId, q.keyPersonId) : undefined,
      q.day ? eq(healthCheck.day, q.day) : undefined,
      below ? sql`${healthCheck.regionPath} <@ ${below}::ltree` : undefined,
      withinWindow(healthCheck.recordedAt, q.recordedFrom, q.recordedTo),
      q.corrections === 'false' ? isNull(healthCheck.correctsId) : undefined,
    );
    const [items, [total]] = await Promise.all([
      db.select().from(healthCheck).where(filter).orderBy(desc(healthCheck.day), desc(healthCheck.slot), asc(healthCheck.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(healthCheck).where(filter),
    ]);
    const triage = new Map((items.length ? await db.select({ id: triageTask.id, checkId: triageTask.healthCheckId }).from(triageTask).where(sql`${triageTask.healthCheckId} = ANY(${`{${items.map((i) => i.id).join(',')}}`}::uuid[])`) : []).map((t) => [t.checkId, t.id]));
    return { items: items.map((r) => toCheck(r, triage.get(r.id) ?? null)), total: total?.n ?? 0 };
  }

  return { record, correct, list };
}
