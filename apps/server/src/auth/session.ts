import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { session, users, region } from '../db/schema/index.js';
import { createBatcher } from '../db/batcher.js';

export const SESSION_COOKIE = 'fk_session';

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session and returns the cookie token (only its hash is stored) and the CSRF token. */
export async function openSession(db: Tx, userId: string, ttlHours: number, meta: { ip: string; userAgent: string }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await db.insert(session).values({
    id: digest(token),
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent,
    expiresAt: new Date(Date.now() + ttlHours * 3_600_000),
  });
  return { token, csrfToken };
}

/**
 * The live sessions with these ids (hashes), each with its user, in one read. Every request makes
 * it, so it is a prepared statement: built once, parsed once per connection.
 */
function sessionSelect(db: Db) {
  const query = db
    .select({
      sessionId: session.id,
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      regionId: users.regionId,
      regionPath: users.regionPath,
      regionName: region.name,
      regionLevel: region.level,
      disabled: users.disabled,
    })
    .from(session)
    .innerJoin(users, eq(users.id, session.userId))
    .innerJoin(region, eq(region.id, users.regionId))
    .where(and(sql`${session.id} = ANY(${sql.placeholder('ids')}::text[])`, gt(session.expiresAt, sql`now()`)))
    .prepare('select_sessions');
  return async (ids: string[]) => {
    const byId = new Map((await query.execute({ ids })).map((r) => [r.sessionId, r]));
    return ids.map((id) => byId.get(id));
  };
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionSelect>>>[number];

/**
 * The expiry slides, but is written at most every few minutes: a write per request would put a
 * disk flush on every read.
 */
async function liveSession(db: Db, row: SessionRow, ttlHours: number) {
  if (!row || row.disabled) return undefined;
  const fresh = Date.now() + ttlHours * 3_600_000;
  if (fresh - row.expiresAt.getTime() > REFRESH_AFTER_MS) {
    await db.update(session).set({ expiresAt: new Date(fresh) }).where(eq(session.id, row.sessionId));
  }
  const { csrfToken, expiresAt: _e, disabled: _d, sessionId: _s, ...user } = row;
  return { csrfToken, user };
}

/** The live session behind a cookie token, with its user, in one read. */
export async function findSession(db: Db, token: string, ttlHours: number) {
  const [row] = await sessionSelect(db)([digest(token)]);
  return liveSession(db, row, ttlHours);
}

/**
 * `findSession` for the request hook: the sessions of requests that arrive together are read in
 * one query (see db/batcher.ts). Nothing is cached, so a logout or a disabled user takes effect
 * at the next request.
 */
export function sessionFinder(db: Db, ttlHours: number) {
  const reads = createBatcher(sessionSelect(db));
  return async (token: string) => liveSession(db, await reads.add(digest(token)), ttlHours);
}

const REFRESH_AFTER_MS = 5 * 60_000;

export async function closeSession(db: Db, token: string) {
  await db.delete(session).where(eq(session.id, digest(token)));
}

export async function closeSessionsOf(db: Tx, userId: string) {
  await db.delete(session).where(eq(session.userId, userId));
}

export async function purgeExpiredSessions(db: Db) {
  await db.delete(session).where(lt(session.expiresAt, sql`now()`));
}
