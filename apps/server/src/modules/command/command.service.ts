import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { commandCoverage, commandMember, commandUnit, region, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import type { AddMemberBody, CreateUnitBody } from './command.schemas.js';

/** Sets up one unit (and the regions a 战区 covers) inside the caller's transaction; checked by the caller. */
export async function insertCommandUnit(
  tx: Tx,
  actor: Actor | null,
  r: { id: string; path: string },
  id: string,
  body: Omit<CreateUnitBody, 'id' | 'regionId'>,
) {
  const covered = [...new Set(body.coverage)];
  await tx.insert(commandUnit).values({
    id,
    regionId: r.id,
    regionPath: r.path,
    parentId: body.parentId ?? null,
    kind: body.kind,
    name: body.name,
    duties: body.duties ?? null,
  });
  if (covered.length) await tx.insert(commandCoverage).values(covered.map((regionId) => ({ unitId: id, regionId })));
  await audit(tx, actor, {
    event: 'command.create',
    targetType: 'commandUnit',
    targetId: id,
    regionPath: r.path,
    detail: { kind: body.kind, name: body.name, coverage: covered.length },
  });
}

/** Adds a member to a unit inside the caller's transaction. */
export async function insertCommandMember(
  tx: Tx,
  actor: Actor | null,
  unit: { id: string; name: string },
  body: AddMemberBody,
) {
  const id = uuidv7();
  await tx.insert(commandMember).values({
    id,
    unitId: unit.id,
    name: body.name,
    position: body.position,
    phone: body.phone ?? null,
    userId: body.userId ?? null,
  });
  await audit(tx, actor, {
    event: 'command.memberAdd',
    targetType: 'commandUnit',
    targetId: unit.id,
    detail: { unit: unit.name, name: body.name, position: body.position, memberId: id },
  });
}

/** The command structure: units in scope with their members and, for a 战区, the regions it covers. */
export function commandService(db: Db) {
  async function list(actor: Actor, q: { regionId?: string }, only?: string) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const units = await db
      .select({
        id: commandUnit.id,
        regionId: commandUnit.regionId,
        regionName: region.name,
        parentId: commandUnit.parentId,
        kind: commandUnit.kind,
        name: commandUnit.name,
        duties: commandUnit.duties,
      })
      .from(commandUnit)
      .innerJoin(region, eq(region.id, commandUnit.regionId))
      .where(
        and(
          inScope(actor, commandUnit.regionPath),
          below ? pathUnder(commandUnit.regionPath, below) : undefined,
          only ? eq(commandUnit.id, only) : undefined,
        ),
      )
      .orderBy(asc(commandUnit.regionPath), asc(commandUnit.createdAt));
    const ids = units.map((u) => u.id);
    const [members, coverage] = ids.length
      ? await Promise.all([
          db
            .select({
              id: commandMember.id,
              unitId: commandMember.unitId,
              name: commandMember.name,
              position: commandMember.position,
              phone: commandMember.phone,
              userId: commandMember.userId,
            })
            .from(commandMember)
            .where(inArray(commandMember.unitId, ids))
            .orderBy(asc(commandMember.createdAt)),
          db
            .select({ unitId: commandCoverage.unitId, id: region.id, name: region.name })
            .from(commandCoverage)
            .innerJoin(region, eq(region.id, commandCoverage.regionId))
            .where(inArray(commandCoverage.unitId, ids))
            .orderBy(asc(region.path)),
        ])
      : [[], []];
    const items = units.map((u) => ({
      ...u,
      members: members.filter((m) => m.unitId === u.id).map(({ unitId: _u, ...m }) => m),
      coverage: coverage.filter((c) => c.unitId === u.id).map(({ unitId: _u, ...c }) => c),
    }));
    return { items, total: items.length };
  }

  async function getUnit(actor: Actor, id: string) {
    const [unit] = (await list(actor, {}, id)).items;
    if (!unit) throw notFound();
    return unit;
  }

  async function create(actor: Actor, body: CreateUnitBody) {
    const r = await selectRegionInScope(db, actor, body.regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ id: commandUnit.id })
      .from(commandUnit)
      .where(and(eq(commandUnit.id, id), inScope(actor, commandUnit.regionPath)));
    if (existing) return getUnit(actor, id);
    if (body.parentId) {
      const [parent] = await db
        .select({ id: commandUnit.id })
        .from(commandUnit)
        .where(
          and(
            eq(commandUnit.id, body.parentId),
            eq(commandUnit.regionId, r.id),
            inScope(actor, commandUnit.regionPath),
          ),
        );
      if (!parent) throw invalid([{ field: 'parentId', key: 'notFound' }]);
    }
    const covered = [...new Set(body.coverage)];
    if (covered.length) {
      const found = await db
        .select({ id: region.id })
        .from(region)
        .where(
          and(inArray(region.id, covered), pathUnder(region.path, r.path), sql`${region.path} <> ${r.path}::ltree`),
        );
      const ok = new Set(found.map((f) => f.id));
      const bad = body.coverage.findIndex((c) => !ok.has(c));
      if (bad >= 0) throw invalid([{ field: `coverage.${bad}`, key: 'notFound' }]);
    }
    await db.transaction((tx) => insertCommandUnit(tx, actor, r, id, body));
    return getUnit(actor, id);
  }

  async function addMember(actor: Actor, unitId: string, body: AddMemberBody) {
    const unit = await getUnit(actor, unitId);
    if (body.userId) {
      const [u] = await db
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, body.userId), inScope(actor, users.regionPath)));
      if (!u) throw invalid([{ field: 'userId', key: 'notFound' }]);
    }
    await db.transaction((tx) => insertCommandMember(tx, actor, unit, body));
    return getUnit(actor, unitId);
  }

  async function removeMember(actor: Actor, unitId: string, memberId: string) {
    const unit = await getUnit(actor, unitId);
    await db.transaction(async (tx) => {
      const gone = await tx
        .delete(commandMember)
        .where(and(eq(commandMember.id, memberId), eq(commandMember.unitId, unitId)))
        .returning({ name: commandMember.name });
      if (!gone.length) throw notFound();
      await audit(tx, actor, {
        event: 'command.memberRemove',
        targetType: 'commandUnit',
        targetId: unitId,
        detail: { unit: unit.name, name: gone[0]!.name, memberId },
      });
    });
    return getUnit(actor, unitId);
  }

  return { list, getUnit, create, addMember, removeMember };
}
