import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { grid, household, region, users } from '../../db/schema/index.js';
import { inScope, pathAbove, pathUnder } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

const active = isNull(grid.retiredAt);
const gridColumns = {
  id: grid.id,
  name: grid.name,
  regionId: grid.regionId,
  regionName: region.name,
  leader: sql<{
    id: string;
    displayName: string;
  } | null>`(SELECT json_build_object('id', u.id, 'displayName', u.display_name) FROM app_user u WHERE u.id = "grid"."leader_id")`,
  workers: sql<
    { id: string; displayName: string }[]
  >`coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name) FROM grid_worker w JOIN app_user u ON u.id = w.user_id WHERE w.grid_id = "grid"."id"), '[]')`,
  householdCount: sql<number>`(SELECT count(*) FROM household h WHERE h.grid_id = "grid"."id")::int`,
};

/** Active grids in the actor's scope, optionally below one region, with leader, workers and household count. */
export async function selectGrids(
  tx: Tx,
  actor: Actor,
  regionPath: string | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(
    inScope(actor, grid.regionPath),
    active,
    regionPath ? pathUnder(grid.regionPath, regionPath) : undefined,
  );
  const [items, [total]] = await Promise.all([
    tx
      .select(gridColumns)
      .from(grid)
      .innerJoin(region, eq(region.id, grid.regionId))
      .where(filter)
      .orderBy(asc(region.code), asc(grid.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(grid).where(filter),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One active grid in scope, or undefined. */
export async function selectGridInScope(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ ...gridColumns, regionPath: grid.regionPath })
    .from(grid)
    .innerJoin(region, eq(region.id, grid.regionId))
    .where(and(eq(grid.id, id), active, inScope(actor, grid.regionPath)));
  return row;
}

/** Of these accounts, the active ones whose scope holds the village (so they see its households). */
export async function selectAccountsOver(tx: Tx, villagePath: string, ids: string[]) {
  if (!ids.length) return new Set<string>();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false), pathAbove(users.regionPath, villagePath)));
  return new Set(rows.map((r) => r.id));
}

/** Households of the village matching a condition, with the active grid each is in now (if any). */
export async function selectHouseholdsOfVillage(tx: Tx, villagePath: string, where: SQL) {
  return tx
    .select({ id: household.id, address: household.address, gridId: household.gridId, gridName: grid.name })
    .from(household)
    .leftJoin(grid, eq(grid.id, household.gridId))
    .where(and(pathUnder(household.regionPath, villagePath), where))
    .orderBy(asc(household.address))
    .limit(20_000);
}

/** Villages in scope below a path, with households, unassigned households and their grids. */
export async function selectRoster(tx: Tx, actor: Actor, below: string) {
  const villages = await tx
    .select({
      regionId: region.id,
      name: region.name,
      path: region.path,
      households: sql<number>`(SELECT count(*) FROM household h WHERE ${pathUnder(sql`h.region_path`, region.path)})::int`,
      unassigned: sql<number>`(SELECT count(*) FROM household h WHERE ${pathUnder(sql`h.region_path`, region.path)} AND h.grid_id IS NULL)::int`,
    })
    .from(region)
    .where(and(eq(region.level, 'village'), inScope(actor, region.path), pathUnder(region.path, below)))
    .orderBy(asc(region.code))
    .limit(500);
  const grids = villages.length
    ? await tx
        .select(gridColumns)
        .from(grid)
        .innerJoin(region, eq(region.id, grid.regionId))
        .where(
          and(
            active,
            inArray(
              grid.regionId,
              villages.map((v) => v.regionId),
            ),
          ),
        )
        .orderBy(asc(grid.name))
    : [];
  return villages.map(({ path: _p, ...v }) => {
    const own = grids.filter((g) => g.regionId === v.regionId);
    return { ...v, grids: own, gridsWithoutWorkers: own.filter((g) => !g.leader && g.workers.length === 0).length };
  });
}

/** Households of a village in no grid, a page at a time. */
export async function selectUnassigned(tx: Tx, villagePath: string, page: { page: number; pageSize: number }) {
  const filter = and(pathUnder(household.regionPath, villagePath), isNull(household.gridId));
  const [items, [total]] = await Promise.all([
    tx
      .select({ id: household.id, address: household.address, regionName: region.name })
      .from(household)
      .innerJoin(region, eq(region.id, household.regionId))
      .where(filter)
      .orderBy(asc(household.regionPath), asc(household.address), asc(household.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(household).where(filter),
  ]);
  return { items, total: total?.n ?? 0 };
}
