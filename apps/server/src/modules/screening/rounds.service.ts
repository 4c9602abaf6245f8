import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { grid, region, screeningRound } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, isPathWithin, actorSees } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { futureDateError } from '@fangkong/domain';
import { invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { selectRegionInScope } from '../households/households.queries.js';
import type { CreateRoundBody, ListRoundsQuery, RoundHouseholdsQuery, UpdateRoundBody } from './screening.schemas.js';
import { roundById, roundWithStatus, selectRounds } from './rounds.queries.js';
import { STATE_SETS, selectCoverage, selectRoundHouseholds, type CoverageScope } from './coverage.queries.js';
import type { HouseholdState } from './screening.schemas.js';

export function roundsService(db: Db, now: () => Date) {
  const list = (actor: Actor, q: ListRoundsQuery) =>
    selectRounds(db, actor, q.status ? roundWithStatus(q.status) : undefined, q);

  async function getRow(actor: Actor, id: string) {
    const found = (await selectRounds(db, actor, roundById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }
  const get = async (actor: Actor, id: string) => {
    const { regionPath: _p, ...round } = await getRow(actor, id);
    return round;
  };

  async function create(actor: Actor, body: CreateRoundBody) {
    // Travel is asked about since a day that has come: a later one would cover no trip at all.
    const future = futureDateError(body.travelSince, now());
    if (future) throw invalid([{ field: 'travelSince', key: future }]);
    const id = body.id ?? uuidv7();
    const created = await db.transaction(async (tx) => {
      const r = await selectRegionInScope(tx, actor, body.regionId);
      if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
      const inserted = await tx
        .insert(screeningRound)
        .values({
          id,
          regionId: r.id,
          regionPath: r.path,
          name: body.name,
          purpose: body.purpose ?? null,
          startsOn: body.startsOn,
          deadline: body.deadline,
          travelSince: body.travelSince,
          createdBy: actor.userId || null,
        })
        .onConflictDoNothing({ target: screeningRound.id })
        .returning({ id: screeningRound.id });
      if (!inserted.length) {
        const [stored] = await tx
          .select({
            regionId: screeningRound.regionId,
            name: screeningRound.name,
            startsOn: screeningRound.startsOn,
            deadline: screeningRound.deadline,
            travelSince: screeningRound.travelSince,
          })
          .from(screeningRound)
          .where(eq(screeningRound.id, id));
        if (stored) assertSameReplay(stored, body);
        return false;
      }
      await audit(tx, actor, {
        event: 'screeningRound.create',
        targetType: 'screeningRound',
        targetId: id,
        regionPath: r.path,
        detail: { name: body.name, deadline: body.deadline },
      });
      return true;
    });
    return { created, round: await get(actor, id) };
  }

  /** Only whoever holds the round's whole region (its opener's level or above) changes it. */
  async function update(actor: Actor, id: string, body: UpdateRoundBody) {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ path: screeningRound.regionPath, startsOn: screeningRound.startsOn })
        .from(screeningRound)
        .where(and(eq(screeningRound.id, id), inScope(actor, screeningRound.regionPath)))
        .for('update');
      if (!row) throw notFound();
      if (body.deadline && body.deadline < row.startsOn) throw invalid([{ field: 'deadline', key: 'dateRange.order' }]);
      if (!Object.keys(body).length) return;
      await tx.update(screeningRound).set(body).where(eq(screeningRound.id, id));
      await audit(tx, actor, {
        event: 'screeningRound.update',
        targetType: 'screeningRound',
        targetId: id,
        regionPath: String(row.path),
        detail: { ...body },
      });
    });
    return get(actor, id);
  }

  /** The focus region: the round's own, or one inside both the round and the actor's scope. */
  async function scopeOf(
    actor: Actor,
    roundId: string,
    regionId?: string,
  ): Promise<CoverageScope & { regionId: string; regionName: string; level: string }> {
    const round = await getRow(actor, roundId);
    let focus = { id: round.regionId, path: round.regionPath, name: round.regionName };
    if (regionId) {
      const [r] = await db
        .select({ id: region.id, path: region.path, name: region.name })
        .from(region)
        .where(and(eq(region.id, regionId), inScope(actor, region.path)));
      if (!r || !isPathWithin(String(r.path), round.regionPath)) throw notFound();
      focus = { id: r.id, path: String(r.path), name: r.name };
    } else if (!actorSees(actor, round.regionPath)) {
      // A county round seen from a village: look at the village.
      const [r] = await db
        .select({ id: region.id, path: region.path, name: region.name })
        .from(region)
        .where(eq(region.path, actor.scopePath));
      if (r) focus = { id: r.id, path: String(r.path), name: r.name };
    }
    const [lvl] = await db.select({ level: region.level }).from(region).where(eq(region.id, focus.id));
    return {
      roundId,
      roundPath: round.regionPath,
      actorPath: actor.scopePath,
      focusPath: focus.path,
      regionId: focus.id,
      regionName: focus.name,
      level: lvl?.level ?? 'county',
    };
  }

  async function coverage(actor: Actor, roundId: string, regionId?: string) {
    const s = await scopeOf(actor, roundId, regionId);
    const zero = {
      households: 0,
      visited: 0,
      away: 0,
      nobodyHome: 0,
      refused: 0,
      notVisited: 0,
      missing: 0,
      persons: 0,
      leads: 0,
    };
    const rows = await selectCoverage(db, s, s.level === 'village' || s.level === 'group' ? 'grid' : 'region');
    const total = rows.find((r) => r.total);
    const byRegion = s.level === 'village' || s.level === 'group' ? [] : rows.filter((r) => !r.total);
    const byGrid = s.level === 'village' || s.level === 'group' ? rows.filter((r) => !r.total) : [];
    // Only the regions and grids named in the figures: a county holds thousands.
    const keys = [...byRegion, ...byGrid].map((r) => r.key).filter((k): k is string => !!k);
    const regionRows = byRegion.length
      ? await db
          .select({ id: region.id, path: region.path, name: region.name })
          .from(region)
          .where(and(inArray(sql`${region.path}::text`, keys), inScope({ scopePath: s.focusPath }, region.path)))
      : [];
    const regionByPath = new Map(regionRows.map((r) => [String(r.path), r]));
    const gridRows =
      keys.length && byGrid.length
        ? await db
            .select({ id: grid.id, name: grid.name })
            .from(grid)
            .where(and(inArray(grid.id, keys), inScope({ scopePath: s.focusPath }, grid.regionPath)))
        : [];
    const gridById = new Map(gridRows.map((g) => [g.id, g]));
    const children = [
      ...byRegion.map(({ key, total: _t, ...f }) => ({
        kind: 'region' as const,
        id: regionByPath.get(key ?? '')?.id ?? null,
        name: regionByPath.get(key ?? '')?.name ?? '',
        ...f,
      })),
      ...byGrid.map(({ key, total: _t, ...f }) => ({
        kind: 'grid' as const,
        id: key,
        name: key ? (gridById.get(key)?.name ?? '') : '',
        ...f,
      })),
    ];
    const { key: _k, total: _t, ...totals } = total ?? { key: null, total: true, ...zero };
    return { roundId, regionId: s.regionId, regionName: s.regionName, total: totals, children };
  }

  async function households(actor: Actor, roundId: string, q: RoundHouseholdsQuery) {
    const s = await scopeOf(actor, roundId, q.regionId);
    const states: HouseholdState[] | undefined = q.state
      ? (STATE_SETS[q.state] ?? [q.state as HouseholdState])
      : undefined;
    return selectRoundHouseholds(
      db,
      s,
      {
        states,
        gridId: q.gridId,
        unassigned: q.unassigned === 'true',
        gridsOf: q.mine === 'true' ? actor.userId : undefined,
        q: q.q,
        visitedFrom: q.visitedFrom,
        visitedTo: q.visitedTo,
      },
      q,
    );
  }

  return { list, get, getRow, create, update, coverage, households };
}
