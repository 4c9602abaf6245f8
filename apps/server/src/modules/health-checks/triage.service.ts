import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyPerson, person, region, triageTask, walkIn } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath } from '../regions/region-scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import type { ListTriageQuery } from './health-checks.schemas.js';

/** 预检分诊 tasks of the township health centre: acknowledge (stops escalation), then close with the outcome. */
export function triageService(db: Db, now: () => Date) {
  const select = (where: ReturnType<typeof and>) =>
    db
      .select({
        task: triageTask,
        name: sql<string>`coalesce(${person.name}, ${walkIn.name})`,
        regionName: region.name,
        referredTo: walkIn.referredTo,
        transferredAt: walkIn.transferredAt,
      })
      .from(triageTask)
      // A key person's fever, or a clinic's walk-in patient (预检分诊): the same task either way.
      .leftJoin(keyPerson, eq(keyPerson.id, triageTask.keyPersonId))
      .leftJoin(person, eq(person.id, keyPerson.personId))
      .leftJoin(walkIn, eq(walkIn.id, triageTask.walkInId))
      .innerJoin(region, sql`${region.id} = coalesce(${keyPerson.regionId}, ${walkIn.regionId})`)
      .where(where);

  const shape = (at: Date) => (r: Awaited<ReturnType<typeof select>>[number]) => ({
    ...r.task,
    name: r.name,
    regionName: r.regionName,
    referredTo: r.referredTo,
    transferredAt: r.transferredAt?.toISOString() ?? null,
    deadline: r.task.deadline.toISOString(),
    overdue: r.task.status === 'open' && r.task.deadline <= at,
    escalatedAt: r.task.escalatedAt?.toISOString() ?? null,
    acknowledgedAt: r.task.acknowledgedAt?.toISOString() ?? null,
    createdAt: r.task.createdAt.toISOString(),
  });

  async function list(actor: Actor, q: ListTriageQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const filter = and(
      inScope(actor, triageTask.regionPath),
      q.status ? eq(triageTask.status, q.status) : undefined,
      q.keyPersonId ? eq(triageTask.keyPersonId, q.keyPersonId) : undefined,
      below ? pathUnder(triageTask.regionPath, below) : undefined,
      withinWindow(triageTask.createdAt, q.createdFrom, q.createdTo),
    );
    const [items, [total]] = await Promise.all([
      select(filter)
        .orderBy(asc(triageTask.deadline))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(triageTask).where(filter),
    ]);
    return { items: items.map(shape(now())), total: total?.n ?? 0 };
  }

  async function transition(actor: Actor, id: string, to: 'acknowledged' | 'closed', outcome?: string) {
    const [found] = await select(and(eq(triageTask.id, id), inScope(actor, triageTask.regionPath)));
    if (!found) throw notFound();
    const from = found.task.status;
    if (from === 'closed' || (to === 'acknowledged' && from !== 'open'))
      throw invalid([{ field: 'status', key: 'triage.transition' }]);
    const at = now();
    await db.transaction(async (tx) => {
      await tx
        .update(triageTask)
        .set({
          status: to,
          acknowledgedAt: found.task.acknowledgedAt ?? at,
          acknowledgedBy: found.task.acknowledgedBy ?? actor.userId,
          ...(outcome ? { outcome } : {}),
        })
        .where(eq(triageTask.id, id));
      await audit(tx, actor, {
        event: 'triage.acknowledge',
        targetType: found.task.walkInId ? 'walkIn' : 'keyPerson',
        targetId: found.task.keyPersonId ?? found.task.walkInId ?? undefined,
        regionPath: found.task.regionPath,
        detail: { task: id, to, outcome },
      });
    });
    const [after] = await select(eq(triageTask.id, id));
    return shape(now())(after!);
  }

  return {
    list,
    acknowledge: (a: Actor, id: string) => transition(a, id, 'acknowledged'),
    close: (a: Actor, id: string, outcome: string) => transition(a, id, 'closed', outcome),
  };
}
