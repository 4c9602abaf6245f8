import { and, desc, eq, gte, ilike, lte, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { auditLog } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import type { ListAuditLogsQuery } from './audit-logs.schemas.js';

/** Audit rows about the actor's scope; rows tied to no region (failed logins of unknown names) only for admins. */
export async function selectAuditLogs(tx: Tx, actor: Actor, q: ListAuditLogsQuery) {
  const scope = actor.role === 'admin' ? or(inScope(actor, auditLog.regionPath), sql`${auditLog.regionPath} IS NULL`) : inScope(actor, auditLog.regionPath);
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
    tx.select().from(auditLog).where(filter).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(filter),
  ]);
  return { items: items.map((r) => ({ ...r, at: r.at.toISOString() })), total: total?.n ?? 0 };
}
