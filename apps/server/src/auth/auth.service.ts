import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { users } from '../db/schema/index.js';
import { audit } from '../audit/audit.js';
import { Problem } from '../http/problem.js';
import { hashPassword, verifyPassword } from './password.js';
import { openSession } from './session.js';

// Verifying against a real hash when the user does not exist keeps the timing the same.
const decoyHash = hashPassword('fangkong-decoy-password');

/** Checks the password, counts failures towards a lockout, and opens a session. */
export function authService(db: Db, config: Config) {
  async function login(username: string, password: string, meta: { ip: string; userAgent: string }) {
    const [user] = await db.select().from(users).where(eq(users.username, username));
    const who = (u: typeof user) => ({ userId: u?.id ?? '', displayName: u?.displayName ?? username, ...meta });
    if (!user) {
      await verifyPassword(await decoyHash, password);
      await audit(db, who(user), { event: 'auth.loginFailed', detail: { username } });
      throw new Problem(401, 'invalidCredentials');
    }
    if (user.lockedUntil && user.lockedUntil > new Date()) throw new Problem(423, 'accountLocked');
    const ok = !user.disabled && (await verifyPassword(user.passwordHash, password));
    if (!ok) {
      await db.transaction(async (tx) => {
        const [after] = await tx
          .update(users)
          .set({
            failedLogins: sql`${users.failedLogins} + 1`,
            lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${config.LOGIN_MAX_FAILURES} THEN now() + make_interval(mins => ${config.LOGIN_LOCK_MINUTES}) ELSE NULL END`,
          })
          .where(eq(users.id, user.id))
          .returning({ failedLogins: users.failedLogins });
        const locked = (after?.failedLogins ?? 0) >= config.LOGIN_MAX_FAILURES;
        await audit(tx, who(user), { event: locked ? 'auth.locked' : 'auth.loginFailed', targetType: 'user', targetId: user.id, detail: { username } });
      });
      throw new Problem(401, 'invalidCredentials');
    }
    return db.transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: new Date() }).where(eq(users.id, user.id));
      await audit(tx, who(user), { event: 'auth.login', targetType: 'user', targetId: user.id, regionPath: user.regionPath });
      return openSession(tx, user.id, config.SESSION_TTL_HOURS, meta);
    });
  }
  return { login };
}
