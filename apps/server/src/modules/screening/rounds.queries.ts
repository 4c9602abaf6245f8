import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { region, screeningRound } from '../../db/schema/index.js';
import { relatedToScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

/** Rounds over the actor's scope or part of it: a county round concerns every village in it. */
export async function selectRounds(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(relatedToScope(actor, screeningRound.regionPath), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: screeningRound.id,
        regionId: screeningRound.regionId,
        regionName: region.name,
        regionPath: screeningRound.regionPath,
        name: screeningRound.name,
        purpose: screeningRound.purpose,
        startsOn: screeningRound.startsOn,
        deadline: screeningRound.deadline,
        travelSince: screeningRound.travelSince,
        status: screeningRound.status,
        createdAt: screeningRound.createdAt,
      })
      .from(screeningRound)
      .innerJoin(region, eq(region.id, screeningRound.regionId))
      .where(filter)
      .orderBy(desc(screeningRound.startsOn), desc(screeningRound.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(screeningRound).where(filter),
  ]);
  return {
    items: rows.map((r) => ({ ...r, regionPath: String(r.regionPath), createdAt: r.createdAt.toISOString() })),
    total: total?.n ?? 0,
  };
}

export const roundById = (id: string) => eq(screeningRound.id, id);
export const roundWithStatus = (s: 'open' | 'closed') => eq(screeningRound.status, s);
