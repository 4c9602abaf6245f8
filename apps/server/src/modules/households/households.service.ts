import { regionFilterPath, tallyInScope } from '../regions/region-scope.js';
import { lockVersion } from '../../http/edit-version.js';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { household, person } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, isPathWithin } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import type { CreateHouseholdBody, ListHouseholdsQuery, UpdateHouseholdBody } from './households.schemas.js';
import {
  householdBelow,
  householdById,
  householdInGrid,
  householdMatching,
  householdWithStatus,
  selectGridInScope,
  selectHouseholds,
  selectMembers,
  selectRegionInScope,
} from './households.queries.js';

/** Checks that a grid is in scope and holds the household's region (a grid lies in one village). */
export async function gridFor(tx: Tx, actor: Actor, gridId: string, regionPath: string) {
  const g = await selectGridInScope(tx, actor, gridId);
  if (!g) throw invalid([{ field: 'gridId', key: 'notFound' }]);
  if (!isPathWithin(regionPath, g.regionPath)) throw invalid([{ field: 'gridId', key: 'household.gridElsewhere' }]);
  return g;
}

export function householdsService(db: Db, now: () => Date) {
  async function list(actor: Actor, q: ListHouseholdsQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const where = and(
      below ? householdBelow(below) : undefined,
      q.gridId ? householdInGrid(q.gridId) : undefined,
      q.status ? householdWithStatus(q.status) : undefined,
      q.q ? householdMatching(q.q) : undefined,
    );
    const regionOnly = !q.gridId && !q.status && !q.q;
    return selectHouseholds(db, actor, where, q, regionOnly ? tallyInScope(db, actor, below, 'households') : undefined);
  }

  async function get(actor: Actor, id: string, tx: Tx = db) {
    const found = (await selectHouseholds(tx, actor, householdById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return { ...found, members: await selectMembers(tx, id) };
  }

  /** Creates a household; a replay of the same id answers the stored one (`created` false). */
  async function create(actor: Actor, body: CreateHouseholdBody) {
    const id = body.id ?? uuidv7();
    const created = await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: household.id, path: household.regionPath })
        .from(household)
        .where(eq(household.id, id));
      if (existing) {
        if (
          !(
            await tx
              .select({ id: household.id })
              .from(household)
              .where(and(eq(household.id, id), inScope(actor, household.regionPath)))
          ).length
        )
          throw notFound();
        return false;
      }
      const r = await selectRegionInScope(tx, actor, body.regionId);
      if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
      if (body.gridId) await gridFor(tx, actor, body.gridId, r.path);
      const inserted = await tx
        .insert(household)
        .values({
          id,
          regionId: r.id,
          regionPath: r.path,
          gridId: body.gridId ?? null,
          address: body.address,
          phone: body.phone ?? null,
          status: body.status,
        })
        .onConflictDoNothing({ target: household.id })
        .returning({ id: household.id });
      if (!inserted.length) return false;
      await audit(tx, actor, {
        event: 'household.create',
        targetType: 'household',
        targetId: id,
        regionPath: r.path,
        detail: { address: body.address },
      });
      return true;
    });
    return { created, household: await get(actor, id) };
  }

  /** `expectedVersion`: the edit version the change was made on (If-Match); another's change since is 412. */
  async function update(actor: Actor, id: string, body: UpdateHouseholdBody, expectedVersion?: number) {
    const current = await get(actor, id);
    await db.transaction(async (tx) => {
      await lockVersion(tx, household, id, expectedVersion);
      if (body.gridId) await gridFor(tx, actor, body.gridId, current.regionPath);
      if (body.headPersonId) {
        const [member] = await tx
          .select({ id: person.id })
          .from(person)
          .where(and(eq(person.id, body.headPersonId), eq(person.householdId, id)));
        if (!member) throw invalid([{ field: 'headPersonId', key: 'person.notMember' }]);
      }
      await tx
        .update(household)
        .set({ ...body, updatedAt: now() })
        .where(and(eq(household.id, id), inScope(actor, household.regionPath)));
      await audit(tx, actor, {
        event: 'household.update',
        targetType: 'household',
        targetId: id,
        regionPath: current.regionPath,
        detail: { fields: Object.keys(body) },
      });
    });
    return get(actor, id);
  }

  return { list, get, create, update };
}

/** Locks a household in scope for a change that depends on it (a member moving in, a visit). */
export async function lockHousehold(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({
      id: household.id,
      regionId: household.regionId,
      regionPath: household.regionPath,
      gridId: household.gridId,
    })
    .from(household)
    .where(and(eq(household.id, id), inScope(actor, household.regionPath)))
    .for('update');
  return row ? { ...row, regionPath: String(row.regionPath) } : undefined;
}
