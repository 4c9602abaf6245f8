import { isFindingOverdue } from '@fangkong/domain';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import {
  checkpoint,
  finding,
  inspection,
  inspectionChecklist,
  observationSite,
  region,
  supplyItem,
  supplyStore,
} from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';

type Page = { page: number; pageSize: number };

/** Waiting on a supply (缺物资) now. */
export const findingWaiting = sql`(${finding.waitingSince} IS NOT NULL AND ${finding.waitingEndedAt} IS NULL)`;
/** Still owed, not waiting on a supply, and its deadline day is before `today` (isFindingOverdue). */
export const findingOverdue = (today: string) =>
  sql`(${finding.status} IN ('assigned', 'rectifying') AND ${finding.deadline} < ${today}::date AND NOT ${findingWaiting})`;
/** Overdue findings of regions strictly below the actor's own: what the level above must chase (督办). */
export const findingEscalated = (actor: Actor, today: string) =>
  sql`(${findingOverdue(today)} AND ${finding.regionPath} <> ${actor.scopePath}::ltree)`;

export async function selectFindings(tx: Tx, actor: Actor, today: string, where: SQL | undefined, page: Page) {
  const filter = and(inScope(actor, finding.regionPath), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        f: finding,
        regionName: region.name,
        regionPath: region.path,
        placeName: sql<string>`coalesce(${inspection.placeName}, ${region.name})`,
        storeName: supplyStore.name,
        itemName: supplyItem.name,
        itemKey: supplyItem.key,
      })
      .from(finding)
      .innerJoin(region, eq(region.id, finding.regionId))
      .leftJoin(inspection, eq(inspection.id, finding.inspectionId))
      .leftJoin(supplyStore, eq(supplyStore.id, finding.waitingStoreId))
      .leftJoin(supplyItem, eq(supplyItem.id, finding.waitingItemId))
      .where(filter)
      .orderBy(sql`${finding.status} = 'closed'`, asc(finding.deadline), desc(finding.createdAt), asc(finding.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(finding).where(filter),
  ]);
  const items = rows.map(({ f, regionName, regionPath, placeName, storeName, itemName, itemKey }) => ({
    id: f.id,
    inspectionId: f.inspectionId,
    spotCheckId: f.spotCheckId,
    placeName,
    regionPath,
    itemKey: f.itemKey,
    regionId: f.regionId,
    regionName,
    responsiblePerson: f.responsiblePerson,
    description: f.description,
    severity: f.severity,
    deadline: f.deadline,
    status: f.status,
    overdue: isFindingOverdue({ ...f, waiting: !!f.waitingSince && !f.waitingEndedAt }, today),
    waiting:
      f.waitingSince && !f.waitingEndedAt && f.waitingStoreId
        ? {
            storeId: f.waitingStoreId,
            storeName: storeName ?? '',
            itemId: f.waitingItemId,
            itemName: itemName ?? null,
            itemKey: itemKey ?? null,
            note: f.waitingNote,
            since: f.waitingSince.toISOString(),
          }
        : null,
    evidence: f.evidence,
    reviewNote: f.reviewNote,
    reportedAt: f.reportedAt?.toISOString() ?? null,
    closedAt: f.closedAt?.toISOString() ?? null,
    createdAt: f.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}

export async function selectInspections(tx: Tx, actor: Actor, where: SQL | undefined, page: Page) {
  const filter = and(inScope(actor, inspection.regionPath), where);
  const findings = sql<number>`(SELECT count(*)::int FROM finding f WHERE f.inspection_id = ${inspection.id})`;
  const [rows, [total]] = await Promise.all([
    tx
      .select({ i: inspection, regionName: region.name, findings })
      .from(inspection)
      .innerJoin(region, eq(region.id, inspection.regionId))
      .where(filter)
      .orderBy(desc(inspection.inspectedAt), desc(inspection.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(inspection).where(filter),
  ]);
  const items = rows.map(({ i, regionName, findings: n }) => ({
    id: i.id,
    regionId: i.regionId,
    regionName,
    placeKind: i.placeKind,
    placeId: i.placeId,
    placeName: i.placeName,
    unannounced: i.unannounced,
    groupId: i.groupId,
    inspectedAt: i.inspectedAt.toISOString(),
    inspectorName: i.inspectorName,
    answers: i.answers,
    cadres: i.cadres,
    remarks: i.remarks,
    findings: n,
    createdAt: i.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}

/** The checkpoint or observation site in scope, with its region, or undefined. */
export async function selectPlaceInScope(tx: Tx, actor: Actor, kind: 'checkpoint' | 'observationSite', id: string) {
  const t = kind === 'checkpoint' ? checkpoint : observationSite;
  const [row] = await tx
    .select({ name: t.name, regionId: t.regionId, regionPath: t.regionPath })
    .from(t)
    .where(and(eq(t.id, id), inScope(actor, t.regionPath)));
  return row;
}

/** The county's edited checklists (kinds without a row use the defaults). */
export const selectChecklists = (tx: Tx, county: string) =>
  tx
    .select({ placeKind: inspectionChecklist.placeKind, items: inspectionChecklist.items })
    .from(inspectionChecklist)
    .where(eq(inspectionChecklist.regionPath, county));
