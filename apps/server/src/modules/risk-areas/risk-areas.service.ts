import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { riskArea } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { Problem, invalid, notFound } from '../../http/problem.js';
import type { CreateRiskAreaBody, ListRiskAreasQuery, UpdateRiskAreaBody } from './risk-areas.schemas.js';
import { activeOn, riskAreaById, riskAreaMatching, selectRiskAreas } from './risk-areas.queries.js';

/** The county list is written from the county only: one list for every township and checkpoint. */
function countyOf(actor: Actor) {
  if (actor.scopePath.includes('.')) throw new Problem(403, 'riskArea.countyOnly');
  return actor.scopePath;
}

export function riskAreasService(db: Db) {
  const list = (actor: Actor, q: ListRiskAreasQuery) =>
    selectRiskAreas(
      db,
      actor,
      and(q.q ? riskAreaMatching(q.q) : undefined, q.activeOn ? activeOn(q.activeOn) : undefined),
      q,
    );

  async function get(actor: Actor, id: string) {
    const found = (await selectRiskAreas(db, actor, riskAreaById(id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }

  async function create(actor: Actor, body: CreateRiskAreaBody) {
    const county = countyOf(actor);
    const id = body.id ?? uuidv7();
    const created = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(riskArea)
        .values({
          id,
          regionPath: county,
          name: body.name,
          level: body.level,
          startsOn: body.startsOn,
          endsOn: body.endsOn ?? null,
        })
        .onConflictDoNothing({ target: riskArea.id })
        .returning({ id: riskArea.id });
      if (!inserted.length) return false;
      await audit(tx, actor, {
        event: 'riskArea.create',
        targetType: 'riskArea',
        targetId: id,
        regionPath: county,
        detail: { name: body.name, level: body.level, startsOn: body.startsOn, endsOn: body.endsOn ?? null },
      });
      return true;
    });
    return { created, riskArea: await get(actor, id) };
  }

  async function update(actor: Actor, id: string, body: UpdateRiskAreaBody) {
    const county = countyOf(actor);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ startsOn: riskArea.startsOn, endsOn: riskArea.endsOn })
        .from(riskArea)
        .where(and(eq(riskArea.id, id), eq(riskArea.regionPath, county)))
        .for('update');
      if (!row) throw notFound();
      const startsOn = body.startsOn ?? row.startsOn;
      const endsOn = body.endsOn === undefined ? row.endsOn : body.endsOn;
      if (endsOn && endsOn < startsOn) throw invalid([{ field: 'endsOn', key: 'dateRange.order' }]);
      await tx.update(riskArea).set(body).where(eq(riskArea.id, id));
      await audit(tx, actor, {
        event: 'riskArea.update',
        targetType: 'riskArea',
        targetId: id,
        regionPath: county,
        detail: { ...body },
      });
    });
    return get(actor, id);
  }

  return { list, get, create, update };
}
