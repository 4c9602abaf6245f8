import { and, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { region, users } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  regionId: users.regionId,
  regionName: region.name,
  regionPath: users.regionPath,
  phone: users.phone,
  disabled: users.disabled,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  mustChangePassword: users.mustChangePassword,
  createdAt: users.createdAt,
};

interface Row {
  role: string;
  phone: string | null;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}
const toUser = <R extends Row>(r: R) => ({
  ...r,
  role: r.role as never,
  phone: r.phone ? maskPhone(r.phone) : null,
  lockedUntil: r.lockedUntil?.toISOString() ?? null,
  lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
  createdAt: r.createdAt.toISOString(),
});

export async function selectUsers(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(inScope(actor, users.regionPath), where);
  const [items, [total]] = await Promise.all([
    tx
      .select(columns)
      .from(users)
      .innerJoin(region, eq(region.id, users.regionId))
      .where(filter)
      .orderBy(desc(users.createdAt))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(users).where(filter),
  ]);
  return { items: items.map(toUser), total: total?.n ?? 0 };
}

export const userById = (id: string) => eq(users.id, id);
export const userMatching = (q: string) => or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`));
export const userWithRole = (role: string) => eq(users.role, role);

export { selectRegionInScope } from '../regions/region-scope.js';
