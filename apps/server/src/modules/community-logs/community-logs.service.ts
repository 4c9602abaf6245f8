import { and, desc, eq, sql } from 'drizzle-orm';
import {
  MAX_BROADCAST_HOURS,
  futureDateError,
  recordedTimeError,
  BACK_ENTRY_DAYS,
  addDays,
  shanghaiDateOf,
} from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { disinfection, publicity, region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid } from '../../http/problem.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import type {
  CreateDisinfectionBody,
  CreatePublicityBody,
  ListDisinfectionsQuery,
  ListPublicityQuery,
} from './community-logs.schemas.js';

/** 消杀 and 宣传 logs: what was disinfected and put out, per region; records the outbox may replay by id. */
export function communityLogsService(db: Db, now: () => Date) {
  const regionOf = async (actor: Actor, regionId: string) => {
    const r = await selectRegionInScope(db, actor, regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    return r;
  };

  const disinfectionFields = {
    id: disinfection.id,
    regionId: disinfection.regionId,
    regionName: region.name,
    placeKind: disinfection.placeKind,
    place: disinfection.place,
    doneAt: disinfection.doneAt,
    agent: disinfection.agent,
    areaM2: disinfection.areaM2,
    doneBy: disinfection.doneBy,
    note: disinfection.note,
  };
  async function listDisinfections(actor: Actor, q: ListDisinfectionsQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0, areaM2: 0 };
    const where = and(
      inScope(actor, disinfection.regionPath),
      below ? pathUnder(disinfection.regionPath, below) : undefined,
      q.placeKind ? eq(disinfection.placeKind, q.placeKind) : undefined,
      withinWindow(disinfection.doneAt, q.doneFrom, q.doneTo),
    );
    const [rows, [sums]] = await Promise.all([
      db
        .select(disinfectionFields)
        .from(disinfection)
        .innerJoin(region, eq(region.id, disinfection.regionId))
        .where(where)
        .orderBy(desc(disinfection.doneAt), desc(disinfection.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({
          total: sql<number>`count(*)::int`,
          areaM2: sql<number>`coalesce(sum(${disinfection.areaM2}), 0)::int`,
        })
        .from(disinfection)
        .where(where),
    ]);
    return { items: rows.map((r) => ({ ...r, doneAt: r.doneAt.toISOString() })), ...sums! };
  }

  async function createDisinfection(actor: Actor, body: CreateDisinfectionBody) {
    const r = await regionOf(actor, body.regionId);
    const id = body.id ?? uuidv7();
    const doneAt = new Date(body.doneAt);
    const [existing] = await db
      .select({ id: disinfection.id })
      .from(disinfection)
      .where(and(eq(disinfection.id, id), inScope(actor, disinfection.regionPath)));
    if (!existing) {
      const late = recordedTimeError(doneAt, now());
      if (late) throw invalid([{ field: 'doneAt', key: late }]);
      await db.transaction(async (tx) => {
        await tx.insert(disinfection).values({
          id,
          regionId: r.id,
          regionPath: r.path,
          placeKind: body.placeKind,
          place: body.place,
          doneAt,
          agent: body.agent ?? null,
          areaM2: body.areaM2,
          doneBy: body.doneBy ?? null,
          note: body.note ?? null,
          recordedBy: actor.userId || null,
        });
        await audit(tx, actor, {
          event: 'disinfection.create',
          targetType: 'disinfection',
          targetId: id,
          regionPath: r.path,
          detail: { placeKind: body.placeKind, areaM2: body.areaM2 },
        });
      });
    }
    const [row] = await db
      .select(disinfectionFields)
      .from(disinfection)
      .innerJoin(region, eq(region.id, disinfection.regionId))
      .where(eq(disinfection.id, id));
    return { ...row!, doneAt: row!.doneAt.toISOString() };
  }

  const publicityFields = {
    id: publicity.id,
    regionId: publicity.regionId,
    regionName: region.name,
    kind: publicity.kind,
    day: publicity.day,
    quantity: publicity.quantity,
    hours: publicity.hours,
    reach: publicity.reach,
    note: publicity.note,
  };
  async function listPublicity(actor: Actor, q: ListPublicityQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0, hours: 0, reach: 0 };
    const where = and(
      inScope(actor, publicity.regionPath),
      below ? pathUnder(publicity.regionPath, below) : undefined,
      q.kind ? eq(publicity.kind, q.kind) : undefined,
      q.day ? eq(publicity.day, q.day) : undefined,
    );
    const [rows, [sums]] = await Promise.all([
      db
        .select(publicityFields)
        .from(publicity)
        .innerJoin(region, eq(region.id, publicity.regionId))
        .where(where)
        .orderBy(desc(publicity.day), desc(publicity.createdAt))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({
          total: sql<number>`count(*)::int`,
          hours: sql<number>`coalesce(sum(${publicity.hours}), 0)::float8`,
          reach: sql<number>`coalesce(sum(${publicity.reach}), 0)::int`,
        })
        .from(publicity)
        .where(where),
    ]);
    return { items: rows, ...sums! };
  }

  async function createPublicity(actor: Actor, body: CreatePublicityBody) {
    const r = await regionOf(actor, body.regionId);
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ id: publicity.id })
      .from(publicity)
      .where(and(eq(publicity.id, id), inScope(actor, publicity.regionPath)));
    if (!existing) {
      const future = futureDateError(body.day, now());
      if (future) throw invalid([{ field: 'day', key: future }]);
      if (body.day < addDays(shanghaiDateOf(now()), -BACK_ENTRY_DAYS))
        throw invalid([{ field: 'day', key: 'time.tooOld' }]);
      await db.transaction(async (tx) => {
        if (body.kind === 'broadcast') {
          // One village's broadcasts of a day, serialised so two phones cannot pass 24 hours together.
          await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`publicity|${r.id}|${body.day}`}))`);
          const [sum] = await tx
            .select({ h: sql<number>`coalesce(sum(${publicity.hours}), 0)::float8` })
            .from(publicity)
            .where(and(eq(publicity.regionId, r.id), eq(publicity.day, body.day), eq(publicity.kind, 'broadcast')));
          if ((sum?.h ?? 0) + (body.hours ?? 0) > MAX_BROADCAST_HOURS)
            throw invalid([{ field: 'hours', key: 'publicity.hoursOver24' }]);
        }
        await tx.insert(publicity).values({
          id,
          regionId: r.id,
          regionPath: r.path,
          kind: body.kind,
          day: body.day,
          quantity: body.quantity,
          hours: body.hours ?? null,
          reach: body.reach ?? null,
          note: body.note ?? null,
          recordedBy: actor.userId || null,
        });
        await audit(tx, actor, {
          event: 'publicity.create',
          targetType: 'publicity',
          targetId: id,
          regionPath: r.path,
          detail: { kind: body.kind, day: body.day, quantity: body.quantity, hours: body.hours },
        });
      });
    }
    const [row] = await db
      .select(publicityFields)
      .from(publicity)
      .innerJoin(region, eq(region.id, publicity.regionId))
      .where(eq(publicity.id, id));
    return row!;
  }

  return { listDisinfections, createDisinfection, listPublicity, createPublicity };
}
