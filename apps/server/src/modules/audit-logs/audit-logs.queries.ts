import { and, desc, eq, getTableColumns, gte, ilike, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import type { ListAuditLogsQuery } from './audit-logs.schemas.js';

// Names instead of ids and ltree paths: what a reviewer reads is 淮口街道 and 张三, not 5101…
// and 01a2509b-…. Target ids are text (some events file non-uuid ids), hence the ::text compare.
const REGION_NAME = sql<string | null>`(SELECT r.name FROM region r WHERE r.path = ${auditLog.regionPath})`;
const TARGET_NAME = sql<string | null>`CASE ${auditLog.targetType}
  WHEN 'user' THEN (SELECT u.display_name FROM app_user u WHERE u.id::text = ${auditLog.targetId})
  WHEN 'region' THEN (SELECT r.name FROM region r WHERE r.id::text = ${auditLog.targetId})
  WHEN 'person' THEN (SELECT p.name FROM person p WHERE p.id::text = ${auditLog.targetId})
  WHEN 'keyPerson' THEN (SELECT p.name FROM key_person k JOIN person p ON p.id = k.person_id WHERE k.id::text = ${auditLog.targetId})
  WHEN 'checkpoint' THEN (SELECT c.name FROM checkpoint c WHERE c.id::text = ${auditLog.targetId})
  WHEN 'observationSite' THEN (SELECT o.name FROM observation_site o WHERE o.id::text = ${auditLog.targetId})
  END`;

/** Audit rows about the actor's scope; rows tied to no region (failed logins of unknown names) only for the audit administrator. */
export async function selectAuditLogs(tx: Tx, actor: Actor, q: ListAuditLogsQuery) {
  const scope =
    actor.role === 'auditAdmin'
      ? or(inScope(actor, auditLog.regionPath), sql`${auditLog.regionPath} IS NULL`)
      : inScope(actor, auditLog.regionPath);
  const like = q.q ? `%${q.q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  const filter = and(
    scope,
    like ? or(ilike(auditLog.actorName, like), ilike(auditLog.event, like), ilike(auditLog.targetId, like)) : undefined,
    q.event ? eq(auditLog.event, q.event) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
    q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    tx
      .select({ ...getTableColumns(auditLog), regionName: REGION_NAME, targetName: TARGET_NAME })
      .from(auditLog)
      .where(filter)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(filter),
  ]);
  return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0 };
}
