import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { blindIndexArray } from '../../security/personal-data-sql.js';
import {
  KEY_PERSON_CATEGORIES,
  dayNumber,
  maskIdNumber,
  maskPhone,
  measureLength,
  type KeyPersonCategory,
  type KeyPersonStatus,
  type SlotRef,
} from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import {
  checkAlert,
  healthCheck,
  household,
  keyPerson,
  keyPersonEvent,
  keyPersonTally,
  person,
  region,
  responsibleOfficer,
} from '../../db/schema/index.js';
import { seesFullData } from '../../auth/masking.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import type { LineList } from './key-persons.schemas.js';

/** What line lists need to know about the moment: today, the open slot, the team sizes. */
export interface ListContext {
  today: string;
  openSlot: SlotRef | null;
  requiredOfficers: Record<KeyPersonCategory, number>;
}

const requiredFor = (ctx: ListContext) =>
  sql.join(
    [
      sql`(CASE ${keyPerson.category}`,
      ...KEY_PERSON_CATEGORIES.map((c) => sql`WHEN ${c} THEN ${ctx.requiredOfficers[c]}::int`),
      sql`END)`,
    ],
    sql` `,
  );
const active = eq(keyPerson.status, 'active');

/**
 * The condition that puts a key person on a line list (Sara Alert-style). It reads only the file's
 * own row: officers, open alerts, open triage tasks and the latest checked slot are kept on it by
 * triggers (migration 0012), so a county-wide list or count is one pass over the active files.
 */
export function lineListFilter(list: LineList, ctx: ListContext): SQL {
  switch (list) {
    case 'dueNow': {
      const s = ctx.openSlot;
      if (!s) return sql`false`;
      // No check for a slot that has not opened is accepted: a latest checked slot before the open one means it is still owed.
      return and(
        active,
        sql`${keyPerson.startDate} <= ${s.day}::date AND ${keyPerson.plannedEndDate} >= ${s.day}::date`,
        sql`(${keyPerson.lastCheckDay} IS NULL OR (${keyPerson.lastCheckDay}, ${keyPerson.lastCheckSlot}) < (${s.day}::date, ${s.slot}::text))`,
      )!;
    }
    case 'overdue':
      return and(active, sql`${keyPerson.openAlerts} > 0`)!;
    case 'fever':
      return and(active, sql`${keyPerson.openTriage} > 0`)!;
    case 'endingToday':
      return and(active, sql`${keyPerson.plannedEndDate} = ${ctx.today}::date`)!;
    case 'released':
      return eq(keyPerson.status, 'released');
    case 'lostToFollowUp':
      return eq(keyPerson.status, 'lostToFollowUp');
    case 'incompleteTeam':
      return and(active, sql`${keyPerson.officers} < ${requiredFor(ctx)}`)!;
  }
}

export const answeredBy = (userId: string) =>
  sql`EXISTS (SELECT 1 FROM ${responsibleOfficer} o WHERE o.key_person_id = ${keyPerson.id} AND o.user_id = ${userId})`;
export const keyPersonById = (id: string) => eq(keyPerson.id, id);
export const keyPersonUnder = (path: string) => pathUnder(keyPerson.regionPath, path);
export const keyPersonMatching = (q: string) =>
  sql`EXISTS (SELECT 1 FROM ${person} p WHERE p.id = ${keyPerson.personId} AND (p.name LIKE ${`%${q}%`} OR p.id_number_bidx = ANY(${blindIndexArray('idNumber', [q])}::text[]) OR p.phone_bidx = ANY(${blindIndexArray('phone', [q])}::text[])))`;

const columns = (ctx: ListContext) => ({
  id: keyPerson.id,
  personId: keyPerson.personId,
  name: person.name,
  idNumber: person.idNumber,
  phone: person.phone,
  regionId: keyPerson.regionId,
  regionName: region.name,
  regionPath: keyPerson.regionPath,
  category: keyPerson.category,
  source: keyPerson.source,
  measure: keyPerson.measure,
  startDate: keyPerson.startDate,
  plannedEndDate: keyPerson.plannedEndDate,
  status: keyPerson.status,
  statusReason: keyPerson.statusReason,
  officers: keyPerson.officers,
  requiredOfficers: sql<number>`${requiredFor(ctx)}`,
  lastTemperature: sql<
    number | null
  >`(SELECT h.temperature::float FROM ${healthCheck} h WHERE h.key_person_id = ${keyPerson.id} ORDER BY h.day DESC, h.slot DESC, h.created_at DESC LIMIT 1)`,
  openAlerts: keyPerson.openAlerts,
  openTriage: keyPerson.openTriage,
  createdAt: keyPerson.createdAt,
});

