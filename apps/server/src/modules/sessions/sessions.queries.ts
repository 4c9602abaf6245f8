import { and, desc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { region, session, users } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import type { ListSessionsQuery } from './sessions.schemas.js';

const live = (now: Date) => gt(session.expiresAt, now);

/** Live sessions of users in the actor's scope, most recently active first. */
export async function selectSessions(tx: Tx, actor: Actor, q: ListSessionsQuery, now: Date) {
  const like = q.q ? `%${q.q.replace(/[%_\\]/g, '\\$&')}%` : undefined;
  const filter = and(
    live(now),
    inScope(actor, users.regionPath),
    like ? or(ilike(users.username, like), ilike(users.displayName, like), ilike(session.ip, like)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    tx
      .select({
        id: session.id,
        userId: users.id,
        username: users.username,
        displayName: users.displayName,
        role: users.role,
        regionName: region.name,
        ip: session.ip,
        userAgent: session.userAgent,
        createdAt: session.createdAt,
        lastSeenAt: session.lastSeenAt,
      })
      .from(session)
      .innerJoin(users, eq(users.id, session.userId))
      .innerJoin(region, eq(region.id, users.regionId))
      .where(filter)
      .orderBy(desc(session.lastSeenAt), desc(session.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    tx
      .select({ n: sql<number>`count(*)::int` })
      .from(session)
      .innerJoin(users, eq(users.id, session.userId))
      .where(filter),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** One live session in the actor's scope, with its user. */
export async function selectSessionInScope(tx: Tx, actor: Actor, id: string, now: Date) {
  const [row] = await tx
    .select({
      id: session.id,
      userId: users.id,
      username: users.username,
      regionPath: users.regionPath,
      ip: session.ip,
    })
    .from(session)
    .innerJoin(users, eq(users.id, session.userId))
    .where(and(eq(session.id, id), live(now), inScope(actor, users.regionPath)));
  return row;
}
