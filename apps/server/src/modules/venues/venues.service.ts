import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { maskPhone, recordedTimeError, shanghaiDateOf, type VenueOrderKind } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { region, users, venue, venueCheck, venueOrder } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, relatedToScope, pathUnder, pathRelated } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import { orderAppliesTo, orderInEffect, orderKinds, underOrder } from './venues.queries.js';
import type {
  CreateCheckBody,
  CreateOrderBody,
  CreateVenueBody,
  ListChecksQuery,
  ListVenuesQuery,
} from './venues.schemas.js';

const latest = sql`FROM venue_check c WHERE c.venue_id = venue.id ORDER BY c.checked_at DESC, c.id DESC LIMIT 1`;
const lastResult = sql`(SELECT c.result ${latest})`;

/** 场所: the register of venues, the orders on them (管控措施) and the checks of compliance, with re-checks. */
export function venuesService(db: Db, now: () => Date) {
  const today = () => shanghaiDateOf(now());
  const fields = (day: string) => ({
    id: venue.id,
    regionId: venue.regionId,
    regionName: region.name,
    type: venue.type,
    name: venue.name,
    address: venue.address,
    operator: venue.operator,
    phone: venue.phone,
    orders: sql<VenueOrderKind[]>`${orderKinds('venue', day)}`,
    lastCheckedAt: sql<Date | null>`(SELECT c.checked_at ${latest})`.mapWith(venueCheck.checkedAt),
    lastResult: sql<'compliant' | 'violation' | 'reopenedWithoutPermission' | null>`${lastResult}`,
  });
  type Row = { phone: string | null; lastCheckedAt: Date | null; lastResult: string | null; orders: string[] } & Record<
    string,
    unknown
  >;
  const present = <R extends Row>({ phone, lastCheckedAt, ...r }: R) => ({
    ...r,
    phone: phone && maskPhone(phone),
    lastCheckedAt: lastCheckedAt?.toISOString() ?? null,
    needsRecheck: r.lastResult !== null && r.lastResult !== 'compliant',
  });
  const select = (where: SQL | undefined, day: string) =>
    db.select(fields(day)).from(venue).innerJoin(region, eq(region.id, venue.regionId)).where(where);

  async function list(actor: Actor, q: ListVenuesQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const day = q.onDay ?? today();
    const where = and(
      inScope(actor, venue.regionPath),
      q.order ? underOrder('venue', day, q.order) : undefined,
      below ? pathUnder(venue.regionPath, below) : undefined,
      q.type ? eq(venue.type, q.type) : undefined,
      q.underOrder === 'true'
        ? underOrder('venue', day)
        : q.underOrder === 'false'
          ? sql`NOT ${underOrder('venue', day)}`
          : undefined,
      q.needsRecheck === 'true'
        ? sql`coalesce(${lastResult} <> 'compliant', false)`
        : q.needsRecheck === 'false'
          ? sql`coalesce(${lastResult} = 'compliant', true)`
          : undefined,
    );
    const [rows, [count]] = await Promise.all([
      select(where, day)
        .orderBy(asc(venue.regionPath), asc(venue.type), asc(venue.name))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(venue).where(where),
    ]);
    return { items: rows.map(present), total: count?.n ?? 0 };
  }

  /** 超期未检查: venues under an order today whose last check is older than `days` days (or that were never checked). */
  async function unchecked(actor: Actor, q: { regionId?: string; days: number }) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const since = new Date(now().getTime() - q.days * 86_400_000);
    const rows = await select(
      and(
        inScope(actor, venue.regionPath),
        below ? pathUnder(venue.regionPath, below) : undefined,
        underOrder('venue', today()),
        sql`NOT EXISTS (SELECT 1 FROM venue_check c WHERE c.venue_id = venue.id AND c.checked_at >= ${since})`,
      ),
      today(),
    )
      .orderBy(sql`(SELECT c.checked_at ${latest}) ASC NULLS FIRST`, asc(venue.name))
      .limit(500);
    return { items: rows.map(present), total: rows.length };
  }

  /** 检查记录: checks in scope, newest first (the daily report's checks and violations drill into it). */
  async function listChecks(actor: Actor, q: ListChecksQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const where = and(
      inScope(actor, venueCheck.regionPath),
      below ? pathUnder(venueCheck.regionPath, below) : undefined,
      q.violation ? sql`${venueCheck.result} <> 'compliant'` : undefined,
      withinWindow(venueCheck.checkedAt, q.checkedFrom, q.checkedTo),
    );
    const [rows, [count]] = await Promise.all([
      db
        .select({
          id: venueCheck.id,
          venueId: venue.id,
          venueName: venue.name,
          venueType: venue.type,
          regionName: region.name,
          checkedAt: venueCheck.checkedAt,
          result: venueCheck.result,
          actionTaken: venueCheck.actionTaken,
          note: venueCheck.note,
          recheckOf: venueCheck.recheckOf,
          checkedBy: users.displayName,
        })
        .from(venueCheck)
        .innerJoin(venue, eq(venue.id, venueCheck.venueId))
        .innerJoin(region, eq(region.id, venue.regionId))
        .leftJoin(users, eq(users.id, venueCheck.checkedBy))
        .where(where)
        .orderBy(desc(venueCheck.checkedAt), desc(venueCheck.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(venueCheck).where(where),
    ]);
    return { items: rows.map((c) => ({ ...c, checkedAt: c.checkedAt.toISOString() })), total: count?.n ?? 0 };
  }

  const orderFields = (day: string) => ({
    id: venueOrder.id,
    regionId: venueOrder.regionId,
    regionName: region.name,
    venueType: venueOrder.venueType,
    venueId: venueOrder.venueId,
    venueName: sql<string | null>`(SELECT v.name FROM venue v WHERE v.id = ${venueOrder.venueId})`,
    kind: venueOrder.kind,
    hours: venueOrder.hours,
    effectiveFrom: venueOrder.effectiveFrom,
    effectiveUntil: venueOrder.effectiveUntil,
    note: venueOrder.note,
    inEffect: sql<boolean>`(${orderInEffect('venue_order', day)})`,
  });

  async function get(actor: Actor, id: string) {
    const day = today();
    const [row] = await select(and(eq(venue.id, id), inScope(actor, venue.regionPath)), day);
    if (!row) throw notFound();
    const [orderList, checks] = await Promise.all([
      db
        .select(orderFields(day))
        .from(venueOrder)
        .innerJoin(region, eq(region.id, venueOrder.regionId))
        .where(sql`EXISTS (SELECT 1 FROM venue WHERE venue.id = ${id} AND ${orderAppliesTo('venue_order', 'venue')})`)
        .orderBy(desc(venueOrder.effectiveFrom), desc(venueOrder.createdAt)),
      db
        .select({
          id: venueCheck.id,
          checkedAt: venueCheck.checkedAt,
          result: venueCheck.result,
          actionTaken: venueCheck.actionTaken,
          note: venueCheck.note,
          recheckOf: venueCheck.recheckOf,
          checkedBy: users.displayName,
        })
        .from(venueCheck)
        .leftJoin(users, eq(users.id, venueCheck.checkedBy))
        .where(eq(venueCheck.venueId, id))
        .orderBy(desc(venueCheck.checkedAt), desc(venueCheck.id)),
    ]);
    return { ...present(row), orderList, checks: checks.map((c) => ({ ...c, checkedAt: c.checkedAt.toISOString() })) };
  }

  async function create(actor: Actor, body: CreateVenueBody) {
    const r = await selectRegionInScope(db, actor, body.regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ regionId: venue.regionId, type: venue.type, name: venue.name })
      .from(venue)
      .where(and(eq(venue.id, id), inScope(actor, venue.regionPath)));
    if (existing) assertSameReplay(existing, body);
    else
      await db.transaction(async (tx) => {
        await tx.insert(venue).values({
          id,
          regionId: r.id,
          regionPath: r.path,
          type: body.type,
          name: body.name,
          address: body.address ?? null,
          operator: body.operator ?? null,
          phone: body.phone ?? null,
        });
        await audit(tx, actor, {
          event: 'venue.create',
          targetType: 'venue',
          targetId: id,
          regionPath: r.path,
          detail: { type: body.type, name: body.name },
        });
      });
    return get(actor, id);
  }

  async function listOrders(actor: Actor, q: { regionId?: string; inEffect?: 'true' | 'false' }) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const day = today();
    // An order on a type by the county concerns a village's venues too; an order on one venue only those who see the venue.
    const items = await db
      .select(orderFields(day))
      .from(venueOrder)
      .innerJoin(region, eq(region.id, venueOrder.regionId))
      .where(
        and(
          sql`CASE WHEN ${venueOrder.venueId} IS NULL THEN ${relatedToScope(actor, venueOrder.regionPath)} ELSE ${inScope(actor, venueOrder.regionPath)} END`,
          below ? pathRelated(venueOrder.regionPath, below) : undefined,
          q.inEffect === 'true'
            ? orderInEffect('venue_order', day)
            : q.inEffect === 'false'
              ? sql`NOT (${orderInEffect('venue_order', day)})`
              : undefined,
        ),
      )
      .orderBy(desc(venueOrder.effectiveFrom), desc(venueOrder.createdAt))
      .limit(500);
    return { items, total: items.length };
  }

  async function getOrder(actor: Actor, id: string) {
    const [o] = await db
      .select(orderFields(today()))
      .from(venueOrder)
      .innerJoin(region, eq(region.id, venueOrder.regionId))
      .where(and(eq(venueOrder.id, id), inScope(actor, venueOrder.regionPath)));
    if (!o) throw notFound();
    return o;
  }

  async function createOrder(actor: Actor, body: CreateOrderBody) {
    let target: { regionId: string; regionPath: string };
    if (body.venueId) {
      const [v] = await db
        .select({ regionId: venue.regionId, regionPath: venue.regionPath })
        .from(venue)
        .where(and(eq(venue.id, body.venueId), inScope(actor, venue.regionPath)));
      if (!v) throw invalid([{ field: 'venueId', key: 'notFound' }]);
      target = v;
    } else {
      const r = await selectRegionInScope(db, actor, body.regionId!);
      if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
      target = { regionId: r.id, regionPath: r.path };
    }
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({
        kind: venueOrder.kind,
        venueId: venueOrder.venueId,
        venueType: venueOrder.venueType,
        effectiveFrom: venueOrder.effectiveFrom,
      })
      .from(venueOrder)
      .where(and(eq(venueOrder.id, id), inScope(actor, venueOrder.regionPath)));
    if (existing) assertSameReplay(existing, body);
    else
      await db.transaction(async (tx) => {
        await tx.insert(venueOrder).values({
          id,
          regionId: target.regionId,
          regionPath: target.regionPath,
          venueType: body.venueId ? null : body.venueType!,
          venueId: body.venueId ?? null,
          kind: body.kind,
          hours: body.hours ?? null,
          effectiveFrom: body.effectiveFrom,
          effectiveUntil: body.effectiveUntil ?? null,
          note: body.note ?? null,
          createdBy: actor.userId || null,
        });
        await audit(tx, actor, {
          event: 'venueOrder.create',
          targetType: 'venueOrder',
          targetId: id,
          regionPath: target.regionPath,
          detail: {
            kind: body.kind,
            venueId: body.venueId,
            venueType: body.venueType,
            effectiveFrom: body.effectiveFrom,
            effectiveUntil: body.effectiveUntil,
          },
        });
      });
    return getOrder(actor, id);
  }

  /** 解除: an order in effect today ends with today (today's figures still count it). */
  async function liftOrder(actor: Actor, id: string) {
    const order = await getOrder(actor, id);
    if (!order.inEffect) throw conflict('effectiveUntil');
    const day = today();
    await db.transaction(async (tx) => {
      await tx.update(venueOrder).set({ effectiveUntil: day }).where(eq(venueOrder.id, id));
      await audit(tx, actor, {
        event: 'venueOrder.lift',
        targetType: 'venueOrder',
        targetId: id,
        detail: { kind: order.kind, effectiveUntil: day, was: order.effectiveUntil },
      });
    });
    return getOrder(actor, id);
  }

  async function check(actor: Actor, venueId: string, body: CreateCheckBody) {
    const [v] = await db
      .select({ regionPath: venue.regionPath })
      .from(venue)
      .where(and(eq(venue.id, venueId), inScope(actor, venue.regionPath)));
    if (!v) throw notFound();
    const id = body.id ?? uuidv7();
    const checkedAt = new Date(body.checkedAt);
    const [existing] = await db
      .select({ venueId: venueCheck.venueId, result: venueCheck.result, checkedAt: venueCheck.checkedAt })
      .from(venueCheck)
      .where(eq(venueCheck.id, id));
    if (existing) {
      assertSameReplay(existing, { venueId, result: body.result, checkedAt });
      return get(actor, venueId);
    }
    const late = recordedTimeError(checkedAt, now());
    if (late) throw invalid([{ field: 'checkedAt', key: late }]);
    if (body.recheckOf) {
      const [of] = await db
        .select({ result: venueCheck.result })
        .from(venueCheck)
        .where(and(eq(venueCheck.id, body.recheckOf), eq(venueCheck.venueId, venueId)));
      if (!of || of.result === 'compliant') throw invalid([{ field: 'recheckOf', key: 'venueCheck.recheckOf' }]);
    }
    await db.transaction(async (tx) => {
      await tx.insert(venueCheck).values({
        id,
        venueId,
        regionPath: v.regionPath,
        checkedAt,
        result: body.result,
        actionTaken: body.actionTaken ?? null,
        note: body.note ?? null,
        recheckOf: body.recheckOf ?? null,
        checkedBy: actor.userId || null,
      });
      await audit(tx, actor, {
        event: 'venueCheck.create',
        targetType: 'venue',
        targetId: venueId,
        regionPath: v.regionPath,
        detail: { checkId: id, result: body.result, recheckOf: body.recheckOf },
      });
    });
    return get(actor, venueId);
  }

  return { list, unchecked, listChecks, get, create, listOrders, createOrder, liftOrder, check };
}
