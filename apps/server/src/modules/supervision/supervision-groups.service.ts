import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { inspection, region, supervisionGroup, supervisionGroupTownship } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { Problem, invalid, notFound } from '../../http/problem.js';
import { pathRelated, pathUnder, regionFilterPath } from '../../auth/scope.js';
import type { CreateGroupBody, UpdateGroupBody } from './supervision-groups.schemas.js';

/** The county's supervision office (county-level accounts) keeps the groups. */
function countyOf(actor: Actor) {
  if (actor.scopePath.includes('.')) throw new Problem(403, 'inspection.countyOnly');
  return actor.scopePath;
}

/** Groups assigned to a township that holds `path` or lies under it: what an actor or a region concerns. */
const assignedAround = (path: string) =>
  sql`EXISTS (SELECT 1 FROM supervision_group_township t WHERE t.group_id = supervision_group.id AND ${pathRelated(sql`t.region_path`, path)})`;

/** 督导组: county groups sent to townships; a township sees the groups sent to it. */
export function supervisionGroupsService(db: Db, now: () => Date) {
  async function select(tx: Tx, actor: Actor, where?: ReturnType<typeof sql>) {
    const county = actor.scopePath.split('.')[0]!;
    const groups = await tx
      .select({ g: supervisionGroup })
      .from(supervisionGroup)
      .where(and(eq(supervisionGroup.regionPath, county), assignedAround(actor.scopePath), where))
      .orderBy(asc(supervisionGroup.name), asc(supervisionGroup.id));
    const townships = groups.length
      ? await tx
          .select({ groupId: supervisionGroupTownship.groupId, id: region.id, name: region.name })
          .from(supervisionGroupTownship)
          .innerJoin(region, eq(region.id, supervisionGroupTownship.regionId))
          .where(
            inArray(
              supervisionGroupTownship.groupId,
              groups.map((r) => r.g.id),
            ),
          )
          .orderBy(asc(region.code))
      : [];
    const counts = groups.length
      ? await tx
          .select({ groupId: inspection.groupId, n: sql<number>`count(*)::int` })
          .from(inspection)
          .where(
            inArray(
              inspection.groupId,
              groups.map((r) => r.g.id),
            ),
          )
          .groupBy(inspection.groupId)
      : [];
    return groups.map(({ g }) => ({
      id: g.id,
      name: g.name,
      leaderName: g.leaderName,
      leaderTitle: g.leaderTitle,
      members: g.members,
      topics: g.topics,
      startsOn: g.startsOn,
      endsOn: g.endsOn,
      townships: townships.filter((t) => t.groupId === g.id).map(({ id, name }) => ({ id, name })),
      inspections: counts.find((c) => c.groupId === g.id)?.n ?? 0,
      createdAt: g.createdAt.toISOString(),
    }));
  }

  async function list(actor: Actor, q: { regionId?: string }) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [] };
    return { items: await select(db, actor, below ? assignedAround(below) : undefined) };
  }

  async function get(actor: Actor, id: string) {
    const [found] = await select(db, actor, sql`${supervisionGroup.id} = ${id}::uuid`);
    if (!found) throw notFound();
    return found;
  }

  /** The townships of the county by id, or field errors naming the ones that are not. */
  async function townshipsOf(tx: Tx, county: string, ids: string[]) {
    const rows = await tx
      .select({ id: region.id, path: region.path })
      .from(region)
      .where(and(inArray(region.id, ids), eq(region.level, 'township'), pathUnder(region.path, county)));
    const bad = ids.flatMap((id, i) =>
      rows.some((r) => r.id === id) ? [] : [{ field: `townshipIds.${i}`, key: 'supervisionGroup.notTownship' }],
    );
    if (bad.length) throw invalid(bad);
    return [...new Map(rows.map((r) => [r.id, r])).values()];
  }

  async function create(actor: Actor, body: CreateGroupBody) {
    const county = countyOf(actor);
    const id = body.id ?? uuidv7();
    await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ id: supervisionGroup.id })
        .from(supervisionGroup)
        .where(eq(supervisionGroup.id, id));
      if (existing) return;
      const townships = await townshipsOf(tx, county, body.townshipIds);
      await tx.insert(supervisionGroup).values({
        id,
        regionPath: county,
        name: body.name,
        leaderName: body.leaderName,
        leaderTitle: body.leaderTitle || null,
        members: body.members,
        topics: body.topics || null,
        startsOn: body.startsOn,
        endsOn: body.endsOn ?? null,
        createdAt: now(),
      });
      await tx
        .insert(supervisionGroupTownship)
        .values(townships.map((t) => ({ groupId: id, regionId: t.id, regionPath: t.path })));
      await audit(tx, actor, {
        event: 'supervisionGroup.create',
        targetType: 'supervisionGroup',
        targetId: id,
        regionPath: county,
        detail: { name: body.name, leaderName: body.leaderName, townships: townships.length },
      });
    });
    return get(actor, id);
  }

  async function update(actor: Actor, id: string, body: UpdateGroupBody) {
    const county = countyOf(actor);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ startsOn: supervisionGroup.startsOn, endsOn: supervisionGroup.endsOn })
        .from(supervisionGroup)
        .where(and(eq(supervisionGroup.id, id), eq(supervisionGroup.regionPath, county)))
        .for('update');
      if (!row) throw notFound();
      const startsOn = body.startsOn ?? row.startsOn;
      const endsOn = body.endsOn === undefined ? row.endsOn : body.endsOn;
      if (endsOn && endsOn < startsOn) throw invalid([{ field: 'endsOn', key: 'dateRange.order' }]);
      const { townshipIds, ...fields } = body;
      if (Object.keys(fields).length)
        await tx
          .update(supervisionGroup)
          .set({
            ...fields,
            ...(fields.leaderTitle !== undefined ? { leaderTitle: fields.leaderTitle || null } : {}),
            ...(fields.topics !== undefined ? { topics: fields.topics || null } : {}),
          })
          .where(eq(supervisionGroup.id, id));
      if (townshipIds) {
        const townships = await townshipsOf(tx, county, townshipIds);
        await tx.delete(supervisionGroupTownship).where(eq(supervisionGroupTownship.groupId, id));
        await tx
          .insert(supervisionGroupTownship)
          .values(townships.map((t) => ({ groupId: id, regionId: t.id, regionPath: t.path })));
      }
      await audit(tx, actor, {
        event: 'supervisionGroup.update',
        targetType: 'supervisionGroup',
        targetId: id,
        regionPath: county,
        detail: { ...body },
      });
    });
    return get(actor, id);
  }

  /** A group of the actor's county, for an inspection made with it; undefined when there is none. */
  async function groupOf(tx: Tx, actor: Actor, id: string) {
    const [row] = await tx
      .select({ id: supervisionGroup.id })
      .from(supervisionGroup)
      .where(and(eq(supervisionGroup.id, id), eq(supervisionGroup.regionPath, actor.scopePath.split('.')[0]!)));
    return row;
  }

  return { list, get, create, update, groupOf };
}
