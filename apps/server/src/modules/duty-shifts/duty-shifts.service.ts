import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { checkpoint, dutyShift, region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { currentDutyDay, selectCheckpointRef } from '../checkpoints/checkpoints.queries.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import type { RosterQuery, SaveShiftBody } from './duty-shifts.schemas.js';
import { selectDutyVolunteers } from './duty-shifts.volunteers.js';

const MAX_DAYS = 62;
const dayMs = 86_400_000;
// 各村24小时值班和领导带班制度 (seed 004): villages keep an office roster like townships and the county.
const OFFICE_LEVELS = ['county', 'township', 'village'] as const;

/** Where a shift is kept: a checkpoint, or the office of a village, township or county (领导带班). */
interface Post {
  checkpointId: string | null;
  officeRegionId: string | null;
  name: string;
  regionPath: string;
}

export function dutyShiftsService(db: Db, now: () => Date) {
  async function saveAt(actor: Actor, post: Post, day: string, body: SaveShiftBody) {
    const picked = body.members.flatMap((m) => (m.volunteerId ? [m.volunteerId] : []));
    const volunteers = new Map(
      picked.length ? (await selectDutyVolunteers(db, actor, post.regionPath, picked)).map((v) => [v.id, v]) : [],
    );
    const unknown = body.members.flatMap((m, i) =>
      m.volunteerId && !volunteers.has(m.volunteerId) ? [{ field: `members.${i}.volunteerId`, key: 'notFound' }] : [],
    );
    if (unknown.length) throw invalid(unknown);
    const members = body.members.map((m) =>
      m.volunteerId
        ? {
            name: volunteers.get(m.volunteerId)!.name,
            role: m.role,
            phone: m.phone ?? null,
            volunteerId: m.volunteerId,
          }
        : { name: m.name, role: m.role, phone: m.phone ?? null },
    );
    const target = post.checkpointId
      ? [dutyShift.checkpointId, dutyShift.day]
      : [dutyShift.officeRegionId, dutyShift.day];
    await db.transaction(async (tx) => {
      await tx
        .insert(dutyShift)
        .values({
          id: uuidv7(),
          checkpointId: post.checkpointId,
          officeRegionId: post.officeRegionId,
          regionPath: post.regionPath,
          day,
          members,
        })
        .onConflictDoUpdate({ target, set: { members, updatedAt: now() } });
      await audit(tx, actor, {
        event: 'dutyShift.save',
        targetType: post.checkpointId ? 'checkpoint' : 'region',
        targetId: post.checkpointId ?? post.officeRegionId ?? undefined,
        regionPath: post.regionPath,
        detail: { day, members: members.length },
      });
    });
    const roster = await list(actor, {
      from: day,
      to: day,
      ...(post.checkpointId ? { checkpointId: post.checkpointId } : { officeRegionId: post.officeRegionId! }),
    });
    return roster.shifts[0]!;
  }

  /** Sets the people on one checkpoint's shift of one duty day (replaces the list; audited). */
  async function save(actor: Actor, checkpointId: string, day: string, body: SaveShiftBody) {
    const cp = await selectCheckpointRef(db, actor, checkpointId);
    if (!cp) throw notFound();
    return saveAt(
      actor,
      { checkpointId: cp.id, officeRegionId: null, name: cp.name, regionPath: cp.regionPath },
      day,
      body,
    );
  }

  /** Sets the leader and staff on duty at a village's, township's or county's office for one duty day. */
  async function saveOffice(actor: Actor, regionId: string, day: string, body: SaveShiftBody) {
    const r = await selectRegionInScope(db, actor, regionId);
    if (!r) throw notFound();
    if (!(OFFICE_LEVELS as readonly string[]).includes(r.level))
      throw invalid([{ field: 'regionId', key: 'dutyShift.officeLevel' }]);
    return saveAt(actor, { checkpointId: null, officeRegionId: r.id, name: r.name, regionPath: r.path }, day, body);
  }

  /** The volunteers who may be put on a checkpoint's or an office's shift (志愿者上岗值守). */
  async function volunteersFor(actor: Actor, q: { checkpointId?: string; officeRegionId?: string }) {
    let postPath: string;
    if (q.checkpointId) {
      const cp = await selectCheckpointRef(db, actor, q.checkpointId);
      if (!cp) throw notFound();
      postPath = cp.regionPath;
    } else {
      const r = await selectRegionInScope(db, actor, q.officeRegionId!);
      if (!r) throw notFound();
      postPath = r.path;
    }
    return { items: await selectDutyVolunteers(db, actor, postPath) };
  }

  /** Shifts in a date range at checkpoints and offices, who is on duty today, and the gaps to fill. */
  async function list(actor: Actor, q: RosterQuery) {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / dayMs;
    if (!(days >= 0 && days < MAX_DAYS)) throw invalid([{ field: 'to', key: 'dateRange' }]);
    let below: string | undefined;
    if (q.regionId) {
      const r = await selectRegionInScope(db, actor, q.regionId);
      if (!r) throw notFound();
      below = r.path;
    }
    const under = (path: typeof checkpoint.regionPath | typeof region.path) =>
      and(inScope(actor, path), below ? pathUnder(path, below) : undefined);
    const cpFilter = q.officeRegionId
      ? sql`false`
      : and(under(checkpoint.regionPath), q.checkpointId ? eq(checkpoint.id, q.checkpointId) : undefined);
    const officeFilter = q.checkpointId
      ? sql`false`
      : and(
          under(region.path),
          inArray(region.level, [...OFFICE_LEVELS]),
          q.officeRegionId ? eq(region.id, q.officeRegionId) : undefined,
        );
    const inRange = and(gte(dutyShift.day, q.from), lte(dutyShift.day, q.to));
    const shiftColumns = {
      id: dutyShift.id,
      checkpointId: dutyShift.checkpointId,
      officeRegionId: dutyShift.officeRegionId,
      day: dutyShift.day,
      members: dutyShift.members,
      updatedAt: dutyShift.updatedAt,
    };
    const [[today], checkpoints, offices, cpShifts, officeShifts] = await Promise.all([
      db.execute<{ day: string }>(sql`SELECT ${currentDutyDay}::text AS day`).then((r) => r.rows),
      db
        .select({ id: checkpoint.id, name: checkpoint.name, status: checkpoint.status })
        .from(checkpoint)
        .where(cpFilter)
        .orderBy(asc(checkpoint.regionPath), asc(checkpoint.name))
        .limit(500),
      db
        .select({ regionId: region.id, name: region.name, level: region.level })
        .from(region)
        .where(officeFilter)
        .orderBy(asc(region.path))
        .limit(1000),
      db
        .select({ ...shiftColumns, postName: checkpoint.name })
        .from(dutyShift)
        .innerJoin(checkpoint, eq(checkpoint.id, dutyShift.checkpointId))
        .where(and(cpFilter, inRange)),
      db
        .select({ ...shiftColumns, postName: region.name })
        .from(dutyShift)
        .innerJoin(region, eq(region.id, dutyShift.officeRegionId))
        .where(and(officeFilter, inRange)),
    ]);
    const items = [...officeShifts, ...cpShifts]
      .map((s) => ({
        ...s,
        hasLeader: s.members.some((m) => m.role === 'leader'),
        updatedAt: s.updatedAt.toISOString(),
      }))
      .sort((a, b) => a.day.localeCompare(b.day));
    const byKey = new Map(items.map((s) => [`${s.checkpointId ?? s.officeRegionId}/${s.day}`, s]));
    const posts = [
      ...offices.map((o) => ({ checkpointId: null, officeRegionId: o.regionId, postName: o.name })),
      ...checkpoints
        .filter((c) => c.status === 'open')
        .map((c) => ({ checkpointId: c.id, officeRegionId: null, postName: c.name })),
    ];
    const gaps = [];
    for (let t = Date.parse(q.from); t <= Date.parse(q.to); t += dayMs) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const post of posts) {
        const s = byKey.get(`${post.checkpointId ?? post.officeRegionId}/${day}`);
        if (!s) gaps.push({ ...post, day, reason: 'noShift' as const });
        else if (!s.hasLeader) gaps.push({ ...post, day, reason: 'noLeader' as const });
      }
    }
    return {
      today: today!.day,
      shifts: items,
      offices: offices as { regionId: string; name: string; level: (typeof OFFICE_LEVELS)[number] }[],
      gaps,
    };
  }

  return { save, saveOffice, list, volunteersFor };
}
