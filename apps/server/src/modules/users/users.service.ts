import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { hashPassword } from '../../auth/password.js';
import { closeSessionsOf } from '../../auth/session.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { Problem, conflict, invalid, notFound } from '../../http/problem.js';
import type { CreateUserBody, ListUsersQuery, UpdateUserBody } from './users.schemas.js';
import { selectRegionInScope, selectUsers, userById, userMatching, userWithRole } from './users.queries.js';

export function usersService(db: Db) {
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
    const r = await regionFor(actor, body.regionId);
    const id = uuidv7();
    const passwordHash = await hashPassword(body.password);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(users)
        .values({ id, username: body.username, displayName: body.displayName, passwordHash, role: body.role, regionId: r.id, regionPath: r.path, phone: body.phone ?? null })
        .onConflictDoNothing({ target: users.username })
        .returning({ id: users.id });
      if (!inserted.length) throw conflict('username', 'username.taken');
      await audit(tx, actor, { event: 'user.create', targetType: 'user', targetId: id, regionPath: r.path, detail: { username: body.username, role: body.role } });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, body: UpdateUserBody) {
    await get(actor, id);
    if (id === actor.userId && (body.disabled || (body.role && body.role !== actor.role))) throw new Problem(422, 'validation', [{ field: body.disabled ? 'disabled' : 'role', key: 'user.notSelf' }]);
    const r = body.regionId ? await regionFor(actor, body.regionId) : undefined;
    const { password, regionId: _r, ...rest } = body;
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          ...rest,
          ...(r ? { regionId: r.id, regionPath: r.path } : {}),
          ...(password ? { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null } : {}),
          ...(body.disabled === false ? { failedLogins: 0, lockedUntil: null } : {}),
          updatedAt: new Date(),
        })
        .where(and(eq(users.id, id), inScope(actor, users.regionPath)));
      if (password || body.disabled || r || body.role) await closeSessionsOf(tx, id);
      await audit(tx, actor, { event: 'user.update', targetType: 'user', targetId: id, regionPath: r?.path, detail: { fields: Object.keys(body).filter((k) => k !== 'password').concat(password ? ['passwordReset'] : []) } });
    });
    return get(actor, id);
  }

  return { list, get, create, update };
}
