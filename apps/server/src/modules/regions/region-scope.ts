import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { region, regionTally } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

/** A region by id when it lies in the actor's scope; undefined otherwise (the caller answers not found). */
export async function selectRegionInScope(tx: Tx, actor: Actor, regionId: string) {
  const [row] = await tx
    .select({ id: region.id, name: region.name, level: region.level, path: region.path })
    .from(region)
    .where(and(eq(region.id, regionId), inScope(actor, region.path)));
  return row;
}

/**
 * For lists filtered by a region: the path to look below (undefined when no region was asked for),
 * or null when the region is outside the actor's scope, which the caller answers with an empty page.
 */
export async function regionFilterPath(tx: Tx, actor: Actor, regionId: string | undefined): Promise<string | undefined | null> {
  if (!regionId) return undefined;
  return (await selectRegionInScope(tx, actor, regionId))?.path ?? null;
}

/**
 * How many households or persons lie in the actor's scope (and below `below`, when given), summed
 * from region_tally: what a list filtered by nothing but a region shows as its total, without
 * counting a county's rows on every page.
 */
export async function tallyInScope(tx: Tx, actor: Actor, below: string | undefined, what: 'households' | 'persons'): Promise<number> {
  const column = what === 'households' ? regionTally.households : regionTally.persons;
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${column}), 0)::int` })
    .from(regionTally)
    .innerJoin(region, eq(region.id, regionTally.regionId))
    .where(and(inScope(actor, region.path), below ? sql`${region.path} <@ ${below}::ltree` : undefined));
  return row?.n ?? 0;
}
