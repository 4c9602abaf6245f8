import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import { users } from '../db/schema/index.js';
import { audit } from '../audit/audit.js';
import { Problem, invalid, notFound } from '../http/problem.js';
import type { Actor } from './actor.js';
import { hashPassword, verifyPassword } from './password.js';
import { assertPasswordAllowed, nextHistory, type PasswordPolicyCache } from './password-rules.js';
import { clearAccountFailures, countFailure, loginBlock } from './login-throttle.js';
import { closeSessionsOf, openSession, type SessionLimits } from './session.js';

// Verifying against a real hash when the user does not exist, is locked or disabled keeps the
// answer's time the same in every case, so it tells nothing about the account.
const decoyHash = hashPassword('fangkong-decoy-password');

interface Meta {
  ip: string;
  userAgent: string;
}

/** Logins (counting failures per account and address) and the user's own password changes. */
export function authService(
  db: Db,
  config: Config,
  deps: { limits: SessionLimits; policy: PasswordPolicyCache; clock: () => Date },
) {
  async function login(username: string, password: string, meta: Meta) {
    const now = deps.clock();
    const block = await loginBlock(db, username, meta.ip, now);
    const [user] = await db.select().from(users).where(eq(users.username, username));
    const ok = await verifyPassword(user && !block ? user.passwordHash : await decoyHash, password);
    const who = { userId: user?.id ?? '', displayName: user?.displayName ?? username, ...meta };
    const target = user ? { targetType: 'user', targetId: user.id, regionPath: user.regionPath } : {};

    if (block?.kind === 'address') {
      const minutes = Math.max(1, Math.ceil((block.until.getTime() - now.getTime()) / 60_000));
      await audit(db, who, { event: 'auth.loginFailed', ...target, detail: { username, result: 'addressLocked' } });
      throw new Problem(429, 'loginThrottled', [], { minutes }, { 'retry-after': String(minutes * 60) });
    }
    if (!user || block || user.disabled || !ok) {
      const result = !user ? 'unknownUser' : block ? 'accountLocked' : user.disabled ? 'disabled' : 'wrongPassword';
      await db.transaction(async (tx) => {
        const locked = block ? false : await countFailure(tx, config, username, meta.ip, now);
        if (locked && user)
          await tx
            .update(users)
            .set({ lockedUntil: new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000) })
            .where(eq(users.id, user.id));
        await audit(tx, who, {
          event: locked ? 'auth.locked' : 'auth.loginFailed',
          ...target,
          detail: { username, result },
        });
      });
      // One answer for an unknown, a locked, a disabled account and a wrong password.
      throw new Problem(401, 'invalidCredentials');
    }
    return db.transaction(async (tx) => {
      await clearAccountFailures(tx, username, meta.ip);
      await tx
        .update(users)
        .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now, lastLoginIp: meta.ip })
        .where(eq(users.id, user.id));
      await audit(tx, who, { event: 'auth.login', ...target, detail: { result: 'success' } });
      const opened = await openSession(tx, user.id, deps.limits, meta, now);
      for (const s of opened.ended) {
        await audit(tx, who, {
          event: 'auth.sessionEnded',
          ...target,
          detail: { reason: 'sessionLimit', openedAt: s.createdAt.toISOString(), ip: s.ip },
        });
      }
      const lastLogin = user.lastLoginAt ? { at: user.lastLoginAt.toISOString(), ip: user.lastLoginIp } : null;
      return { token: opened.token, lastLogin };
    });
  }

  /** The user changes their own password: the current one first, then the policy and the history. */
  async function changePassword(actor: Actor, sessionId: string, currentPassword: string, newPassword: string) {
    const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
    if (!user) throw notFound();
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await audit(db, actor, {
        event: 'auth.passwordChange',
        targetType: 'user',
        targetId: user.id,
        regionPath: user.regionPath,
        detail: { result: 'wrongCurrentPassword' },
      });
      throw invalid([{ field: 'currentPassword', key: 'password.wrongCurrent' }]);
    }
    const policy = await deps.policy.get();
    await assertPasswordAllowed(policy, newPassword, user.username, 'newPassword', [
      user.passwordHash,
      ...user.passwordHistory,
    ]);
    const passwordHash = await hashPassword(newPassword);
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          passwordHash,
          passwordHistory: nextHistory(user.passwordHash, user.passwordHistory, policy),
          passwordChangedAt: deps.clock(),
          mustChangePassword: false,
          updatedAt: new Date(),
        })
        .where(eq(users.id, user.id));
      // Whoever else held the old password is signed out; this session stays.
      await closeSessionsOf(tx, user.id, sessionId);
      await audit(tx, actor, {
        event: 'auth.passwordChange',
        targetType: 'user',
        targetId: user.id,
        regionPath: user.regionPath,
        detail: { result: 'success' },
      });
    });
  }
  return { login, changePassword };
}
