import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { reportDayOf, seededSample, shanghaiDateOf } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { finding, region, spotCheck, spotCheckRecord } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import { settingsFor } from '../county-settings/index.js';
import { computeDrillDowns, reportMoment } from '../daily-reports/figures.js';
import type {
  CreateSpotCheckBody,
  ListSpotCheckRecordsQuery,
  ListSpotChecksQuery,
  RecordOutcomeBody,
} from './spot-checks.schemas.js';

/** Reads one page of a list route as the caller (the drill-down lists, with their own scope and masking). */
export type ListReader = (
  api: string,
  query: Record<string, string>,
) => Promise<{ items: Record<string, unknown>[]; total: number } | null>;

type Page = { page: number; pageSize: number };

const labelOf = (r: Record<string, unknown>) =>
  ['name', 'headName', 'personName', 'plate', 'address', 'regionName']
    .map((k) => r[k])
    .filter((v): v is string => typeof v === 'string' && v !== '')
    .slice(0, 3)
    .join(' · ') || String(r.id);

/** 数据核查: a seeded sample of the records behind a figure, each confirmed or found discrepant. */
export function spotChecksService(db: Db, now: () => Date) {
  const counts = {
    size: sql<number>`(SELECT count(*)::int FROM spot_check_record r WHERE r.spot_check_id = ${spotCheck.id})`,
    checked: sql<number>`(SELECT count(*)::int FROM spot_check_record r WHERE r.spot_check_id = ${spotCheck.id} AND r.outcome <> 'pending')`,
    discrepant: sql<number>`(SELECT count(*)::int FROM spot_check_record r WHERE r.spot_check_id = ${spotCheck.id} AND r.outcome = 'discrepant')`,
  };

  async function selectSpotChecks(tx: Tx, actor: Actor, where: SQL | undefined, page: Page) {
    const filter = and(inScope(actor, spotCheck.regionPath), where);
    const [rows, [total]] = await Promise.all([
      tx
        .select({ s: spotCheck, regionName: region.name, ...counts })
        .from(spotCheck)
        .innerJoin(region, eq(region.id, spotCheck.regionId))
        .where(filter)
        .orderBy(desc(spotCheck.createdAt), desc(spotCheck.id))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize),
      tx.select({ n: sql<number>`count(*)::int` }).from(spotCheck).where(filter),
    ]);
    const items = rows.map(({ s, regionName, size, checked, discrepant }) => ({
      id: s.id,
      regionId: s.regionId,
      regionName,
      section: s.section,
      figure: s.figure,
      reportDay: s.reportDay,
      seed: s.seed,
      population: s.population,
      size,
      checked,
      discrepant,
      inspectorName: s.inspectorName,
      createdAt: s.createdAt.toISOString(),
    }));
    return { items, total: total?.n ?? 0 };
  }

  async function selectRecords(tx: Tx, actor: Actor, where: SQL | undefined, page: Page) {
    const filter = and(inScope(actor, spotCheckRecord.regionPath), where);
    const [rows, [total]] = await Promise.all([
      tx
        .select({ r: spotCheckRecord, regionName: region.name })
        .from(spotCheckRecord)
        .innerJoin(region, eq(region.id, spotCheckRecord.regionId))
        .where(filter)
        .orderBy(asc(spotCheckRecord.spotCheckId), asc(spotCheckRecord.position))
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize),
      tx.select({ n: sql<number>`count(*)::int` }).from(spotCheckRecord).where(filter),
    ]);
    const items = rows.map(({ r, regionName }) => ({
      id: r.id,
      spotCheckId: r.spotCheckId,
      position: r.position,
      recordId: r.recordId,
      label: r.label,
      regionId: r.regionId,
      regionName,
      outcome: r.outcome,
      note: r.note,
      checkedAt: r.checkedAt?.toISOString() ?? null,
      findingId: r.findingId,
    }));
    return { items, total: total?.n ?? 0 };
  }

  async function get(actor: Actor, id: string) {
    const found = (await selectSpotChecks(db, actor, eq(spotCheck.id, id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    const records = (await selectRecords(db, actor, eq(spotCheckRecord.spotCheckId, id), { page: 1, pageSize: 100 }))
      .items;
    return { ...found, records };
  }

  /** Draws the sample from the figure's drill-down list, read as the inspector reads it. */
  async function create(actor: Actor, body: CreateSpotCheckBody, read: ListReader) {
    const at = now();
    const place = await selectRegionInScope(db, actor, body.regionId);
    if (!place) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const { deadline } = await settingsFor(db, 'report', place.path);
    const day = body.day ?? reportDayOf(at, deadline);
    if (day > reportDayOf(at, deadline)) throw invalid([{ field: 'day', key: 'spotCheck.dayAhead' }]);
    const moment = reportMoment(day, deadline, at);
    const drills = await computeDrillDowns(db, {
      regionId: place.id,
      regionPath: place.path,
      reportDay: day,
      dayStart: moment.dayStart,
      cutoff: moment.asOf,
    });
    const drill = drills[body.section]?.[body.figure];
    if (!drill || !drill.exact || drill.counts !== 'total')
      throw invalid([{ field: 'figure', key: 'spotCheck.figureNotSampled' }]);
    const first = await read(drill.api, { ...drill.query, page: '1', pageSize: '1' });
    if (!first) throw invalid([{ field: 'figure', key: 'spotCheck.figureNotSampled' }]);
    const total = first.total;
    if (!total) throw invalid([{ field: 'figure', key: 'spotCheck.nothingToSample' }]);
    const seed = body.seed ?? randomInt(0, 2 ** 31 - 1);
    const picked: (typeof spotCheckRecord.$inferInsert)[] = [];
    const id = uuidv7();
    for (const position of seededSample(seed, total, body.size)) {
      const row = (await read(drill.api, { ...drill.query, page: String(position + 1), pageSize: '1' }))?.items[0];
      if (!row || typeof row.id !== 'string') continue; // the list shrank since it was counted
      const own = typeof row.regionId === 'string' ? await selectRegionInScope(db, actor, row.regionId) : undefined;
      const r = own ?? place;
      picked.push({
        id: uuidv7(),
        spotCheckId: id,
        position,
        recordId: row.id,
        label: labelOf(row),
        regionId: r.id,
        regionPath: r.path,
      });
    }
    await db.transaction(async (tx) => {
      await tx.insert(spotCheck).values({
        id,
        regionId: place.id,
        regionPath: place.path,
        section: body.section,
        figure: body.figure,
        reportDay: day,
        listApi: drill.api,
        listQuery: drill.query,
        seed,
        population: total,
        inspectorId: actor.userId,
        inspectorName: actor.displayName,
        createdAt: at,
      });
      if (picked.length) await tx.insert(spotCheckRecord).values(picked);
      await audit(tx, actor, {
        event: 'spotCheck.create',
        targetType: 'spotCheck',
        targetId: id,
        regionPath: place.path,
        detail: { section: body.section, figure: body.figure, day, seed, population: total, records: picked.length },
      });
    });
    return get(actor, id);
  }

  const list = async (actor: Actor, q: ListSpotChecksQuery) => {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectSpotChecks(
      db,
      actor,
      and(
        below ? pathUnder(spotCheck.regionPath, below) : undefined,
        withinWindow(spotCheck.createdAt, q.createdFrom, q.createdTo),
      ),
      q,
    );
  };

  const listRecords = async (actor: Actor, q: ListSpotCheckRecordsQuery) => {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectRecords(
      db,
      actor,
      and(
        below ? pathUnder(spotCheckRecord.regionPath, below) : undefined,
        q.outcome ? eq(spotCheckRecord.outcome, q.outcome) : undefined,
        withinWindow(spotCheckRecord.checkedAt, q.checkedFrom, q.checkedTo),
      ),
      q,
    );
  };

  /** What the resident said; a discrepancy becomes a finding addressed to the record's region. */
  async function recordOutcome(actor: Actor, id: string, recordId: string, body: RecordOutcomeBody) {
    const at = now();
    const today = shanghaiDateOf(at);
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ r: spotCheckRecord })
        .from(spotCheckRecord)
        .innerJoin(spotCheck, eq(spotCheck.id, spotCheckRecord.spotCheckId))
        .where(
          and(
            eq(spotCheckRecord.id, recordId),
            eq(spotCheckRecord.spotCheckId, id),
            inScope(actor, spotCheckRecord.regionPath),
            inScope(actor, spotCheck.regionPath),
          ),
        )
        .for('update');
      if (!row) throw notFound();
      if (row.r.outcome !== 'pending') throw conflict('outcome', 'spotCheck.alreadyChecked');
      let findingId: string | null = null;
      if (body.outcome === 'discrepant') {
        if (body.deadline && body.deadline < today) throw invalid([{ field: 'deadline', key: 'finding.deadlinePast' }]);
        findingId = uuidv7();
        const word = actor.locale === 'en-US' ? 'Spot check' : '数据核查不符';
        await tx.insert(finding).values({
          id: findingId,
          spotCheckId: id,
          itemKey: null,
          regionId: row.r.regionId,
          regionPath: row.r.regionPath,
          responsiblePerson: body.responsiblePerson || null,
          description: `${word}: ${row.r.label}: ${body.note}`,
          severity: body.severity,
          deadline: body.deadline ?? today,
          status: 'assigned',
          createdBy: actor.userId,
          createdAt: at,
        });
      }
      await tx
        .update(spotCheckRecord)
        .set({ outcome: body.outcome, note: body.note || null, checkedAt: at, checkedBy: actor.userId, findingId })
        .where(eq(spotCheckRecord.id, recordId));
      await audit(tx, actor, {
        event: 'spotCheck.record',
        targetType: 'spotCheck',
        targetId: id,
        regionPath: row.r.regionPath,
        detail: { recordId, outcome: body.outcome, findingId },
      });
    });
    return get(actor, id);
  }

  return { create, list, get, listRecords, recordOutcome };
}
