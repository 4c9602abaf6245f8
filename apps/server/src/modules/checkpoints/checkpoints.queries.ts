import { and, asc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { checkpoint, region } from '../../db/schema/index.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import type { CheckpointDto } from './checkpoints.schemas.js';

/** The duty day that is running now: shifts change at 08:00 Asia/Shanghai. */
export const currentDutyDay = sql`((now() AT TIME ZONE 'Asia/Shanghai') - interval '8 hours')::date`;

const columns = {
  id: checkpoint.id,
  regionId: checkpoint.regionId,
  regionName: region.name,
  regionPath: checkpoint.regionPath,
  name: checkpoint.name,
  kind: checkpoint.kind,
  location: checkpoint.location,
  status: checkpoint.status,
  closedAt: checkpoint.closedAt,
  facilities: checkpoint.facilities,
  onDuty: sql<
    { name: string; role: string }[]
  >`coalesce((SELECT jsonb_agg(jsonb_build_object('name', m->>'name', 'role', m->>'role')) FROM duty_shift s, jsonb_array_elements(s.members) m WHERE s.checkpoint_id = "checkpoint"."id" AND s.day = ${currentDutyDay}), '[]'::jsonb)`,
  createdAt: checkpoint.createdAt,
};

export async function selectCheckpoints(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(inScope(actor, checkpoint.regionPath), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select(columns)
      .from(checkpoint)
      .innerJoin(region, eq(region.id, checkpoint.regionId))
      .where(filter)
      .orderBy(asc(checkpoint.regionPath), asc(checkpoint.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(checkpoint).where(filter),
  ]);
  const items: CheckpointDto[] = rows.map((r) => ({
    ...r,
    facilities: r.facilities as never,
    closedAt: r.closedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}

export const checkpointById = (id: string) => eq(checkpoint.id, id);
export const checkpointBelow = (path: string) => pathUnder(checkpoint.regionPath, path);
export const checkpointWithStatus = (status: 'open' | 'closed') => eq(checkpoint.status, status);
export const checkpointMatching = (q: string) => ilike(checkpoint.name, `%${q}%`);

export { selectRegionInScope } from '../regions/region-scope.js';

/** The checkpoint's id, path and status when it is in scope (for writes below it). */
export async function selectCheckpointRef(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      id: checkpoint.id,
      regionId: checkpoint.regionId,
      regionPath: checkpoint.regionPath,
      name: checkpoint.name,
      status: checkpoint.status,
      closedAt: checkpoint.closedAt,
    })
    .from(checkpoint)
    .where(and(eq(checkpoint.id, id), inScope(actor, checkpoint.regionPath)));
  return row;
}
