import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import { loginThrottle } from '../db/schema/index.js';
import { loginNameHash } from '../security/personal-data-crypto.js';

// An account locks for the address its failures came from, never for everyone: a third party
// failing from elsewhere cannot lock its owner out. The address itself is limited over all accounts.
// The name typed is kept as its keyed hash: it may be a phone, an ID number or a mistyped password.
const accountKey = (username: string, ip: string) => `account:${loginNameHash(username)}@${ip}`;
const addressKey = (ip: string) => `address:${ip}`;

export type LoginBlock = { kind: 'account' | 'address'; until: Date } | null;

/** Whether this username from this address, or this address at all, is locked at `now`. */
export async function loginBlock(db: Tx, username: string, ip: string, now: Date): Promise<LoginBlock> {
  const rows = await db
    .select({ key: loginThrottle.key, lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, [accountKey(username, ip), addressKey(ip)]));
  const address = rows.find((r) => r.key === addressKey(ip) && r.lockedUntil && r.lockedUntil > now);
  if (address) return { kind: 'address', until: address.lockedUntil! };
  const account = rows.find((r) => r.key === accountKey(username, ip) && r.lockedUntil && r.lockedUntil > now);
  return account ? { kind: 'account', until: account.lockedUntil! } : null;
}

/** Counts a failure against the account at this address and against the address; answers whether the account is now locked. */
export async function countFailure(db: Tx, config: Config, username: string, ip: string, now: Date): Promise<boolean> {
  const windowMs = config.LOGIN_LOCK_MINUTES * 60_000;
  const lockedUntil = new Date(now.getTime() + windowMs);
  const windowOpen = new Date(now.getTime() - windowMs);
  const bump = async (key: string, max: number) => {
    const [row] = await db
      .insert(loginThrottle)
      .values({ key, failures: 1, windowStartedAt: now, lockedUntil: max <= 1 ? lockedUntil : null })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        // A window older than the lock time starts again from this failure.
        set: {
          failures: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowOpen} THEN 1 ELSE ${loginThrottle.failures} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginThrottle.windowStartedAt} < ${windowOpen} THEN ${now} ELSE ${loginThrottle.windowStartedAt} END`,
          lockedUntil: sql`CASE WHEN (CASE WHEN ${loginThrottle.windowStartedAt} < ${windowOpen} THEN 1 ELSE ${loginThrottle.failures} + 1 END) >= ${max} THEN ${lockedUntil} ELSE ${loginThrottle.lockedUntil} END`,
        },
      })
      .returning({ failures: loginThrottle.failures });
    return (row?.failures ?? 0) >= max;
  };
  await bump(addressKey(ip), config.LOGIN_MAX_FAILURES_PER_ADDRESS);
  return bump(accountKey(username, ip), config.LOGIN_MAX_FAILURES);
}

/** A successful login forgets the account's failures at this address. */
export async function clearAccountFailures(db: Tx, username: string, ip: string) {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, accountKey(username, ip)));
}

/** An administrator's unlock: the account's locks at every address. */
export async function unlockAccount(db: Tx, username: string) {
  await db
    .delete(loginThrottle)
    .where(and(like(loginThrottle.key, `account:${loginNameHash(username).replace(/[%_\\]/g, '\\$&')}@%`)));
}
