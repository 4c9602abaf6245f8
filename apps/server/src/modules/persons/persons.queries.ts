import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { initialsPattern } from './name-initials.js';
import { classifyPersonSearch, maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import {
  household,
  lead,
  person,
  personMove,
  region,
  screeningRound,
  users,
  visit,
  visitMember,
} from '../../db/schema/index.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { blindMatch, idTailMatch } from '../../security/personal-data-sql.js';
import type { Actor } from '../../auth/actor.js';

const columns = {
  id: person.id,
  idNumber: person.idNumber,
  name: person.name,
  sex: person.sex,
  birthDate: person.birthDate,
  phone: person.phone,
  householdId: person.householdId,
  householdAddress: household.address,
  regionId: person.regionId,
  regionName: region.name,
  regionPath: person.regionPath,
  registeredRegionCode: person.registeredRegionCode,
  vulnerableGroups: person.vulnerableGroups,
  guardianName: person.guardianName,
  createdAt: person.createdAt,
};

/** Persons in the actor's scope in walking order; `total`, when given, spares a count(*) (see selectHouseholds). */
export async function selectPersons(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  total?: Promise<number>,
) {
  const filter = and(inScope(actor, person.regionPath), where);
  const [rows, counted] = await Promise.all([
    tx
      .select(columns)
      .from(person)
      .innerJoin(region, eq(region.id, person.regionId))
      .leftJoin(household, eq(household.id, person.householdId))
      .where(filter)
      .orderBy(asc(person.regionPath), asc(person.householdId), asc(person.birthDate), asc(person.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    total ??
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(person)
        .where(filter)
        .then(([r]) => r?.n ?? 0),
  ]);
  const items = rows.map(({ regionPath: _p, ...r }) => ({
    ...r,
    idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
    phone: r.phone ? maskPhone(r.phone) : null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total: counted };
}

export const personById = (id: string) => eq(person.id, id);
export const personInHousehold = (id: string) => eq(person.householdId, id);
export const personBelow = (path: string) => pathUnder(person.regionPath, path);
export const personInGroup = (g: string) => sql`${g} = ANY(${person.vulnerableGroups})`;

/** The filter for what was typed in the search box. */
export function personMatching(q: string): SQL {
  const s = classifyPersonSearch(q);
  switch (s.kind) {
    case 'idNumber':
      return blindMatch(person.idNumberBidx, 'idNumber', s.value);
    case 'phone':
      return blindMatch(person.phoneBidx, 'phone', s.value);
    case 'idSuffix':
      return idTailMatch(person, s.value);
    case 'name':
      return sql`${person.name} LIKE ${`${s.value.replace(/[\\%_]/g, '\\$&')}%`}`;
  }
}

export async function selectMoves(tx: Tx, personId: string) {
  const rows = await tx
    .select({
      id: personMove.id,
      fromHouseholdId: personMove.fromHouseholdId,
      fromAddress: sql<string | null>`(SELECT h.address FROM household h WHERE h.id = ${personMove.fromHouseholdId})`,
      toHouseholdId: personMove.toHouseholdId,
      toAddress: sql<string | null>`(SELECT h.address FROM household h WHERE h.id = ${personMove.toHouseholdId})`,
      movedAt: personMove.movedAt,
      movedBy: users.displayName,
      reason: personMove.reason,
    })
    .from(personMove)
    .leftJoin(users, eq(users.id, personMove.movedBy))
    .where(eq(personMove.personId, personId))
    .orderBy(desc(personMove.movedAt));
  return rows.map((r) => ({ ...r, movedAt: r.movedAt.toISOString() }));
}

export async function selectPersonVisits(tx: Tx, personId: string) {
  const rows = await tx
    .select({
      visitId: visit.id,
      roundId: visit.roundId,
      roundName: screeningRound.name,
      visitedAt: visit.visitedAt,
      outcome: visit.outcome,
      present: visitMember.present,
      symptoms: visitMember.symptoms,
      temperature: visitMember.temperature,
      leadId: visitMember.leadId,
    })
    .from(visitMember)
    .innerJoin(visit, eq(visit.id, visitMember.visitId))
    .innerJoin(screeningRound, eq(screeningRound.id, visit.roundId))
    .where(eq(visitMember.personId, personId))
    .orderBy(desc(visit.visitedAt))
    .limit(50);
  return rows.map((r) => ({ ...r, visitedAt: r.visitedAt.toISOString(), temperature: r.temperature ?? null }));
}

export async function selectPersonLeads(tx: Tx, personId: string) {
  const rows = await tx
    .select({
      id: lead.id,
      status: lead.status,
      reasons: sql<
        string[]
      >`coalesce((SELECT array_agg(DISTINCT r) FROM lead_source s, unnest(s.reasons) r WHERE s.lead_id = ${lead.id}), '{}')`,
      createdAt: lead.createdAt,
    })
    .from(lead)
    .where(eq(lead.personId, personId))
    .orderBy(desc(lead.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function selectPersonRaw(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      id: person.id,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      householdId: person.householdId,
      householdAddress: household.address,
      guardianName: person.guardianName,
      regionPath: person.regionPath,
    })
    .from(person)
    .leftJoin(household, eq(household.id, person.householdId))
    .where(and(eq(person.id, id), inScope(actor, person.regionPath)));
  return row ? { ...row, regionPath: String(row.regionPath) } : undefined;
}

/** The person holding an ID number, whatever the scope (the caller decides what to reveal). */
export async function selectByIdNumber(tx: Tx, idNumber: string) {
  const [row] = await tx
    .select({ id: person.id, regionPath: person.regionPath })
    .from(person)
    .where(blindMatch(person.idNumberBidx, 'idNumber', idNumber));
  return row ? { ...row, regionPath: String(row.regionPath) } : undefined;
}

/** What a look-up searches by: a full ID number, its last digits, pinyin initials or the beginning of a name. */
export type PersonLookup = { idNumber: string } | { idTail: string } | { initials: string } | { name: string };

/**
 * The one search of the register by ID number, ID tail, initials or name, in the actor's scope,
 * answering ID numbers and phones masked (callers audit it as a look-up: see person-lookup.ts).
 */
export async function selectPersonLookup(tx: Tx, actor: Actor, by: PersonLookup, limit: number) {
  const match =
    'idNumber' in by
      ? blindMatch(person.idNumberBidx, 'idNumber', by.idNumber.toUpperCase())
      : 'idTail' in by
        ? idTailMatch(person, by.idTail)
        : 'initials' in by
          ? sql`${person.name} ~ ${initialsPattern(by.initials)}`
          : sql`${person.name} LIKE ${`${by.name.replace(/[\\%_]/g, '\\$&')}%`}`;
  const rows = await tx
    .select({
      personId: person.id,
      name: person.name,
      idNumber: person.idNumber,
      phone: person.phone,
      regionName: region.name,
    })
    .from(person)
    .innerJoin(region, eq(region.id, person.regionId))
    .where(and(inScope(actor, person.regionPath), match, sql`${person.idNumber} IS NOT NULL`))
    .orderBy(sql`length(${person.name})`, asc(person.name), asc(person.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, idNumber: maskIdNumber(r.idNumber!), phone: r.phone ? maskPhone(r.phone) : null }));
}

/** The ID numbers of persons picked from a look-up, in the actor's scope (to register them without retyping). */
export async function selectIdNumbersOf(tx: Tx, actor: Actor, ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  const rows = await tx
    .select({ id: person.id, idNumber: person.idNumber })
    .from(person)
    .where(and(inScope(actor, person.regionPath), inArray(person.id, ids)));
  return new Map(rows.filter((r) => r.idNumber).map((r) => [r.id, r.idNumber!]));
}
