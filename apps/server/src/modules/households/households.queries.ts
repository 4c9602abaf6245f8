import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { grid, household, person, region } from '../../db/schema/index.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

const columns = {
  id: household.id,
  regionId: household.regionId,
  regionName: region.name,
  regionPath: household.regionPath,
  gridId: household.gridId,
  gridName: grid.name,
  address: household.address,
  headPersonId: household.headPersonId,
  headName: sql<string | null>`(SELECT p.name FROM person p WHERE p.id = ${household.headPersonId})`,
  phone: household.phone,
  status: household.status,
  memberCount: sql<number>`(SELECT count(*) FROM person p WHERE p.household_id = ${household.id})::int`,
  createdAt: household.createdAt,
};

const toHousehold = <R extends { phone: string | null; createdAt: Date; regionPath: string }>(r: R) => ({
  ...r,
  regionPath: String(r.regionPath),
  phone: r.phone ? maskPhone(r.phone) : null,
  createdAt: r.createdAt.toISOString(),
});

/**
 * Households in the actor's scope, ordered by region and address (the order a walker follows).
 * `total`, when given, is the count already known (from region_tally) and spares a count(*).
 */
export async function selectHouseholds(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  total?: Promise<number>,
) {
  const filter = and(inScope(actor, household.regionPath), where);
  const [items, counted] = await Promise.all([
    tx
      .select(columns)
      .from(household)
      .innerJoin(region, eq(region.id, household.regionId))
      .leftJoin(grid, eq(grid.id, household.gridId))
      .where(filter)
      .orderBy(asc(household.regionPath), asc(household.address), asc(household.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    total ??
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(household)
        .where(filter)
        .then(([r]) => r?.n ?? 0),
  ]);
  return { items: items.map(toHousehold), total: counted };
}

export const householdById = (id: string) => eq(household.id, id);
export const householdBelow = (path: string) => pathUnder(household.regionPath, path);
export const householdInGrid = (gridId: string) => eq(household.gridId, gridId);
export const householdWithStatus = (status: 'resident' | 'away' | 'vacant') => eq(household.status, status);
/** Address, or the name of a member (the head is how people name a household). */
export const householdMatching = (q: string) =>
  or(
    ilike(household.address, `%${q}%`),
    sql`EXISTS (SELECT 1 FROM person p WHERE p.household_id = ${household.id} AND p.name LIKE ${`${q}%`})`,
  );

export async function selectMembers(tx: Tx, householdId: string) {
  const rows = await tx
    .select({
      id: person.id,
      name: person.name,
      idNumber: person.idNumber,
      sex: person.sex,
      birthDate: person.birthDate,
      phone: person.phone,
      vulnerableGroups: person.vulnerableGroups,
    })
    .from(person)
    .where(eq(person.householdId, householdId))
    .orderBy(asc(person.birthDate), asc(person.id));
  return rows.map((r) => ({
    ...r,
    idNumber: r.idNumber ? maskIdNumber(r.idNumber) : null,
    phone: r.phone ? maskPhone(r.phone) : null,
  }));
}

export { selectRegionInScope } from '../regions/region-scope.js';

export async function selectGridInScope(tx: Tx, actor: Actor, gridId: string) {
  const [row] = await tx
    .select({ id: grid.id, regionPath: grid.regionPath })
    .from(grid)
    .where(and(eq(grid.id, gridId), inScope(actor, grid.regionPath)));
  return row;
}
