import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { maskIdNumber, maskPhone, recordedTimeError } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { person, region, sentinel, triageTask, walkIn } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder, regionFilterPath } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { blindMatch } from '../../security/personal-data-sql.js';
import { notifyEvent } from '../../events/events.js';
import { countyPathOf } from '../regions/region-scope.js';
import { settingsFor } from '../county-settings/index.js';
import { siteOfAccount } from './sentinels.queries.js';
import type { CreateWalkInBody, ReferWalkInBody } from './walk-ins.schemas.js';

/** 预检分诊 at a clinic: walk-in patients with fever or respiratory symptoms, each with the same triage task as a key person's fever. */
export function walkInsService(db: Db, now: () => Date) {
  const select = (where: SQL | undefined) =>
    db
      .select({
        w: walkIn,
        sentinelName: sentinel.name,
        regionName: region.name,
        triageTaskId: triageTask.id,
        triageStatus: triageTask.status,
        outcome: triageTask.outcome,
      })
      .from(walkIn)
      .innerJoin(sentinel, eq(sentinel.id, walkIn.sentinelId))
      .innerJoin(region, eq(region.id, walkIn.regionId))
      .leftJoin(triageTask, eq(triageTask.walkInId, walkIn.id))
      .where(where)
      .orderBy(desc(walkIn.arrivedAt), desc(walkIn.id));
  type Row = Awaited<ReturnType<typeof select>>[number];
  const present = ({ w, ...r }: Row) => ({
    id: w.id,
    sentinelId: w.sentinelId,
    regionId: w.regionId,
    name: w.name,
    idNumber: maskIdNumber(w.idNumber),
    phone: w.phone && maskPhone(w.phone),
    temperature: w.temperature,
    symptoms: w.symptoms,
    arrivedAt: w.arrivedAt.toISOString(),
    referredTo: w.referredTo,
    transferredAt: w.transferredAt?.toISOString() ?? null,
    ...r,
  });

  async function list(actor: Actor, q: { regionId?: string; page: number; pageSize: number }) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const where = and(inScope(actor, walkIn.regionPath), below ? pathUnder(walkIn.regionPath, below) : undefined);
    const [rows, [count]] = await Promise.all([
      select(where)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(walkIn).where(where),
    ]);
    return { items: rows.map(present), total: count?.n ?? 0 };
  }

  async function record(actor: Actor, body: CreateWalkInBody) {
    const site = await siteOfAccount(db, actor.userId);
    if (!site || site.id !== body.sentinelId) throw invalid([{ field: 'sentinelId', key: 'sentinelSale.notYourSite' }]);
    const id = body.id ?? uuidv7();
    const arrivedAt = body.arrivedAt ? new Date(body.arrivedAt) : now();
    const [stored] = await db
      .select({ sentinelId: walkIn.sentinelId, name: walkIn.name })
      .from(walkIn)
      .where(eq(walkIn.id, id));
    if (stored) {
      assertSameReplay(stored, { sentinelId: body.sentinelId, name: body.name });
      return one(eq(walkIn.id, id));
    }
    const late = recordedTimeError(arrivedAt, now());
    if (late) throw invalid([{ field: 'arrivedAt', key: late }]);
    if (body.temperature < 37.3 && body.symptoms.length === 0)
      throw invalid([{ field: 'symptoms', key: 'walkIn.noSign' }]);
    const [known] = await db
      .select({ id: person.id })
      .from(person)
      .where(
        and(
          blindMatch(person.idNumberBidx, 'idNumber', body.idNumber),
          pathUnder(person.regionPath, countyPathOf(site.regionPath)),
        ),
      )
      .limit(1);
    const { triageDeadlineHours } = await settingsFor(db, 'policy', site.regionPath);
    const taskId = uuidv7();
    await db.transaction(async (tx) => {
      await tx.insert(walkIn).values({
        id,
        sentinelId: site.id,
        regionId: site.regionId,
        regionPath: site.regionPath,
        personId: known?.id ?? null,
        name: body.name,
        idNumber: body.idNumber,
        phone: body.phone ?? null,
        temperature: body.temperature,
        symptoms: body.symptoms,
        arrivedAt,
        recordedBy: actor.userId || null,
      });
      await tx.insert(triageTask).values({
        id: taskId,
        walkInId: id,
        regionPath: site.regionPath,
        temperature: body.temperature,
        symptoms: body.symptoms,
        deadline: new Date(now().getTime() + triageDeadlineHours * 3_600_000),
      });
      await notifyEvent(tx, {
        type: 'fever',
        regionPath: site.regionPath,
        payload: { triageTaskId: taskId, walkInId: id },
      });
      await audit(tx, actor, {
        event: 'walkIn.create',
        targetType: 'walkIn',
        targetId: id,
        regionPath: site.regionPath,
        detail: { sentinelId: site.id, triageTaskId: taskId, temperature: body.temperature },
      });
    });
    return one(eq(walkIn.id, id));
  }

  /** 转诊: the health centre sends the patient to the fever clinic; the task's outcome closes it on the triage page. */
  async function refer(actor: Actor, id: string, body: ReferWalkInBody) {
    const [w] = await db
      .select({ regionPath: walkIn.regionPath, arrivedAt: walkIn.arrivedAt })
      .from(walkIn)
      .where(and(eq(walkIn.id, id), inScope(actor, walkIn.regionPath)));
    if (!w) throw notFound();
    const transferredAt = new Date(body.transferredAt);
    if (transferredAt < w.arrivedAt) throw invalid([{ field: 'transferredAt', key: 'walkIn.transferBeforeArrival' }]);
    const late = recordedTimeError(transferredAt, now());
    if (late) throw invalid([{ field: 'transferredAt', key: late }]);
    await db.transaction(async (tx) => {
      await tx.update(walkIn).set({ referredTo: body.referredTo, transferredAt }).where(eq(walkIn.id, id));
      await audit(tx, actor, {
        event: 'walkIn.refer',
        targetType: 'walkIn',
        targetId: id,
        regionPath: w.regionPath,
        detail: { referredTo: body.referredTo, transferredAt: body.transferredAt },
      });
    });
    return one(eq(walkIn.id, id));
  }

  async function one(where: SQL) {
    const [row] = await select(where);
    if (!row) throw notFound();
    return present(row);
  }

  return { list, record, refer };
}
