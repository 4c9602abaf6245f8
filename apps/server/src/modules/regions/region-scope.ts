import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { region } from '../../db/schema/index.js';
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
