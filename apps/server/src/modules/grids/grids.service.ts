// 网格: drawn inside a village, renamed, merged, retired; households assigned one by one, by range or
// by file; a leader and workers who are accounts. Every household belongs to at most one active grid.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { translate } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { grid, gridWorker, household, region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound, type FieldError } from '../../http/problem.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import type { AssignHouseholdsBody, CreateGridBody, UpdateGridBody } from './grids.schemas.js';
import {
  selectAccountsOver,
  selectGridInScope,
  selectHouseholdsOfVillage,
  selectRoster,
  selectUnassigned,
} from './grids.queries.js';
import { pathUnder } from '../../auth/scope.js';

type RowError = { row: number; field: string; message: string };

const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } })?.code === '23505' ||
  (e as { cause?: { code?: string } })?.cause?.code === '23505';

/** Assigns households to a grid inside the caller's transaction; per-household errors, nothing written when any. */
export async function assignToGrid(
  tx: Tx,
  actor: Actor,
  target: { id: string; name: string; regionPath: string },
  found: { id: string; gridId: string | null; gridName: string | null; row: number }[],
  move: boolean,
  at: Date,
) {
  const errors: RowError[] = [];
  for (const h of found) {
    if (h.gridId && h.gridId !== target.id && !move)
      errors.push({
        row: h.row,
        field: 'householdIds',
        message: translate(actor.locale, 'grid.inOtherGrid', { grid: h.gridName ?? '' }),
      });
  }
  if (errors.length) return { assigned: 0, errors };
  const ids = found.filter((h) => h.gridId !== target.id).map((h) => h.id);
  for (let i = 0; i < ids.length; i += 5000)
    await tx
      .update(household)
      .set({ gridId: target.id, updatedAt: at })
      .where(inArray(household.id, ids.slice(i, i + 5000)));
  if (ids.length)
    await audit(tx, actor, {
      event: 'grid.assign',
      targetType: 'grid',
      targetId: target.id,
      regionPath: target.regionPath,
      detail: { households: ids.length, moved: found.filter((h) => h.gridId && h.gridId !== target.id).length },
    });
  return { assigned: ids.length, errors };
}

/** Draws a grid with its leader and workers inside the caller's transaction (the API and the demo county). */
export async function insertGrid(
  tx: Tx,
  actor: Actor | null,
  village: { id: string; path: string },
  id: string,
  body: Pick<CreateGridBody, 'name' | 'leaderId' | 'workerIds'>,
) {
  await tx
    .insert(grid)
    .values({ id, regionId: village.id, regionPath: village.path, name: body.name, leaderId: body.leaderId ?? null });
  if (body.workerIds?.length)
    await tx.insert(gridWorker).values([...new Set(body.workerIds)].map((userId) => ({ gridId: id, userId })));
  await audit(tx, actor, {
    event: 'grid.create',
    targetType: 'grid',
    targetId: id,
    regionPath: village.path,
    detail: { name: body.name },
  });
}

