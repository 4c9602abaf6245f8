import { regionFilterPath, tallyInScope } from '../regions/region-scope.js';
import { lockVersion } from '../../http/edit-version.js';
import { and, eq } from 'drizzle-orm';
import { parseIdNumber, resolveToday } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { household, person, personMove } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { assertSameReplay } from '../../http/replay.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { lockHousehold } from '../households/households.service.js';
import { selectRegionInScope } from '../households/households.queries.js';
import type { CreatePersonBody, ListPersonsQuery, MovePersonBody, UpdatePersonBody } from './persons.schemas.js';
import {
  personBelow,
  personById,
  personInGroup,
  personInHousehold,
  personMatching,
  selectByIdNumber,
  selectMoves,
  selectPersonLeads,
  selectPersonRaw,
  selectPersonVisits,
  selectPersons,
} from './persons.queries.js';

/** Sex and birth date come from the ID number when there is one; otherwise from the form. */
function identity(body: Pick<CreatePersonBody, 'idNumber' | 'sex' | 'birthDate'>) {
  if (body.idNumber) {
    const parsed = parseIdNumber(body.idNumber);
    if (parsed.ok) return { idNumber: parsed.value.idNumber, sex: parsed.value.sex, birthDate: parsed.value.birthDate };
  }
  return { idNumber: null, sex: body.sex ?? null, birthDate: body.birthDate ?? null };
}

function isMinor(birthDate: string, today = resolveToday()) {
  return birthDate > `${Number(today.slice(0, 4)) - 18}${today.slice(4)}`;
}

/** Without an ID number a person is told apart by birth date, and a child by their guardian. */
function checkWithoutIdNumber(body: { birthDate?: string | null; guardianName?: string | null }) {
  if (!body.birthDate) throw invalid([{ field: 'birthDate', key: 'required' }]);
  if (body.birthDate > resolveToday()) throw invalid([{ field: 'birthDate', key: 'invalidDate' }]);
  if (isMinor(body.birthDate) && !body.guardianName)
    throw invalid([{ field: 'guardianName', key: 'person.guardianRequired' }]);
}

export interface CreatedPerson {
  id: string;
  /** False when the id was a replay, or when the ID number linked to an existing record. */
  created: boolean;
}

/**
 * Registers a person inside the caller's transaction; an ID number already on the register links to
 * that record (one record per human). Shared by the persons route and by visits that find new members.
 */
export async function registerPerson(
  tx: Tx,
  actor: Actor,
  body: CreatePersonBody,
  fieldPrefix = '',
): Promise<CreatedPerson> {
  const id = body.id ?? uuidv7();
  if (body.id) {
    const [existing] = await tx
      .select({ id: person.id, path: person.regionPath, name: person.name, idNumber: person.idNumber })
      .from(person)
      .where(eq(person.id, body.id));
    if (existing) {
      if (!(await selectPersonRaw(tx, actor, body.id))) throw notFound();
      assertSameReplay(
        { name: existing.name, idNumber: existing.idNumber },
        { name: body.name, idNumber: identity(body).idNumber ?? undefined },
      );
      return { id: body.id, created: false };
    }
  }
  const who = identity(body);
  if (who.idNumber) {
    const holder = await selectByIdNumber(tx, who.idNumber);
    if (holder) {
      if (!(await selectPersonRaw(tx, actor, holder.id)))
        throw conflict(`${fieldPrefix}idNumber`, 'person.existsElsewhere');
      return { id: holder.id, created: false };
    }
  } else {
    try {
      checkWithoutIdNumber({ birthDate: who.birthDate, guardianName: body.guardianName });
    } catch (e) {
      if (e instanceof Error && 'fields' in e)
        for (const f of (e as { fields: { field: string }[] }).fields) f.field = fieldPrefix + f.field;
      throw e;
    }
  }
  let place: { regionId: string; regionPath: string; householdId: string | null };
  if (body.householdId) {
    const h = await lockHousehold(tx, actor, body.householdId);
    if (!h) throw invalid([{ field: `${fieldPrefix}householdId`, key: 'notFound' }]);
    place = { regionId: h.regionId, regionPath: h.regionPath, householdId: h.id };
  } else {
    const r = body.regionId ? await selectRegionInScope(tx, actor, body.regionId) : undefined;
    if (!r) throw invalid([{ field: `${fieldPrefix}regionId`, key: body.regionId ? 'notFound' : 'required' }]);
    place = { regionId: r.id, regionPath: r.path, householdId: null };
  }
  const inserted = await tx
    .insert(person)
    .values({
      id,
      ...who,
      name: body.name,
      phone: body.phone ?? null,
      ...place,
      registeredRegionCode: body.registeredRegionCode ?? null,
      vulnerableGroups: body.vulnerableGroups ?? [],
      guardianName: body.guardianName ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: person.id });
  if (!inserted.length) {
    // Someone registered the same ID number between our check and the insert: link to theirs.
    const holder = who.idNumber ? await selectByIdNumber(tx, who.idNumber) : undefined;
    if (holder && (await selectPersonRaw(tx, actor, holder.id))) return { id: holder.id, created: false };
    throw conflict(`${fieldPrefix}idNumber`, 'person.existsElsewhere');
  }
  await audit(tx, actor, {
    event: 'person.create',
    targetType: 'person',
    targetId: id,
    regionPath: place.regionPath,
    detail: { householdId: place.householdId, withIdNumber: !!who.idNumber },
  });
  return { id, created: true };
}

