import { notifyEvent } from '../../events/events.js';
import { createBatcher } from '../../db/batcher.js';
import { executeOn, executePrepared } from '../../db/prepared.js';
import { writeChecks, type CheckOutcome, type CheckWrite } from './health-checks.write.js';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { needsTriage } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { healthCheck, keyPerson, person, region, triageTask } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { policyFor } from '../key-persons/key-persons.policy.js';
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

type Found = { created: false; check: ReturnType<typeof toCheck> };

/**
 * A posted check as it will be written: taken at the phone's time (an offline write arrives later),
 * never at a time ahead of the server's. Its file and slot are checked by `writeChecks`.
 */
function checkWrite(actor: Actor | null, scopePath: string | null, body: RecordCheckBody, now: Date): CheckWrite {
  const taken = body.recordedAt ? new Date(body.recordedAt) : now;
  if (taken.getTime() > now.getTime() + 5 * 60_000) throw invalid([{ field: 'recordedAt', key: 'healthCheck.future' }]);
  const triage = needsTriage(body.temperature, body.symptoms);
  return {
    actor,
    scopePath,
    check: { id: body.id ?? uuidv7(), keyPersonId: body.keyPersonId, day: body.day, slot: body.slot, temperature: body.temperature, symptoms: body.symptoms, measuredBy: body.measuredBy, recordedAt: taken < now ? taken : now },
    triageId: triage ? uuidv7() : null,
    auditDetail: { day: body.day, slot: body.slot, temperature: body.temperature, measuredBy: body.measuredBy, triage },
  };
}

const REFUSED = {
  notFound: { field: 'keyPersonId', key: 'notFound' },
  notActive: { field: 'keyPersonId', key: 'keyPerson.notActive' },
  outsideMeasure: { field: 'day', key: 'healthCheck.outsideMeasure' },
  future: { field: 'slot', key: 'healthCheck.future' },
} as const;

/** The stored check with this id, if the caller may see it (an id is no key to another area's records). */
async function replayOf(tx: Tx, id: string, scopePath: string | null): Promise<Found | undefined> {
  const [replayed] = await tx.select().from(healthCheck).where(and(eq(healthCheck.id, id), scopePath === null ? undefined : sql`${healthCheck.regionPath} <@ ${scopePath}::ltree`));
  return replayed && { created: false, check: toCheck(replayed, await triageOf(tx, replayed.id)) };
}

/** What a check answers: the written check, the stored one for a replayed id (also one that lost a race), or the refusal. */
async function answer(tx: Tx, write: CheckWrite, outcome: CheckOutcome) {
  if ('row' in outcome) return { created: true, check: toCheck(checkRow(outcome.row), write.triageId) };
  if (outcome.refusal === 'replayed' || outcome.refusal === 'slotFilled') {
    const replay = await replayOf(tx, write.check.id, write.scopePath);
    if (replay) return replay;
    throw conflict('slot', 'healthCheck.slotFilled');
  }
  throw invalid([REFUSED[outcome.refusal]]);
}

/**
 * Records one check, settles the slot's overdue alert and opens a triage task for a fever or a
 * red-flag symptom. `actor` is null for a self check-in (`scopePath` null: its token named the file).
 * One statement does it all (atomic on its own; inside a transaction it is fine too).
 */
export async function recordCheck(tx: Tx, actor: Actor | null, scopePath: string | null, body: RecordCheckBody, now: Date) {
  const write = checkWrite(actor, scopePath, body, now);
  const [outcome] = await writeChecks(executeOn(tx), [write]);
  return answer(tx, write, outcome!);
}

/** A health_check row as `tx.execute` returns it (snake_case, numerics already numbers). */
const checkRow = (r: Record<string, unknown>): CheckRow => ({
  id: r.id as string, keyPersonId: r.key_person_id as string, regionPath: r.region_path as string, day: r.day as string, slot: r.slot as CheckRow['slot'],
  temperature: Number(r.temperature), symptoms: r.symptoms as string[], measuredBy: r.measured_by as CheckRow['measuredBy'], recordedBy: r.recorded_by as string | null,
  recordedAt: new Date(r.recorded_at as string | Date), late: r.late as boolean, correctsId: r.corrects_id as string | null, correctionReason: r.correction_reason as string | null,
  createdAt: new Date(r.created_at as string | Date),
});

export function healthChecksService(db: Db, now: () => Date) {
  // Checks posted together share their statement (group commit, db/batcher.ts).
  const writes = createBatcher((items: CheckWrite[]) => writeChecks(executePrepared(db, 'write_checks'), items));
  async function record(actor: Actor, body: RecordCheckBody) {
    const write = checkWrite(actor, actor.scopePath, body, now());
    return answer(db, write, await writes.add(write));
  }

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
    const [rows, [total]] = await Promise.all([
      db.select({ check: healthCheck, name: person.name, regionName: region.name })
        .from(healthCheck)
        .innerJoin(keyPerson, eq(keyPerson.id, healthCheck.keyPersonId))
        .innerJoin(person, eq(person.id, keyPerson.personId))
        .innerJoin(region, eq(region.id, keyPerson.regionId))
        .where(filter).orderBy(desc(healthCheck.day), desc(healthCheck.slot), asc(healthCheck.createdAt)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(healthCheck).where(filter),
    ]);
    const triage = new Map((rows.length ? await db.select({ id: triageTask.id, checkId: triageTask.healthCheckId }).from(triageTask).where(sql`${triageTask.healthCheckId} = ANY(${`{${rows.map((r) => r.check.id).join(',')}}`}::uuid[])`) : []).map((t) => [t.checkId, t.id]));
    return { items: rows.map((r) => ({ ...toCheck(r.check, triage.get(r.check.id) ?? null), name: r.name, regionName: r.regionName })), total: total?.n ?? 0 };
  }

  return { record, correct, list };
}
