import { and, asc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { grid, region } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

/** Grids in the actor's scope, optionally below one region, with leader, workers and household count. */
export async function selectGrids(tx: Tx, actor: Actor, regionPath: string | undefined, page: { page: number; pageSize: number }) {
  const filter = and(inScope(actor, grid.regionPath), regionPath ? sql`${grid.regionPath} <@ ${regionPath}::ltree` : undefined);
  const [items, [total]] = await Promise.all([
    tx
      .select({
        id: grid.id,
        name: grid.name,
        regionId: grid.regionId,
        regionName: region.name,
        leader: sql<{ id: string; displayName: string } | null>`(SELECT json_build_object('id', u.id, 'displayName', u.display_name) FROM app_user u WHERE u.id = "grid"."leader_id")`,
        workers: sql<{ id: string; displayName: string }[]>`coalesce((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name) FROM grid_worker w JOIN app_user u ON u.id = w.user_id WHERE w.grid_id = "grid"."id"), '[]')`,
        householdCount: sql<number>`(SELECT count(*) FROM household h WHERE h.grid_id = "grid"."id")::int`,
      })
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

