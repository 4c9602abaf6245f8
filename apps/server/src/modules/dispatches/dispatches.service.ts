import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { commandUnit, dispatch, region, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import type { CreateDispatchBody, ListDispatchesQuery } from './dispatches.schemas.js';

const toRegion = alias(region, 'to_region');
const fromRegion = alias(region, 'from_region');
const sender = alias(users, 'sender');
const replier = alias(users, 'replier');

/** 调度: tasks handed down with a deadline; the receiver replies, the sender closes or returns them. */
export function dispatchesService(db: Db, now: () => Date) {
  const select = (actor: Actor, where: SQL | undefined, page?: { limit: number; offset: number }) => {
    const q = db
      .select({
        id: dispatch.id,
        title: dispatch.title,
        body: dispatch.body,
        deadline: dispatch.deadline,
        status: dispatch.status,
        fromName: sender.displayName,
        fromRegionName: fromRegion.name,
        fromRegionPath: dispatch.fromRegionPath,
        toRegionId: dispatch.toRegionId,
        toRegionName: toRegion.name,
        toRegionPath: dispatch.toRegionPath,
        toUnitId: dispatch.toUnitId,
        toUnitName: commandUnit.name,
        reply: dispatch.reply,
        repliedAt: dispatch.repliedAt,
        repliedByName: replier.displayName,
        closedAt: dispatch.closedAt,
        createdAt: dispatch.createdAt,
      })
      .from(dispatch)
      .innerJoin(sender, eq(sender.id, dispatch.fromUserId))
      .innerJoin(fromRegion, eq(fromRegion.path, dispatch.fromRegionPath))
      .innerJoin(toRegion, eq(toRegion.id, dispatch.toRegionId))
      .leftJoin(commandUnit, eq(commandUnit.id, dispatch.toUnitId))
      .leftJoin(replier, eq(replier.id, dispatch.repliedBy))
      .where(and(sql`(${inScope(actor, dispatch.toRegionPath)} OR ${inScope(actor, dispatch.fromRegionPath)})`, where))
      .orderBy(desc(dispatch.createdAt));
    return page ? q.limit(page.limit).offset(page.offset) : q;
  };
  const at = () => now();
  const present =
    (actor: Actor) =>
    ({
      fromRegionPath,
      toRegionPath,
      deadline,
      repliedAt,
      closedAt,
      createdAt,
      ...d
    }: Awaited<ReturnType<typeof select>>[number]) => ({
      ...d,
      deadline: deadline.toISOString(),
      repliedAt: repliedAt?.toISOString() ?? null,
      closedAt: closedAt?.toISOString() ?? null,
      createdAt: createdAt.toISOString(),
      overdue: d.status === 'open' && deadline <= at(),
      canReply: toRegionPath === actor.scopePath && d.status === 'open',
      canClose: fromRegionPath === actor.scopePath && d.status !== 'closed',
    });

  const boxFilter = (actor: Actor, box: 'inbox' | 'outbox') =>
    box === 'inbox' ? eq(dispatch.toRegionPath, actor.scopePath) : eq(dispatch.fromRegionPath, actor.scopePath);

  async function list(actor: Actor, q: ListDispatchesQuery) {
    const where = and(boxFilter(actor, q.box), q.status ? eq(dispatch.status, q.status) : undefined);
    const [rows, [count]] = await Promise.all([
      select(actor, where, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
      db
        .select({ n: sql<number>`count(*)::int` })
        .from(dispatch)
        .where(
          and(where, sql`(${inScope(actor, dispatch.toRegionPath)} OR ${inScope(actor, dispatch.fromRegionPath)})`),
        ),
    ]);
    return { items: rows.map(present(actor)), total: count?.n ?? 0 };
  }

  async function get(actor: Actor, id: string) {
    const [row] = await select(actor, eq(dispatch.id, id));
    if (!row) throw notFound();
    return present(actor)(row);
  }

  async function create(actor: Actor, body: CreateDispatchBody) {
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ id: dispatch.id })
      .from(dispatch)
      .where(and(eq(dispatch.id, id), eq(dispatch.fromRegionPath, actor.scopePath)));
    if (existing) return get(actor, id);
    let to: { regionId: string; path: string; unitId: string | null };
    if (body.toUnitId) {
      const [u] = await db
        .select({ regionId: commandUnit.regionId, path: commandUnit.regionPath })
        .from(commandUnit)
        .where(and(eq(commandUnit.id, body.toUnitId), inScope(actor, commandUnit.regionPath)));
      if (!u) throw invalid([{ field: 'toUnitId', key: 'notFound' }]);
      to = { ...u, unitId: body.toUnitId };
    } else {
      const r = await selectRegionInScope(db, actor, body.toRegionId!);
      // A task goes down: to a region below the sender's, or to a unit (of any level in scope).
      if (!r || r.path === actor.scopePath) throw invalid([{ field: 'toRegionId', key: 'notFound' }]);
      to = { regionId: r.id, path: r.path, unitId: null };
    }
    if (new Date(body.deadline) <= at()) throw invalid([{ field: 'deadline', key: 'dispatch.deadlinePast' }]);
    await db.transaction(async (tx) => {
      await tx.insert(dispatch).values({
        id,
        fromRegionPath: actor.scopePath,
        fromUserId: actor.userId,
        toRegionId: to.regionId,
        toRegionPath: to.path,
        toUnitId: to.unitId,
        title: body.title,
        body: body.body ?? null,
        deadline: new Date(body.deadline),
      });
      await audit(tx, actor, {
        event: 'dispatch.create',
        targetType: 'dispatch',
        targetId: id,
        regionPath: to.path,
        detail: { title: body.title, toUnitId: to.unitId },
      });
    });
    return get(actor, id);
  }

  async function reply(actor: Actor, id: string, text: string) {
    const d = await get(actor, id);
    if (!d.canReply) throw invalid([{ field: 'reply', key: 'dispatch.notYours' }]);
    await db.transaction(async (tx) => {
      await tx
        .update(dispatch)
        .set({ status: 'replied', reply: text, repliedAt: at(), repliedBy: actor.userId })
        .where(and(eq(dispatch.id, id), eq(dispatch.status, 'open')));
      await audit(tx, actor, {
        event: 'dispatch.reply',
        targetType: 'dispatch',
        targetId: id,
        regionPath: actor.scopePath,
      });
    });
    return get(actor, id);
  }

  async function followUp(actor: Actor, id: string, action: 'close' | 'return') {
    const d = await get(actor, id);
    if (!d.canClose) throw invalid([{ field: 'action', key: 'dispatch.notYours' }]);
    await db.transaction(async (tx) => {
      await tx
        .update(dispatch)
        .set(action === 'close' ? { status: 'closed', closedAt: at() } : { status: 'open' })
        .where(eq(dispatch.id, id));
      await audit(tx, actor, {
        event: 'dispatch.followUp',
        targetType: 'dispatch',
        targetId: id,
        regionPath: actor.scopePath,
        detail: { action },
      });
    });
    return get(actor, id);
  }

  return { list, get, create, reply, followUp };
}
