import { and, eq, sql } from 'drizzle-orm';
import { FINDING_OWED_STATUSES, shanghaiDateOf } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { finding, supplyItem, supplyStore } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathRelated } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { countyPathOf } from '../regions/region-scope.js';
import type { WaitingBody } from './supervision.schemas.js';

/**
 * 缺物资: a finding that cannot be rectified without a supply waits on a store (the county's
 * supplies group, a township's store …); while it waits its deadline does not make it overdue.
 * It may start waiting only while time remains (its deadline is today or later); released, the
 * deadline is at least the release day.
 */
export function findingWaitsService(db: Db, now: () => Date) {
  /** The stores a finding may wait on: at, above or below its region (names only). */
  async function storesFor(actor: Actor, id: string) {
    const [row] = await db
      .select({ regionPath: finding.regionPath })
      .from(finding)
      .where(and(eq(finding.id, id), inScope(actor, finding.regionPath)));
    if (!row) throw notFound();
    const items = await db
      .select({ id: supplyStore.id, name: supplyStore.name })
      .from(supplyStore)
      .where(pathRelated(supplyStore.regionPath, row.regionPath))
      .orderBy(sql`nlevel(${supplyStore.regionPath})`, supplyStore.name)
      .limit(200);
    return { items };
  }

  async function wait<T>(actor: Actor, id: string, body: WaitingBody, after: (id: string) => Promise<T>) {
    const at = now();
    const today = shanghaiDateOf(at);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({
          status: finding.status,
          regionPath: finding.regionPath,
          deadline: finding.deadline,
          since: finding.waitingSince,
          ended: finding.waitingEndedAt,
        })
        .from(finding)
        .where(and(eq(finding.id, id), inScope(actor, finding.regionPath)))
        .for('update');
      if (!row) throw notFound();
      const waiting = !!row.since && !row.ended;
      if (body.action === 'release') {
        if (!waiting) throw conflict('action', 'finding.notWaiting');
        const deadline = row.deadline < today ? today : row.deadline;
        await tx.update(finding).set({ waitingEndedAt: at, deadline }).where(eq(finding.id, id));
        await audit(tx, actor, {
          event: 'finding.release',
          targetType: 'finding',
          targetId: id,
          regionPath: row.regionPath,
          detail: { deadline },
        });
        return;
      }
      if (!(FINDING_OWED_STATUSES as readonly string[]).includes(row.status))
        throw conflict('status', 'finding.notAllowed');
      if (waiting) throw conflict('action', 'finding.alreadyWaiting');
      if (row.deadline < today) throw conflict('deadline', 'finding.noTimeLeft');
      const [store] = await tx
        .select({ id: supplyStore.id })
        .from(supplyStore)
        .where(and(eq(supplyStore.id, body.storeId), pathRelated(supplyStore.regionPath, row.regionPath)));
      const [item] = body.itemId
        ? await tx
            .select({ id: supplyItem.id })
            .from(supplyItem)
            .where(
              and(
                eq(supplyItem.id, body.itemId),
                sql`${supplyItem.regionPath} = ${countyPathOf(row.regionPath)}::ltree`,
              ),
            )
        : [{ id: null }];
      const errors = [
        ...(store ? [] : [{ field: 'storeId', key: 'notFound' }]),
        ...(item ? [] : [{ field: 'itemId', key: 'notFound' }]),
      ];
      if (errors.length) throw invalid(errors);
      await tx
        .update(finding)
        .set({
          waitingStoreId: body.storeId,
          waitingItemId: body.itemId ?? null,
          waitingNote: body.note || null,
          waitingSince: at,
          waitingEndedAt: null,
        })
        .where(eq(finding.id, id));
      await audit(tx, actor, {
        event: 'finding.wait',
        targetType: 'finding',
        targetId: id,
        regionPath: row.regionPath,
        detail: { storeId: body.storeId, itemId: body.itemId ?? null, note: body.note ?? null },
      });
    });
    return after(id);
  }

  return { wait, storesFor };
}
