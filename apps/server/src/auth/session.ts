import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.js';
import { session, users, region } from '../db/schema/index.js';
import { createBatcher } from '../db/batcher.js';

export const SESSION_COOKIE = 'fk_session';

/** How long sessions live: idle timeout, absolute lifetime, and how many one user may hold. */
export interface SessionLimits {
  idleMinutes: number;
  maxHours: number;
  maxPerUser: number;
}

export const digest = (token: string) => createHash('sha256').update(token).digest('hex');

/** When a session seen at `seen` and opened at `opened` ends: idle timeout or absolute lifetime, the sooner. */
const endOf = (opened: Date, seen: Date, limits: SessionLimits) =>
  new Date(Math.min(seen.getTime() + limits.idleMinutes * 60_000, opened.getTime() + limits.maxHours * 3_600_000));

/**
 * Opens a session and returns the cookie token (only its hash is stored) and the CSRF token. The
 * user's oldest sessions beyond the limit end; their ids are returned for the audit log.
 */
export async function openSession(
  db: Tx,
  userId: string,
  limits: SessionLimits,
  meta: { ip: string; userAgent: string },
  now: Date,
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const id = digest(token);
  await db.insert(session).values({
    id,
    userId,
    csrfToken,
    ip: meta.ip,
    userAgent: meta.userAgent,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: endOf(now, now, limits),
  });
  const keep = db
    .select({ id: session.id })
    .from(session)
    .where(eq(session.userId, userId))
    .orderBy(desc(session.createdAt), desc(session.id))
    .limit(limits.maxPerUser);
  const ended = await db
    .delete(session)
    .where(and(eq(session.userId, userId), notInArray(session.id, keep)))
    .returning({ ip: session.ip, createdAt: session.createdAt });
  return { token, csrfToken, ended };
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
      createdAt: session.createdAt,
      lastSeenAt: session.lastSeenAt,
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      regionId: users.regionId,
      regionPath: users.regionPath,
      regionName: region.name,
      regionLevel: region.level,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      passwordChangedAt: users.passwordChangedAt,
    })
    .from(session)
    .innerJoin(users, eq(users.id, session.userId))
    .innerJoin(region, eq(region.id, users.regionId))
    .where(
      and(
        sql`${session.id} = ANY(${sql.placeholder('ids')}::text[])`,
        sql`${session.expiresAt} > ${sql.placeholder('now')}::timestamptz`,
      ),
    )
    .prepare('select_sessions');
  return async ({ ids, now }: { ids: string[]; now: Date }) => {
    const byId = new Map((await query.execute({ ids, now: now.toISOString() })).map((r) => [r.sessionId, r]));
    return ids.map((id) => byId.get(id));
  };
}
type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionSelect>>>[number];

/**
 * The idle timeout slides, but the last-seen time is written at most every few minutes (a sixth of
 * the idle timeout): a write per request would put a disk flush on every read.
 */
async function liveSession(db: Db, row: SessionRow, limits: SessionLimits, now: Date) {
  if (!row || row.disabled) return undefined;
  const end = endOf(row.createdAt, row.lastSeenAt, limits);
  if (end <= now) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() > Math.min(REFRESH_AFTER_MS, (limits.idleMinutes * 60_000) / 6)) {
    await db
      .update(session)
      .set({ lastSeenAt: now, expiresAt: endOf(row.createdAt, now, limits) })
      .where(eq(session.id, row.sessionId));
  }
  const {
    csrfToken,
    createdAt: _c,
    lastSeenAt: _l,
    disabled: _d,
    sessionId,
    mustChangePassword,
    passwordChangedAt,
    ...user
  } = row;
  return { csrfToken, sessionId, mustChangePassword, passwordChangedAt, user };
}
export type LiveSession = NonNullable<Awaited<ReturnType<typeof liveSession>>>;

/** The live session behind a cookie token, with its user, in one read. */
export async function findSession(db: Db, token: string, limits: SessionLimits, now: Date) {
  const [row] = await sessionSelect(db)({ ids: [digest(token)], now });
  return liveSession(db, row, limits, now);
}

/**
 * `findSession` for the request hook: the sessions of requests that arrive together are read in
 * one query (see db/batcher.ts). Nothing is cached, so a logout or a disabled user takes effect
 * at the next request.
 */
export function sessionFinder(db: Db, limits: SessionLimits, clock: () => Date) {
  const select = sessionSelect(db);
  const reads = createBatcher((ids: string[]) => select({ ids, now: clock() }));
  return async (token: string) => liveSession(db, await reads.add(digest(token)), limits, clock());
}

const REFRESH_AFTER_MS = 5 * 60_000;

export async function closeSession(db: Db, token: string) {
  await db.delete(session).where(eq(session.id, digest(token)));
}

export async function closeSessionsOf(db: Tx, userId: string, except?: string) {
  await db.delete(session).where(and(eq(session.userId, userId), except ? sql`${session.id} <> ${except}` : undefined));
}

export async function closeSessionsById(db: Tx, ids: string[]) {
  if (ids.length) await db.delete(session).where(inArray(session.id, ids));
}

/** Deletes the sessions expired at `at`; returns how many. */
export async function purgeExpiredSessions(db: Db, at: Date = new Date()): Promise<number> {
  const gone = await db.delete(session).where(lt(session.expiresAt, at)).returning({ id: session.id });
  return gone.length;
}