export function gridsService(db: Db, now: () => Date) {
  async function getInScope(actor: Actor, id: string) {
    const g = await selectGridInScope(db, actor, id);
    if (!g) throw notFound();
    return g;
  }

  /** Leader and workers must be accounts that see the village. */
  async function checkPeople(tx: Tx, villagePath: string, body: { leaderId?: string | null; workerIds?: string[] }) {
    const ids = [...new Set([...(body.leaderId ? [body.leaderId] : []), ...(body.workerIds ?? [])])];
    const ok = await selectAccountsOver(tx, villagePath, ids);
    const errors: FieldError[] = [];
    if (body.leaderId && !ok.has(body.leaderId)) errors.push({ field: 'leaderId', key: 'grid.accountOutside' });
    body.workerIds?.forEach((w, i) => {
      if (!ok.has(w)) errors.push({ field: `workerIds.${i}`, key: 'grid.accountOutside' });
    });
    if (errors.length) throw invalid(errors);
  }

  async function setWorkers(tx: Tx, gridId: string, workerIds: string[] | undefined) {
    if (!workerIds) return;
    await tx.delete(gridWorker).where(eq(gridWorker.gridId, gridId));
    if (workerIds.length)
      await tx.insert(gridWorker).values([...new Set(workerIds)].map((userId) => ({ gridId, userId })));
  }

  async function create(actor: Actor, body: CreateGridBody) {
    const village = await selectRegionInScope(db, actor, body.regionId);
    if (!village) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    if (village.level !== 'village') throw invalid([{ field: 'regionId', key: 'grid.notVillage' }]);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await checkPeople(tx, village.path, body);
      try {
        await insertGrid(tx, actor, village, id, body);
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('name', 'grid.nameTaken');
        throw e;
      }
    });
    return getInScope(actor, id);
  }

  async function update(actor: Actor, id: string, body: UpdateGridBody) {
    const g = await getInScope(actor, id);
    await db.transaction(async (tx) => {
      await checkPeople(tx, g.regionPath, body);
      try {
        // A change of workers alone leaves the grid's own row as it is.
        if (body.name !== undefined || body.leaderId !== undefined)
          await tx.update(grid).set({ name: body.name, leaderId: body.leaderId }).where(eq(grid.id, id));
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('name', 'grid.nameTaken');
        throw e;
      }
      await setWorkers(tx, id, body.workerIds);
      await audit(tx, actor, {
        event: 'grid.update',
        targetType: 'grid',
        targetId: id,
        regionPath: g.regionPath,
        detail: { fields: Object.keys(body) },
      });
    });
    return getInScope(actor, id);
  }

  /** The grid's households and workers go to `intoId` (same village); the grid is retired. */
  async function merge(actor: Actor, id: string, intoId: string) {
    const [from, into] = await Promise.all([getInScope(actor, id), selectGridInScope(db, actor, intoId)]);
    if (!into || into.id === from.id) throw invalid([{ field: 'intoId', key: 'grid.unknownGrid' }]);
    if (into.regionId !== from.regionId) throw invalid([{ field: 'intoId', key: 'grid.sameVillage' }]);
    await db.transaction(async (tx) => {
      await tx.update(household).set({ gridId: into.id, updatedAt: now() }).where(eq(household.gridId, from.id));
      await tx.execute(
        sql`INSERT INTO grid_worker (grid_id, user_id) SELECT ${into.id}, user_id FROM grid_worker WHERE grid_id = ${from.id} ON CONFLICT DO NOTHING`,
      );
      await tx.delete(gridWorker).where(eq(gridWorker.gridId, from.id));
      await tx.update(grid).set({ retiredAt: now() }).where(eq(grid.id, from.id));
      await audit(tx, actor, {
        event: 'grid.merge',
        targetType: 'grid',
        targetId: from.id,
        regionPath: from.regionPath,
        detail: { into: into.id, households: from.householdCount },
      });
    });
    return getInScope(actor, into.id);
  }

  /** Retires a grid: its households become unassigned (a gap on the roster), its workers are released. */
  async function retire(actor: Actor, id: string) {
    const g = await getInScope(actor, id);
    await db.transaction(async (tx) => {
      await tx.update(household).set({ gridId: null, updatedAt: now() }).where(eq(household.gridId, id));
      await tx.delete(gridWorker).where(eq(gridWorker.gridId, id));
      await tx.update(grid).set({ retiredAt: now() }).where(eq(grid.id, id));
      await audit(tx, actor, {
        event: 'grid.retire',
        targetType: 'grid',
        targetId: id,
        regionPath: g.regionPath,
        detail: { households: g.householdCount },
      });
    });
    return { id, retired: true };
  }

  async function assign(actor: Actor, id: string, body: AssignHouseholdsBody) {
    const g = await getInScope(actor, id);
    let found: { id: string; gridId: string | null; gridName: string | null; row: number }[];
    if (body.householdIds?.length) {
      const rows = await selectHouseholdsOfVillage(db, g.regionPath, inArray(household.id, body.householdIds));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const errors: RowError[] = [];
      found = [];
      body.householdIds.forEach((hid, i) => {
        const h = byId.get(hid);
        if (!h)
          errors.push({
            row: i + 1,
            field: `householdIds.${i}`,
            message: translate(actor.locale, 'grid.otherVillage'),
          });
        else found.push({ ...h, row: i + 1 });
      });
      if (errors.length) return { assigned: 0, errors };
    } else {
      let where;
      if (body.groupId) {
        const [group] = await db
          .select({ path: region.path })
          .from(region)
          .where(and(eq(region.id, body.groupId), pathUnder(region.path, g.regionPath)));
        if (!group) throw invalid([{ field: 'groupId', key: 'notFound' }]);
        where = pathUnder(household.regionPath, group.path);
      } else {
        where = sql`strpos(${household.address}, ${body.addressContains!}) > 0`;
      }
      found = (await selectHouseholdsOfVillage(db, g.regionPath, where)).map((h, i) => ({ ...h, row: i + 1 }));
      if (!found.length)
        throw invalid([{ field: body.groupId ? 'groupId' : 'addressContains', key: 'grid.noHouseholds' }]);
    }
    return db.transaction((tx) =>
      assignToGrid(tx, actor, { id: g.id, name: g.name, regionPath: g.regionPath }, found, body.move, now()),
    );
  }

  async function roster(actor: Actor, regionId: string | undefined) {
    const below = regionId ? (await selectRegionInScope(db, actor, regionId))?.path : actor.scopePath;
    if (!below) throw notFound();
    return { villages: await selectRoster(db, actor, below) };
  }

  async function unassigned(actor: Actor, q: { regionId: string; page: number; pageSize: number }) {
    const village = await selectRegionInScope(db, actor, q.regionId);
    if (!village) throw notFound();
    return selectUnassigned(db, village.path, q);
  }

  return { create, update, merge, retire, assign, roster, unassigned, getInScope };
}
