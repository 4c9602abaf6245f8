import { BACK_ENTRY_DAYS, MAX_CLOCK_SKEW_MS, recordedTimeError } from '@fangkong/domain';
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
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { settingsFor } from '../county-settings/index.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath } from '../regions/region-scope.js';
import type { CorrectionBody, ListChecksQuery, RecordCheckBody } from './health-checks.schemas.js';

type CheckRow = typeof healthCheck.$inferSelect;
type TriageRef = { id: string; deadline: Date } | null;
const toCheck = (r: CheckRow, triage: TriageRef = null) => ({
  id: r.id,
  keyPersonId: r.keyPersonId,
  day: r.day,
  slot: r.slot,
  temperature: r.temperature,
  symptoms: r.symptoms,
  measuredBy: r.measuredBy,
  late: r.late,
  correctsId: r.correctsId,
  correctionReason: r.correctionReason,
  recordedAt: r.recordedAt.toISOString(),
  triageTaskId: triage?.id ?? null,
  triageDeadline: triage?.deadline.toISOString() ?? null,
});

async function openTriageIfNeeded(tx: Tx, check: CheckRow, at: Date, deadlineHours: number): Promise<TriageRef> {
  if (!needsTriage(check.temperature, check.symptoms)) return null;
  const id = uuidv7();
  const deadline = new Date(at.getTime() + deadlineHours * 3_600_000);
  await tx.insert(triageTask).values({
    id,
    keyPersonId: check.keyPersonId,
    healthCheckId: check.id,
    regionPath: check.regionPath,
    temperature: check.temperature,
    symptoms: check.symptoms,
    deadline,
  });
  await notifyEvent(tx, {
    type: 'fever',
    regionPath: check.regionPath,
    payload: { triageTaskId: id, keyPersonId: check.keyPersonId },
  });
  return { id, deadline };
}

const triageOf = async (tx: Tx, checkId: string): Promise<TriageRef> =>
  (
    await tx
      .select({ id: triageTask.id, deadline: triageTask.deadline })
      .from(triageTask)
      .where(eq(triageTask.healthCheckId, checkId))
  )[0] ?? null;

type Found = { created: false; check: ReturnType<typeof toCheck> };

/**
 * A posted check as it will be written: taken at the phone's time (an offline write arrives later),
 * never at a time ahead of the server's. Its file and slot are checked by `writeChecks`.
 */
