import { and } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { notFound } from '../../http/problem.js';
import type { ListRegionsQuery } from './regions.schemas.js';
import { byId, byLevel, byParent, byPath, byText, selectAncestors, selectRegions } from './regions.queries.js';

export function regionsService(db: Db) {
  /** Children of a region, matches of a search, or (with neither) the actor's scope root. */
  async function list(actor: Actor, query: ListRegionsQuery) {
    const where = query.parentId ? byParent(query.parentId) : query.q ? byText(query.q) : byPath(actor.scopePath);
    return selectRegions(db, actor, and(where, query.level ? byLevel(query.level) : undefined), query);
  }

  async function get(actor: Actor, id: string) {
    const { items } = await selectRegions(db, actor, byId(id), { page: 1, pageSize: 1 });
    const found = items[0];
    if (!found) throw notFound();
    return { ...found, ancestors: await selectAncestors(db, found.path) };
  }

  return { list, get };
}