type Row = Awaited<ReturnType<typeof selectRows>>[number];
const selectRows = (tx: Tx, ctx: ListContext, where: SQL | undefined) =>
  tx
    .select(columns(ctx))
    .from(keyPerson)
    .innerJoin(person, eq(person.id, keyPerson.personId))
    .innerJoin(region, eq(region.id, keyPerson.regionId))
    .where(where);

const shape = (ctx: ListContext, masked: boolean) => (r: Row) => ({
  ...r,
  idNumber: r.idNumber && masked ? maskIdNumber(r.idNumber) : r.idNumber,
  phone: r.phone && masked ? maskPhone(r.phone) : r.phone,
  day: dayNumber(r.startDate, ctx.today),
  totalDays: measureLength(r.startDate, r.plannedEndDate),
  createdAt: r.createdAt.toISOString(),
});

export async function selectKeyPersons(
  tx: Tx,
  actor: Actor,
  ctx: ListContext,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  known?: { total: Promise<number> },
) {
  const filter = and(inScope(actor, keyPerson.regionPath), where);
  // The page's ids first, then their columns: the per-row subqueries run for one page, not for every match.
  const [ids, total] = await Promise.all([
    tx
      .select({ id: keyPerson.id })
      .from(keyPerson)
      .where(filter)
      .orderBy(asc(keyPerson.plannedEndDate), desc(keyPerson.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    known?.total ??
      tx
        .select({ n: sql<number>`count(*)::int` })
        .from(keyPerson)
        .where(filter)
        .then((r) => r[0]?.n ?? 0),
  ]);
  const rows = ids.length
    ? await selectRows(
        tx,
        ctx,
        inArray(
          keyPerson.id,
          ids.map((r) => r.id),
        ),
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { items: ids.map((r) => shape(ctx, true)(byId.get(r.id)!)), total };
}

/** The whole list for the ledger export, unmasked if the actor may see full data (the caller audits it). */
export async function selectLedger(tx: Tx, actor: Actor, ctx: ListContext, where: SQL | undefined, limit: number) {
  const rows = await selectRows(tx, ctx, and(inScope(actor, keyPerson.regionPath), where))
    .orderBy(asc(keyPerson.regionPath), asc(keyPerson.plannedEndDate), asc(keyPerson.id))
    .limit(limit);
  return rows.map(shape(ctx, !seesFullData(actor)));
}

/** One file, unmasked if the actor may see full data (the caller audits the full view). */
export async function selectKeyPerson(tx: Tx, actor: Actor, ctx: ListContext, id: string) {
  const [row] = await selectRows(tx, ctx, and(inScope(actor, keyPerson.regionPath), keyPersonById(id)));
  return row ? shape(ctx, !seesFullData(actor))(row) : undefined;
}

/**
 * Files per status under a path, from key_person_tally (a few rows per region holding files) rather
 * than from the files: closed files pile up over an epidemic, the tally does not grow with them.
 */
export async function tallyByStatus(
  tx: Tx,
  actor: Actor,
  regionPath?: string,
): Promise<Partial<Record<KeyPersonStatus, number>>> {
  const rows = await tx
    .select({ status: keyPersonTally.status, n: sql<number>`sum(${keyPersonTally.n})::int` })
    .from(keyPersonTally)
    .innerJoin(region, eq(region.id, keyPersonTally.regionId))
    .where(and(inScope(actor, region.path), regionPath ? pathUnder(region.path, regionPath) : undefined))
    .groupBy(keyPersonTally.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

const ACTIVE_LISTS = ['dueNow', 'overdue', 'fever', 'endingToday', 'incompleteTeam'] as const;

/** How many files are on each line list under a region (or the caller's scope), or on one officer's worklist. */
export async function countLineLists(
  tx: Tx,
  actor: Actor,
  ctx: ListContext,
  by: { regionPath?: string; officerId?: string },
): Promise<Record<LineList | 'active', number>> {
  const scope = and(
    inScope(actor, keyPerson.regionPath),
    by.regionPath ? keyPersonUnder(by.regionPath) : undefined,
    by.officerId ? answeredBy(by.officerId) : undefined,
  );
  const closed = by.officerId
    ? tx
        .select({
          released: sql<number>`count(*) FILTER (WHERE ${keyPerson.status} = 'released')::int`,
          lostToFollowUp: sql<number>`count(*) FILTER (WHERE ${keyPerson.status} = 'lostToFollowUp')::int`,
        })
        .from(keyPerson)
        .where(and(scope, inArray(keyPerson.status, ['released', 'lostToFollowUp'])))
        .then((r) => r[0]!)
    : tallyByStatus(tx, actor, by.regionPath).then((t) => ({
        released: t.released ?? 0,
        lostToFollowUp: t.lostToFollowUp ?? 0,
      }));
  const [open, done] = await Promise.all([
    tx
      .select({
        active: sql<number>`count(*)::int`,
        ...Object.fromEntries(
          ACTIVE_LISTS.map((l) => [l, sql<number>`count(*) FILTER (WHERE ${lineListFilter(l, ctx)})::int`]),
        ),
      })
      .from(keyPerson)
      .where(and(scope, active)),
    closed,
  ]);
  return { ...(open[0] as Record<(typeof ACTIVE_LISTS)[number] | 'active', number>), ...done };
}

export async function selectFileParts(tx: Tx, keyPersonId: string) {
  const [officers, events, checks, alerts, [home]] = await Promise.all([
    tx
      .select({
        id: responsibleOfficer.id,
        role: responsibleOfficer.role,
        name: responsibleOfficer.name,
        phone: responsibleOfficer.phone,
        userId: responsibleOfficer.userId,
      })
      .from(responsibleOfficer)
      .where(eq(responsibleOfficer.keyPersonId, keyPersonId))
      .orderBy(asc(responsibleOfficer.createdAt)),
    tx
      .select()
      .from(keyPersonEvent)
      .where(eq(keyPersonEvent.keyPersonId, keyPersonId))
      .orderBy(asc(keyPersonEvent.createdAt), asc(keyPersonEvent.id)),
    tx
      .select()
      .from(healthCheck)
      .where(eq(healthCheck.keyPersonId, keyPersonId))
      .orderBy(asc(healthCheck.day), asc(healthCheck.slot), asc(healthCheck.createdAt)),
    tx
      .select({ day: checkAlert.day, slot: checkAlert.slot, level: checkAlert.level })
      .from(checkAlert)
      .where(and(eq(checkAlert.keyPersonId, keyPersonId), sql`${checkAlert.resolvedAt} IS NULL`))
      .orderBy(asc(checkAlert.day), asc(checkAlert.slot)),
    tx
      .select({ address: household.address })
      .from(keyPerson)
      .innerJoin(person, eq(person.id, keyPerson.personId))
      .leftJoin(household, eq(household.id, person.householdId))
      .where(eq(keyPerson.id, keyPersonId)),
  ]);
  return {
    address: home?.address ?? null,
    officerList: officers,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromValue: e.fromValue,
      toValue: e.toValue,
      reason: e.reason,
      actorName: e.actorName,
      createdAt: e.createdAt.toISOString(),
    })),
    checks: checks.map((c) => ({
      id: c.id,
      day: c.day,
      slot: c.slot,
      temperature: c.temperature,
      symptoms: c.symptoms,
      measuredBy: c.measuredBy,
      late: c.late,
      correctsId: c.correctsId,
      recordedAt: c.recordedAt.toISOString(),
    })),
    overdueSlots: alerts,
  };
}

export async function selectPersonInScope(tx: Tx, actor: Actor, personId: string) {
  const [row] = await tx
    .select({ id: person.id, regionId: person.regionId, regionPath: person.regionPath })
    .from(person)
    .where(and(eq(person.id, personId), inScope(actor, person.regionPath)));
  return row;
}