function checkWrite(actor: Actor | null, scopePath: string | null, body: RecordCheckBody, now: Date): CheckWrite {
  const taken = body.recordedAt ? new Date(body.recordedAt) : now;
  if (taken.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
    throw invalid([{ field: 'recordedAt', key: 'healthCheck.future' }]);
  if (recordedTimeError(taken, now) === 'time.tooOld')
    throw invalid([{ field: 'recordedAt', key: 'time.tooOld', params: { days: BACK_ENTRY_DAYS } }]);
  const triage = needsTriage(body.temperature, body.symptoms);
  return {
    actor,
    scopePath,
    check: {
      id: body.id ?? uuidv7(),
      keyPersonId: body.keyPersonId,
      day: body.day,
      slot: body.slot,
      temperature: body.temperature,
      symptoms: body.symptoms,
      measuredBy: body.measuredBy,
      recordedAt: taken < now ? taken : now,
    },
    receivedAt: now,
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
  const [replayed] = await tx
    .select()
    .from(healthCheck)
    .where(and(eq(healthCheck.id, id), scopePath === null ? undefined : pathUnder(healthCheck.regionPath, scopePath)));
  return replayed && { created: false, check: toCheck(replayed, await triageOf(tx, replayed.id)) };
}

/** What a check answers: the written check, the stored one for a replayed id (also one that lost a race), or the refusal. */
async function answer(tx: Tx, write: CheckWrite, outcome: CheckOutcome) {
  if ('row' in outcome) {
    const deadline = outcome.row.triage_deadline as string | Date | null;
    return {
      created: true,
      check: toCheck(
        checkRow(outcome.row),
        write.triageId && deadline ? { id: write.triageId, deadline: new Date(deadline) } : null,
      ),
    };
  }
  if (outcome.refusal === 'replayed' || outcome.refusal === 'slotFilled') {
    const replay = await replayOf(tx, write.check.id, write.scopePath);
    if (replay && outcome.refusal === 'replayed')
      assertSameReplay(
        { keyPersonId: replay.check.keyPersonId, temperature: replay.check.temperature },
        { keyPersonId: write.check.keyPersonId, temperature: write.check.temperature },
      );
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
export async function recordCheck(
  tx: Tx,
  actor: Actor | null,
  scopePath: string | null,
  body: RecordCheckBody,
  now: Date,
) {
  const write = checkWrite(actor, scopePath, body, now);
  const [outcome] = await writeChecks(executeOn(tx), [write]);
  return answer(tx, write, outcome!);
}

/** A health_check row as `tx.execute` returns it (snake_case, numerics already numbers). */
const checkRow = (r: Record<string, unknown>): CheckRow => ({
  id: r.id as string,
  keyPersonId: r.key_person_id as string,
  regionPath: r.region_path as string,
  day: r.day as string,
  slot: r.slot as CheckRow['slot'],
  temperature: Number(r.temperature),
  symptoms: r.symptoms as string[],
  measuredBy: r.measured_by as CheckRow['measuredBy'],
  recordedBy: r.recorded_by as string | null,
  recordedAt: new Date(r.recorded_at as string | Date),
  late: r.late as boolean,
  correctsId: r.corrects_id as string | null,
  correctionReason: r.correction_reason as string | null,
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
    const [found] = await db
      .select()
      .from(healthCheck)
      .where(and(eq(healthCheck.id, id), isNull(healthCheck.correctsId), inScope(actor, healthCheck.regionPath)));
    if (!found) throw notFound();
    const { createdAt: _c, ...first } = found;
    const at = now();
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(healthCheck)
        .values({
          ...first,
          id: uuidv7(),
          temperature: body.temperature,
          symptoms: body.symptoms,
          recordedBy: actor.userId,
          recordedAt: at,
          correctsId: first.id,
          correctionReason: body.reason,
        })
        .returning();
      const policy = await settingsFor(tx, 'policy', first.regionPath);
      const triage = needsTriage(first.temperature, first.symptoms)
        ? null
        : await openTriageIfNeeded(tx, row!, at, policy.triageDeadlineHours);
      await audit(tx, actor, {
        event: 'healthCheck.correct',
        targetType: 'keyPerson',
        targetId: first.keyPersonId,
        regionPath: first.regionPath,
        detail: { checkId: first.id, from: first.temperature, to: body.temperature, reason: body.reason },
      });
      return toCheck(row!, triage);
    });
  }

  async function list(actor: Actor, q: ListChecksQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const filter = and(
      inScope(actor, healthCheck.regionPath),
      q.keyPersonId ? eq(healthCheck.keyPersonId, q.keyPersonId) : undefined,
      q.day ? eq(healthCheck.day, q.day) : undefined,
      below ? pathUnder(healthCheck.regionPath, below) : undefined,
      withinWindow(healthCheck.recordedAt, q.recordedFrom, q.recordedTo),
      q.corrections === 'false' ? isNull(healthCheck.correctsId) : undefined,
    );
    const [rows, [total]] = await Promise.all([
      db
        .select({ check: healthCheck, name: person.name, regionName: region.name })
        .from(healthCheck)
        .innerJoin(keyPerson, eq(keyPerson.id, healthCheck.keyPersonId))
        .innerJoin(person, eq(person.id, keyPerson.personId))
        .innerJoin(region, eq(region.id, keyPerson.regionId))
        .where(filter)
        .orderBy(desc(healthCheck.day), desc(healthCheck.slot), asc(healthCheck.createdAt))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(healthCheck).where(filter),
    ]);
    const triage = new Map(
      (rows.length
        ? await db
            .select({ id: triageTask.id, deadline: triageTask.deadline, checkId: triageTask.healthCheckId })
            .from(triageTask)
            .where(sql`${triageTask.healthCheckId} = ANY(${`{${rows.map((r) => r.check.id).join(',')}}`}::uuid[])`)
        : []
      ).map((t) => [t.checkId, { id: t.id, deadline: t.deadline }]),
    );
    return {
      items: rows.map((r) => ({
        ...toCheck(r.check, triage.get(r.check.id) ?? null),
        name: r.name,
        regionName: r.regionName,
      })),
      total: total?.n ?? 0,
    };
  }

  return { record, correct, list };
}
