import { and, eq } from 'drizzle-orm';
import { isAdministrator } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { hashPassword } from '../../auth/password.js';
import { assertPasswordAllowed, type PasswordPolicyCache } from '../../auth/password-rules.js';
import { unlockAccount } from '../../auth/login-throttle.js';
import { closeSessionsOf } from '../../auth/session.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { Problem, conflict, invalid, notFound } from '../../http/problem.js';
import type { AssignRoleBody, CreateUserBody, ListUsersQuery, UpdateUserBody } from './users.schemas.js';
import { selectRegionInScope, selectUsers, userById, userMatching, userWithRole } from './users.queries.js';

export function usersService(db: Db, policy: PasswordPolicyCache, now: () => Date) {
  const list = (actor: Actor, q: ListUsersQuery) =>
    selectUsers(db, actor, and(q.q ? userMatching(q.q) : undefined, q.role ? userWithRole(q.role) : undefined), q);

  async function get(actor: Actor, id: string) {
    const found = (await selectUsers(db, actor, userById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }

  async function regionFor(actor: Actor, regionId: string) {
    const r = await selectRegionInScope(db, actor, regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    return r;
  }

  async function create(actor: Actor, body: CreateUserBody) {
    // 三员分立: the system administrator opens accounts with business roles; administrators are made by the security administrator.
    if (isAdministrator(body.role)) throw invalid([{ field: 'role', key: 'role.administrator' }]);
    await assertPasswordAllowed(await policy.get(), body.password, body.username, 'password');
    const r = await regionFor(actor, body.regionId);
    const id = uuidv7();
    const passwordHash = await hashPassword(body.password);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(users)
        .values({
          id,
          username: body.username,
          displayName: body.displayName,
          passwordHash,
          mustChangePassword: true,
          role: body.role,
          regionId: r.id,
          regionPath: r.path,
          phone: body.phone ?? null,
        })
        .onConflictDoNothing({ target: users.username })
        .returning({ id: users.id });
      if (!inserted.length) throw conflict('username', 'username.taken');
      await audit(tx, actor, {
        event: 'user.create',
        targetType: 'user',
        targetId: id,
        regionPath: r.path,
        detail: { username: body.username, role: body.role },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, body: UpdateUserBody) {
    const user = await get(actor, id);
    if (id === actor.userId && body.disabled)
      throw new Problem(422, 'validation', [{ field: 'disabled', key: 'user.notSelf' }]);
    if (body.password) await assertPasswordAllowed(await policy.get(), body.password, user.username, 'password');
    const r = body.regionId ? await regionFor(actor, body.regionId) : undefined;
    const { password, regionId: _r, ...rest } = body;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          ...rest,
          ...(r ? { regionId: r.id, regionPath: r.path } : {}),
          // A password set by someone else is known to them: the user must replace it at the next login.
          ...(password
            ? {
                passwordHash: await hashPassword(password),
                mustChangePassword: true,
                failedLogins: 0,
                lockedUntil: null,
              }
            : {}),
          ...(body.disabled === false ? { failedLogins: 0, lockedUntil: null } : {}),
          updatedAt: now(),
        })
        .where(and(eq(users.id, id), inScope(actor, users.regionPath)));
      if (password || body.disabled === false) await unlockAccount(tx, user.username);
      if (password || body.disabled || r) await closeSessionsOf(tx, id);
      await audit(tx, actor, {
        event: 'user.update',
        targetType: 'user',
        targetId: id,
        regionPath: r?.path ?? user.regionPath,
        detail: {
          fields: Object.keys(body)
            .filter((k) => k !== 'password')
            .concat(password ? ['passwordReset'] : []),
        },
      });
    });
    return get(actor, id);
  }

  /** The security administrator grants the one role an account holds; the user's sessions end so it takes effect at once. */
  async function assignRole(actor: Actor, id: string, body: AssignRoleBody) {
    const user = await get(actor, id);
    if (id === actor.userId) throw new Problem(422, 'validation', [{ field: 'role', key: 'user.notSelf' }]);
    if (user.role === body.role) return user;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ role: body.role, updatedAt: now() })
        .where(and(eq(users.id, id), inScope(actor, users.regionPath)));
      await closeSessionsOf(tx, id);
      await audit(tx, actor, {
        event: 'user.roleAssign',
        targetType: 'user',
        targetId: id,
        regionPath: user.regionPath,
        detail: { username: user.username, from: user.role, to: body.role, result: 'success' },
      });
    });
    return get(actor, id);
  }

  return { list, get, create, update, assignRole };
}
