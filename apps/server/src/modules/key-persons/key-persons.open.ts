import { eq } from 'drizzle-orm';
import { START_DAYS_AHEAD, futureDateError, plannedEndOf, type PolicySettings } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { keyPerson, keyPersonEvent } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import type { CreateKeyPersonBody } from './key-persons.schemas.js';

type Event = typeof keyPersonEvent.$inferInsert;
/** A line of the file's history (建档, 变更措施, 解除…), written beside its audit row. */
export const event = (tx: Tx, actor: Actor, e: Omit<Event, 'id' | 'actorId' | 'actorName'>) =>
  tx.insert(keyPersonEvent).values({ id: uuidv7(), actorId: actor.userId || null, actorName: actor.displayName, ...e });

/**
 * Opens a key-person file inside the caller's transaction (also used when a lead is verified).
 * Returns the file's id, and whether it was created (false: replay of the same client id).
 */
export async function openKeyPerson(
  tx: Tx,
  actor: Actor,
  policy: PolicySettings,
  input: CreateKeyPersonBody & { regionId: string; regionPath: string; leadId?: string | null; at: Date },
) {
  // A measure starts on a day that has come, whoever opens the file (a form, a verified lead, a
  // checkpoint hold): a later arrival's file is opened on the day (START_DAYS_AHEAD).
  const future = futureDateError(input.startDate, input.at, START_DAYS_AHEAD);
  if (future) throw invalid([{ field: 'startDate', key: future, params: { days: START_DAYS_AHEAD } }]);
  const id = input.id ?? uuidv7();
  const [existing] = await tx
    .select({
      personId: keyPerson.personId,
      category: keyPerson.category,
      measure: keyPerson.measure,
      startDate: keyPerson.startDate,
    })
    .from(keyPerson)
    .where(eq(keyPerson.id, id));
  if (existing) {
    assertSameReplay(existing, input);
    return { id, created: false };
  }
  const plannedEndDate = input.plannedEndDate ?? plannedEndOf(input.startDate, policy.measureDays[input.category]);
  if (plannedEndDate < input.startDate) throw invalid([{ field: 'plannedEndDate', key: 'keyPerson.endBeforeStart' }]);
  const inserted = await tx
    .insert(keyPerson)
    .values({
      id,
      personId: input.personId,
      leadId: input.leadId ?? null,
      regionId: input.regionId,
      regionPath: input.regionPath,
      category: input.category,
      source: input.source,
      measure: input.measure,
      startDate: input.startDate,
      plannedEndDate,
      createdBy: actor.userId || null,
      createdAt: input.at,
      updatedAt: input.at,
    })
    .onConflictDoNothing()
    .returning({ id: keyPerson.id });
  if (!inserted.length) throw conflict('personId', 'keyPerson.alreadyOpen');
  await event(tx, actor, {
    keyPersonId: id,
    kind: 'created',
    toValue: `${input.measure} ${input.startDate}..${plannedEndDate}`,
  });
  await audit(tx, actor, {
    event: 'keyPerson.create',
    targetType: 'keyPerson',
    targetId: id,
    regionPath: input.regionPath,
    detail: { category: input.category, measure: input.measure, startDate: input.startDate, plannedEndDate },
  });
  return { id, created: true };
}