export function personsService(db: Db, now: () => Date) {
  async function list(actor: Actor, q: ListPersonsQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const where = and(
      below ? personBelow(below) : undefined,
      q.householdId ? personInHousehold(q.householdId) : undefined,
      q.vulnerableGroup ? personInGroup(q.vulnerableGroup) : undefined,
      q.q ? personMatching(q.q) : undefined,
    );
    const regionOnly = !q.householdId && !q.vulnerableGroup && !q.q;
    return selectPersons(db, actor, where, q, regionOnly ? tallyInScope(db, actor, below, 'persons') : undefined);
  }

  async function getOne(actor: Actor, id: string, tx: Tx = db) {
    const found = (await selectPersons(tx, actor, personById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }

  async function get(actor: Actor, id: string) {
    const found = await getOne(actor, id);
    const [moves, visits, leads] = await Promise.all([
      selectMoves(db, id),
      selectPersonVisits(db, id),
      selectPersonLeads(db, id),
    ]);
    return { ...found, moves, visits, leads };
  }

  /** The unmasked ID number, phone and address; every reading is in the audit log. */
  async function full(actor: Actor, id: string) {
    return db.transaction(async (tx) => {
      const row = await selectPersonRaw(tx, actor, id);
      if (!row) throw notFound();
      await audit(tx, actor, {
        event: 'person.view',
        targetType: 'person',
        targetId: id,
        regionPath: row.regionPath,
        detail: { fields: ['idNumber', 'phone', 'address'] },
      });
      const { regionPath: _p, householdId: _h, ...data } = row;
      return data;
    });
  }

  async function create(actor: Actor, body: CreatePersonBody) {
    const result = await db.transaction((tx) => registerPerson(tx, actor, body));
    return { ...result, person: await getOne(actor, result.id) };
  }

  /** `expectedVersion`: the edit version the change was made on (If-Match); another's change since is 412. */
  async function update(actor: Actor, id: string, body: UpdatePersonBody, expectedVersion?: number) {
    await db.transaction(async (tx) => {
      const current = await selectPersonRaw(tx, actor, id);
      if (!current) throw notFound();
      await lockVersion(tx, person, id, expectedVersion);
      const changes: Partial<typeof person.$inferInsert> = { ...body, updatedAt: now() };
      delete (changes as { idNumber?: unknown }).idNumber;
      if (body.idNumber) {
        const holder = await selectByIdNumber(tx, body.idNumber);
        if (holder && holder.id !== id)
          throw conflict(
            'idNumber',
            (await selectPersonRaw(tx, actor, holder.id)) ? 'conflict' : 'person.existsElsewhere',
          );
        Object.assign(changes, identity(body));
      } else if (
        body.idNumber === null ||
        (!current.idNumber && (body.birthDate !== undefined || body.guardianName !== undefined))
      ) {
        const [now] = await tx
          .select({ birthDate: person.birthDate, guardianName: person.guardianName })
          .from(person)
          .where(eq(person.id, id));
        checkWithoutIdNumber({
          birthDate: body.birthDate !== undefined ? body.birthDate : now?.birthDate,
          guardianName: body.guardianName !== undefined ? body.guardianName : now?.guardianName,
        });
        if (body.idNumber === null) changes.idNumber = null;
      } else if (current.idNumber) {
        // The ID number decides sex and birth date; the form cannot contradict it.
        delete changes.sex;
        delete changes.birthDate;
      }
      await tx
        .update(person)
        .set(changes)
        .where(and(eq(person.id, id), inScope(actor, person.regionPath)));
      await audit(tx, actor, {
        event: 'person.update',
        targetType: 'person',
        targetId: id,
        regionPath: current.regionPath,
        detail: { fields: Object.keys(body) },
      });
    });
    return get(actor, id);
  }

  /** Moves a person to another household in scope, keeping the move in the person's history; If-Match as for `update`. */
  async function move(actor: Actor, id: string, body: MovePersonBody, expectedVersion?: number) {
    await db.transaction(async (tx) => {
      const current = await selectPersonRaw(tx, actor, id);
      if (!current) throw notFound();
      await lockVersion(tx, person, id, expectedVersion);
      const target = await lockHousehold(tx, actor, body.householdId);
      if (!target) throw invalid([{ field: 'householdId', key: 'notFound' }]);
      // Already there: nothing to record, so that a replayed move changes nothing.
      if (current.householdId === target.id) return;
      await tx
        .update(person)
        .set({
          householdId: target.id,
          regionId: target.regionId,
          regionPath: target.regionPath,
          updatedAt: now(),
        })
        .where(eq(person.id, id));
      if (current.householdId)
        await tx
          .update(household)
          .set({ headPersonId: null, updatedAt: now() })
          .where(and(eq(household.id, current.householdId), eq(household.headPersonId, id)));
      await tx.insert(personMove).values({
        id: uuidv7(),
        personId: id,
        fromHouseholdId: current.householdId,
        toHouseholdId: target.id,
        regionPath: target.regionPath,
        movedBy: actor.userId || null,
        reason: body.reason ?? null,
        effectiveOn: body.effectiveOn ?? null,
      });
      await audit(tx, actor, {
        event: 'person.move',
        targetType: 'person',
        targetId: id,
        regionPath: target.regionPath,
        detail: { from: current.householdId, to: target.id },
      });
    });
    return get(actor, id);
  }

  return { list, get, full, create, update, move };
}
