import { and, asc, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { resolveToday } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { riskArea } from '../../db/schema/index.js';
import { relatedToScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

/** Applies on `day`: started, and not yet ended. */
export const activeOn = (day: string) =>
  sql`(${riskArea.startsOn} <= ${day}::date AND (${riskArea.endsOn} IS NULL OR ${riskArea.endsOn} >= ${day}::date))`;

export async function selectRiskAreas(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(relatedToScope(actor, riskArea.regionPath), where);
  const today = resolveToday();
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: riskArea.id,
        name: riskArea.name,
        level: riskArea.level,
        startsOn: riskArea.startsOn,
        endsOn: riskArea.endsOn,
        active: sql<boolean>`${activeOn(today)}`,
        createdAt: riskArea.createdAt,
      })
      .from(riskArea)
      .where(filter)
      .orderBy(desc(activeOn(today)), asc(riskArea.level), asc(riskArea.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(riskArea).where(filter),
  ]);
  return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })), total: total?.n ?? 0 };
}

export const riskAreaById = (id: string) => eq(riskArea.id, id);
export const riskAreaMatching = (q: string) => ilike(riskArea.name, `%${q}%`);

/** Risk areas the actor can cite (their county's), by id, with their date ranges. */
export async function selectRiskAreasByIds(tx: Tx, actor: Actor, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select({ id: riskArea.id, name: riskArea.name, startsOn: riskArea.startsOn, endsOn: riskArea.endsOn })
    .from(riskArea)
    .where(
      and(
        relatedToScope(actor, riskArea.regionPath),
        sql`${riskArea.id} IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})`,
      ),
    );
}
