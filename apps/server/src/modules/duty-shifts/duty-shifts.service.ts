import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { checkpoint, dutyShift, region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { currentDutyDay, selectCheckpointRef } from '../checkpoints/checkpoints.queries.js';
import type { RosterQuery, SaveShiftBody } from './duty-shifts.schemas.js';

const MAX_DAYS = 62;
const dayMs = 86_400_000;

export function dutyShiftsService(db: Db) {
  /** Sets the people on one checkpoint's shift of one duty day (replaces the list; audited). */
  async function save(actor: Actor, checkpointId: string, day: string, body: SaveShiftBody) {
    const cp = await selectCheckpointRef(db, actor, checkpointId);
    if (!cp) throw notFound();
    const members = body.members.map((m) => ({ name: m.name, role: m.role, phone: m.phone ?? null }));
    await db.transaction(async (tx) => {
      await tx
        .insert(dutyShift)
        .values({ id: uuidv7(), checkpointId: cp.id, regionPath: cp.regionPath, day, members })
        .onConflictDoUpdate({ target: [dutyShift.checkpointId, dutyShift.day], set: { members, updatedAt: new Date() } });
      await audit(tx, actor, { event: 'dutyShift.save', targetType: 'checkpoint', targetId: cp.id, regionPath: cp.regionPath, detail: { day, members: members.length } });
    });
    const roster = await list(actor, { from: day, to: day, checkpointId: cp.id });
    return roster.shifts[0]!;
  }

  /** Shifts in a date range, who is on duty today, and the gaps a township must fill. */
  async function list(actor: Actor, q: RosterQuery) {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / dayMs;
    if (!(days >= 0 && days < MAX_DAYS)) throw invalid([{ field: 'to', key: 'dateRange' }]);
    let below: string | undefined;
    if (q.regionId) {
      const [r] = await db.select({ path: region.path }).from(region).where(and(eq(region.id, q.regionId), inScope(actor, region.path)));
      if (!r) throw notFound();
      below = r.path;
    }
    const cpFilter = and(inScope(actor, checkpoint.regionPath), below ? sql`${checkpoint.regionPath} <@ ${below}::ltree` : undefined, q.checkpointId ? eq(checkpoint.id, q.checkpointId) : undefined);
    const [[today], checkpoints, shifts] = await Promise.all([
      db.execute<{ day: string }>(sql`SELECT ${currentDutyDay}::text AS day`).then((r) => r.rows),
      db.select({ id: checkpoint.id, name: checkpoint.name, status: checkpoint.status }).from(checkpoint).where(cpFilter).orderBy(asc(checkpoint.regionPath), asc(checkpoint.name)).limit(500),
      db
        .select({ id: dutyShift.id, checkpointId: dutyShift.checkpointId, checkpointName: checkpoint.name, day: dutyShift.day, members: dutyShift.members, updatedAt: dutyShift.updatedAt })
        .from(dutyShift)
        .innerJoin(checkpoint, eq(checkpoint.id, dutyShift.checkpointId))
        .where(and(cpFilter, gte(dutyShift.day, q.from), lte(dutyShift.day, q.to)))
        .orderBy(asc(dutyShift.day), asc(checkpoint.name)),
    ]);
    const items = shifts.map((s) => ({ ...s, hasLeader: s.members.some((m) => m.role === 'leader'), updatedAt: s.updatedAt.toISOString() }));
    const byKey = new Map(items.map((s) => [`${s.checkpointId}/${s.day}`, s]));
    const gaps = [];
    for (let t = Date.parse(q.from); t <= Date.parse(q.to); t += dayMs) {
      const day = new Date(t).toISOString().slice(0, 10);
      for (const cp of checkpoints.filter((c) => c.status === 'open')) {
        const s = byKey.get(`${cp.id}/${day}`);
        if (!s) gaps.push({ checkpointId: cp.id, checkpointName: cp.name, day, reason: 'noShift' as const });
        else if (!s.hasLeader) gaps.push({ checkpointId: cp.id, checkpointName: cp.name, day, reason: 'noLeader' as const });
      }
    }
    return { today: today!.day, shifts: items, gaps };
  }

  return { save, list };
}
