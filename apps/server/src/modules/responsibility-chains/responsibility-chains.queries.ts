import { and, asc, eq, sql } from 'drizzle-orm';
import type { ChainDuty } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { chainMember, region } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathAbove, inScopeBelow, pathAboveAny } from '../../auth/scope.js';

const columns = {
  id: chainMember.id,
  regionId: chainMember.regionId,
  regionName: region.name,
  regionPath: chainMember.regionPath,
  duty: chainMember.duty,
  name: chainMember.name,
  phone: chainMember.phone,
  userId: chainMember.userId,
  note: chainMember.note,
};
export type ChainMemberRow = {
  id: string;
  regionId: string;
  regionName: string;
  regionPath: string;
  duty: ChainDuty;
  name: string;
  phone: string | null;
  userId: string | null;
  note: string | null;
};

/** The chain members of `path` and every region above it that lies in the actor's scope, nearest first. */
export function selectChainUp(db: Db | Tx, actor: Actor, path: string): Promise<ChainMemberRow[]> {
  return db
    .select(columns)
    .from(chainMember)
    .innerJoin(region, eq(region.id, chainMember.regionId))
    .where(and(pathAbove(chainMember.regionPath, path), inScope(actor, chainMember.regionPath)))
    .orderBy(sql`nlevel(${chainMember.regionPath}) DESC`, asc(chainMember.duty), asc(chainMember.createdAt));
}

/**
 * The chain members above any of `paths` (whatever the actor's scope: the person an escalation goes
 * to may be the township's leader above a village cadre), for routing escalations.
 */
export function selectChainsAbove(db: Db, paths: string[]): Promise<ChainMemberRow[]> {
  if (!paths.length) return Promise.resolve([]);
  return db
    .select(columns)
    .from(chainMember)
    .innerJoin(region, eq(region.id, chainMember.regionId))
    .where(pathAboveAny(chainMember.regionPath, paths))
    .orderBy(asc(chainMember.createdAt));
}

type EscalationRow = {
  kind: 'overdueCheck' | 'overdueLead' | 'fever';
  id: string;
  key_person_id: string | null;
  name: string;
  region_id: string;
  region_name: string;
  region_path: string;
  since: Date | string;
  day: string | null;
  slot: 'am' | 'pm' | null;
  level: 'gridWorker' | 'doctor' | 'township' | null;
};

/** Open escalations in scope (below `below` when given): missed checks past the grid worker, overdue leads, unanswered fevers. */
export async function selectEscalations(
  db: Db,
  actor: Actor,
  below: string | undefined,
  page: { limit: number; offset: number },
) {
  const within = (col: string) => inScopeBelow(actor, sql.raw(col), below);
  const items = sql`
    SELECT 'overdueCheck' AS kind, a.id, a.key_person_id, p.name, a.region_path, a.overdue_at AS since, a.day::text AS day, a.slot, a.level
      FROM check_alert a JOIN key_person kp ON kp.id = a.key_person_id JOIN person p ON p.id = kp.person_id
      WHERE a.resolved_at IS NULL AND a.level <> 'gridWorker' AND ${within('a.region_path')}
    UNION ALL
    SELECT 'overdueLead', l.id, NULL, l.name, l.region_path, l.deadline, NULL, NULL, NULL
      FROM lead l WHERE l.status = 'open' AND l.escalated_at IS NOT NULL AND ${within('l.region_path')}
    UNION ALL
    SELECT 'fever', t.id, t.key_person_id, p.name, t.region_path, t.deadline, NULL, NULL, NULL
      FROM triage_task t JOIN key_person kp ON kp.id = t.key_person_id JOIN person p ON p.id = kp.person_id
      WHERE t.status = 'open' AND t.escalated_at IS NOT NULL AND ${within('t.region_path')}`;
  const [rows, [count]] = await Promise.all([
    db
      .execute<EscalationRow>(sql`
      SELECT e.kind, e.id, e.key_person_id, e.name, r.id AS region_id, r.name AS region_name, e.region_path::text AS region_path, e.since, e.day, e.slot, e.level
      FROM (${items}) e JOIN region r ON r.path = e.region_path
      ORDER BY e.since, e.id LIMIT ${page.limit} OFFSET ${page.offset}`)
      .then((r) => r.rows),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${items}) e`).then((r) => r.rows),
  ]);
  return { rows, total: count?.n ?? 0 };
}
