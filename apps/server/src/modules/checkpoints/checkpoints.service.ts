import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { checkpoint } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound, conflict } from '../../http/problem.js';
import type { CreateCheckpointBody, ListCheckpointsQuery, UpdateCheckpointBody } from './checkpoints.schemas.js';
import {
  checkpointBelow,
  checkpointById,
  checkpointMatching,
  checkpointWithStatus,
  selectCheckpoints,
  selectRegionInScope,
} from './checkpoints.queries.js';

export function checkpointsService(db: Db, now: () => Date) {
  async function list(actor: Actor, q: ListCheckpointsQuery) {
    let below: string | undefined;
    if (q.regionId) {
      const r = await selectRegionInScope(db, actor, q.regionId);
      if (!r) throw notFound();
      below = r.path;
    }
    const where = and(
      below ? checkpointBelow(below) : undefined,
      q.status ? checkpointWithStatus(q.status) : undefined,
      q.q ? checkpointMatching(q.q) : undefined,
    );
    return selectCheckpoints(db, actor, where, q);
  }

  async function get(actor: Actor, id: string) {
    const found = (await selectCheckpoints(db, actor, checkpointById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }

  /** Creates a checkpoint; a replay with the same id answers the existing one (`created: false`). */
  async function create(actor: Actor, body: CreateCheckpointBody) {
    const r = await selectRegionInScope(db, actor, body.regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    if (r.level !== 'township' && r.level !== 'village')
      throw invalid([{ field: 'regionId', key: 'checkpoint.regionLevel' }]);
    const id = body.id ?? uuidv7();
    const created = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(checkpoint)
        .values({
          id,
          regionId: r.id,
          regionPath: r.path,
          name: body.name,
          kind: body.kind,
          location: body.location,
          facilities: body.facilities,
        })
        .onConflictDoNothing({ target: checkpoint.id })
        .returning({ id: checkpoint.id });
      if (!rows.length) return false;
      await audit(tx, actor, {
        event: 'checkpoint.create',
        targetType: 'checkpoint',
        targetId: id,
        regionPath: r.path,
        detail: { name: body.name, kind: body.kind },
      });
      return true;
    });
    const found = (await selectCheckpoints(db, actor, checkpointById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw conflict('id');
    return { checkpoint: found, created };
  }

  async function update(actor: Actor, id: string, body: UpdateCheckpointBody) {
    const before = await get(actor, id);
    await db.transaction(async (tx) => {
      const closing = body.status === 'closed' && before.status === 'open';
      const opening = body.status === 'open' && before.status === 'closed';
      await tx
        .update(checkpoint)
        .set({
          ...body,
          ...(closing ? { closedAt: now() } : opening ? { closedAt: null } : {}),
          updatedAt: now(),
        })
        .where(and(eq(checkpoint.id, id), inScope(actor, checkpoint.regionPath)));
      await audit(tx, actor, {
        event: 'checkpoint.update',
        targetType: 'checkpoint',
        targetId: id,
        regionPath: before.regionPath,
        detail: { fields: Object.keys(body), ...(body.status ? { status: body.status } : {}) },
      });
    });
    return get(actor, id);
  }

  return { list, get, create, update };
}
