import { and, eq, isNull, sql } from 'drizzle-orm';
import { KEY_PERSON_TRANSITIONS, openSlotAt, plannedEndOf, releaseDue, shanghaiDate, slotWindowsError, type SlotWindows } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { checkAlert, healthCheck, keyPerson, keyPersonEvent, keyPersonNotice, keyPersonService, managementPolicy, region, responsibleOfficer, trajectoryStop, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../http/problem.js';
import { withinWindow } from '../../http/time-window.js';
import { countyPathOf, policyFor, type Policy } from './key-persons.policy.js';
import { ledgerXlsx } from './key-persons.ledger.js';
import type { AddOfficerBody, CreateKeyPersonBody, ListKeyPersonsQuery, StatusBody, TransferBody, UpdateKeyPersonBody, UpdatePolicyBody } from './key-persons.schemas.js';
import {
  answeredBy,
  countLineLists,
  keyPersonMatching,
  keyPersonUnder,
  lineListFilter,
  selectFileParts,
  selectKeyPerson,
  selectKeyPersons,
  selectLedger,
  selectPersonInScope,
  tallyByStatus,
  type ListContext,
} from './key-persons.queries.js';

type Event = typeof keyPersonEvent.$inferInsert;
const event = (tx: Tx, actor: Actor, e: Omit<Event, 'id' | 'actorId' | 'actorName'>) =>
  tx.insert(keyPersonEvent).values({ id: uuidv7(), actorId: actor.userId || null, actorName: actor.displayName, ...e });

const CLOSED = ['released', 'transferred'] as const;

/**
 * Opens a key-person file inside the caller's transaction (also used when a lead is verified).
 * Returns the file's id, and whether it was created (false: replay of the same client id).
 */
export async function openKeyPerson(tx: Tx, actor: Actor, policy: Policy, input: CreateKeyPersonBody & { regionId: string; regionPath: string; leadId?: string | null }) {
  const id = input.id ?? uuidv7();
  const [existing] = await tx.select({ id: keyPerson.id }).from(keyPerson).where(eq(keyPerson.id, id));
  if (existing) return { id, created: false };
  const plannedEndDate = input.plannedEndDate ?? plannedEndOf(input.startDate, policy.measureDays[input.category]);
  if (plannedEndDate < input.startDate) throw invalid([{ field: 'plannedEndDate', key: 'keyPerson.endBeforeStart' }]);
  const inserted = await tx
    .insert(keyPerson)
    .values({ id, personId: input.personId, leadId: input.leadId ?? null, regionId: input.regionId, regionPath: input.regionPath, category: input.category, source: input.source, measure: input.measure, startDate: input.startDate, plannedEndDate, createdBy: actor.userId || null })
    .onConflictDoNothing()
    .returning({ id: keyPerson.id });
  if (!inserted.length) throw conflict('personId', 'keyPerson.alreadyOpen');
  await event(tx, actor, { keyPersonId: id, kind: 'created', toValue: `${input.measure} ${input.startDate}..${plannedEndDate}` });
  await audit(tx, actor, { event: 'keyPerson.create', targetType: 'keyPerson', targetId: id, regionPath: input.regionPath, detail: { category: input.category, measure: input.measure, startDate: input.startDate, plannedEndDate } });
  return { id, created: true };
}

export function keyPersonsService(db: Db, now: () => Date) {
  async function context(actor: Actor): Promise<ListContext & { policy: Policy }> {
    const policy = await policyFor(db, actor.scopePath);
    const at = now();
    return { policy, today: shanghaiDate(at), openSlot: openSlotAt(at, policy.slotWindows), requiredOfficers: policy.requiredOfficers };
  }

  async function regionPathOf(actor: Actor, regionId: string | undefined) {
    if (!regionId) return undefined;
    const [r] = await db.select({ path: region.path }).from(region).where(and(eq(region.id, regionId), inScope(actor, region.path)));
    if (!r) throw notFound();
    return r.path;
  }

  async function filters(actor: Actor, ctx: ListContext, q: Partial<ListKeyPersonsQuery>, regionPath?: string) {
    return and(
      regionPath ? keyPersonUnder(regionPath) : undefined,
      q.mine === 'true' ? answeredBy(actor.userId) : undefined,
      q.status ? eq(keyPerson.status, q.status) : undefined,
      q.category ? eq(keyPerson.category, q.category) : undefined,
      q.measure ? eq(keyPerson.measure, q.measure) : undefined,
      q.q ? keyPersonMatching(q.q) : undefined,
      q.list ? lineListFilter(q.list, ctx) : undefined,
      withinWindow(keyPerson.createdAt, q.createdFrom, q.createdTo),
      withinWindow(keyPerson.closedAt, q.closedFrom, q.closedTo),
    );
  }

  async function list(actor: Actor, q: ListKeyPersonsQuery) {
    const [ctx, regionPath] = await Promise.all([context(actor), regionPathOf(actor, q.regionId)]);
    // A list that is only a status (all, released, lost to follow-up) takes its total from the tally.
    const listStatus = q.list === 'released' || q.list === 'lostToFollowUp' ? q.list : undefined;
    const statuses = [q.status, listStatus].filter((x) => x !== undefined);
    const windowed = q.createdFrom || q.createdTo || q.closedFrom || q.closedTo;
    const byStatusOnly = !q.q && q.mine !== 'true' && !q.category && !q.measure && !windowed && (!q.list || listStatus) && new Set(statuses).size <= 1;
    const total = byStatusOnly
      ? tallyByStatus(db, actor, regionPath).then((t) => (statuses[0] ? t[statuses[0]] ?? 0 : Object.values(t).reduce((a, b) => a + b, 0)))
      : undefined;
    return selectKeyPersons(db, actor, ctx, await filters(actor, ctx, q, regionPath), q, total && { total });
  }

  async function counts(actor: Actor, q: { regionId?: string; mine?: 'true' | 'false' }) {
    const [ctx, regionPath] = await Promise.all([context(actor), regionPathOf(actor, q.regionId)]);
    return countLineLists(db, actor, ctx, { regionPath, officerId: q.mine === 'true' ? actor.userId : undefined });
  }

  /** Every file of a list (up to 50,000), unmasked, as the 重点人员台账 workbook; audited as an export. */
  async function exportLedger(actor: Actor, q: Omit<ListKeyPersonsQuery, 'page' | 'pageSize'>) {
    const ctx = await context(actor);
    const rows = await selectLedger(db, actor, ctx, await filters(actor, ctx, q, await regionPathOf(actor, q.regionId)), 50_000);
    const at = now();
    await audit(db, actor, { event: 'person.export', targetType: 'keyPerson', regionPath: actor.scopePath, detail: { ledger: q.list ?? q.status ?? 'all', rows: rows.length } });
    return ledgerXlsx(rows, `重点人员台账（${ctx.today}）`, actor.displayName, at);
  }

  async function find(actor: Actor, id: string) {
    const found = await selectKeyPerson(db, actor, await context(actor), id);
    if (!found) throw notFound();
    return found;
  }

  /** The full file: unmasked and audited as a view of personal data. */
  async function get(actor: Actor, id: string) {
    const found = await find(actor, id);
    await audit(db, actor, { event: 'person.view', targetType: 'keyPerson', targetId: id, regionPath: found.regionPath });
    return { ...found, ...(await selectFileParts(db, id)) };
  }

  async function create(actor: Actor, body: CreateKeyPersonBody) {
    const p = await selectPersonInScope(db, actor, body.personId);
    if (!p) throw invalid([{ field: 'personId', key: 'notFound' }]);
    const policy = await policyFor(db, p.regionPath);
    const result = await db.transaction((tx) => openKeyPerson(tx, actor, policy, { ...body, regionId: p.regionId, regionPath: p.regionPath }));
    return { created: result.created, record: await get(actor, result.id) };
  }

  async function update(actor: Actor, id: string, body: UpdateKeyPersonBody) {
    const kp = await find(actor, id);
    if (kp.status !== 'active' && kp.status !== 'hospitalized') throw invalid([{ field: 'status', key: 'keyPerson.closed' }]);
    const endChanges = body.plannedEndDate !== undefined && body.plannedEndDate !== kp.plannedEndDate;
    const measureChanges = body.measure !== undefined && body.measure !== kp.measure;
    if ((endChanges || measureChanges) && !body.reason) throw invalid([{ field: 'reason', key: 'required' }]);
    if (endChanges && body.plannedEndDate! < kp.startDate) throw invalid([{ field: 'plannedEndDate', key: 'keyPerson.endBeforeStart' }]);
    await db.transaction(async (tx) => {
      await tx.update(keyPerson).set({ category: body.category, measure: body.measure, plannedEndDate: body.plannedEndDate, updatedAt: new Date() }).where(eq(keyPerson.id, id));
      if (endChanges) await event(tx, actor, { keyPersonId: id, kind: 'endChanged', fromValue: kp.plannedEndDate, toValue: body.plannedEndDate!, reason: body.reason });
      if (measureChanges) await event(tx, actor, { keyPersonId: id, kind: 'measureChanged', fromValue: kp.measure, toValue: body.measure!, reason: body.reason });
      await audit(tx, actor, { event: 'keyPerson.update', targetType: 'keyPerson', targetId: id, regionPath: kp.regionPath, detail: { fields: Object.keys(body) } });
    });
    return get(actor, id);
  }

  async function setStatus(actor: Actor, id: string, body: StatusBody) {
    const kp = await find(actor, id);
    if (!KEY_PERSON_TRANSITIONS[kp.status].includes(body.status)) throw invalid([{ field: 'status', key: 'keyPerson.transition' }]);
    if (body.status !== 'released' && !body.reason) throw invalid([{ field: 'reason', key: 'required' }]);
    const at = now();
    if (body.status === 'released') {
      const policy = await policyFor(db, kp.regionPath);
      const [done] = await db.select({ n: sql<number>`count(DISTINCT slot)::int` }).from(healthCheck).where(and(eq(healthCheck.keyPersonId, id), eq(healthCheck.day, kp.plannedEndDate)));
      if (!releaseDue(kp.plannedEndDate, at, done?.n ?? 0, policy.slotWindows)) throw invalid([{ field: 'status', key: 'keyPerson.releaseNotDue' }]);
    }
    await db.transaction(async (tx) => {
      const closes = (CLOSED as readonly string[]).includes(body.status) || body.status === 'lostToFollowUp';
      await tx.update(keyPerson).set({ status: body.status, statusReason: body.reason ?? null, closedAt: closes ? at : null, updatedAt: at }).where(eq(keyPerson.id, id));
      // A file that leaves active management owes no more checks: its overdue slots are settled.
      if (body.status !== 'active') await tx.update(checkAlert).set({ resolvedAt: at }).where(and(eq(checkAlert.keyPersonId, id), isNull(checkAlert.resolvedAt)));
      await event(tx, actor, { keyPersonId: id, kind: 'statusChanged', fromValue: kp.status, toValue: body.status, reason: body.reason });
      await audit(tx, actor, { event: 'keyPerson.status', targetType: 'keyPerson', targetId: id, regionPath: kp.regionPath, detail: { from: kp.status, to: body.status } });
    });
    return get(actor, id);
  }

  async function transfer(actor: Actor, id: string, body: TransferBody) {
    const kp = await find(actor, id);
    if (kp.status === 'released' || kp.status === 'transferred') throw invalid([{ field: 'status', key: 'keyPerson.closed' }]);
    let target: { id: string; path: string; name: string } | undefined;
    if (body.regionId) {
      // A transfer crosses scopes by nature, but never leaves the county's register.
      [target] = await db.select({ id: region.id, path: region.path, name: region.name }).from(region).where(and(eq(region.id, body.regionId), sql`${region.path} <@ ${countyPathOf(actor.scopePath)}::ltree`));
      if (!target) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    }
    const at = now();
    await db.transaction(async (tx) => {
      if (target) {
        await tx.update(keyPerson).set({ regionId: target.id, regionPath: target.path, updatedAt: at }).where(eq(keyPerson.id, id));
        for (const table of [responsibleOfficer, healthCheck, checkAlert, trajectoryStop, keyPersonService, keyPersonNotice]) await tx.update(table).set({ regionPath: target.path }).where(eq(table.keyPersonId, id));
        await tx.execute(sql`UPDATE triage_task SET region_path = ${target.path}::ltree WHERE key_person_id = ${id}`);
      } else {
        await tx.update(keyPerson).set({ status: 'transferred', statusReason: body.reason, closedAt: at, updatedAt: at }).where(eq(keyPerson.id, id));
        await tx.update(checkAlert).set({ resolvedAt: at }).where(and(eq(checkAlert.keyPersonId, id), isNull(checkAlert.resolvedAt)));
      }
      await event(tx, actor, { keyPersonId: id, kind: 'transferred', fromValue: kp.regionName, toValue: target?.name ?? body.destination!, reason: body.reason });
      await audit(tx, actor, { event: 'keyPerson.transfer', targetType: 'keyPerson', targetId: id, regionPath: kp.regionPath, detail: { to: target?.path ?? body.destination } });
    });
    // Handed out of the actor's scope: the answer is the summary the actor may still see.
    return { id, status: target ? kp.status : 'transferred', regionId: target?.id ?? kp.regionId, regionName: target?.name ?? kp.regionName };
  }

  async function addOfficer(actor: Actor, id: string, body: AddOfficerBody) {
    const kp = await find(actor, id);
    if (body.userId) {
      const [u] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, body.userId), sql`${users.regionPath} <@ ${countyPathOf(actor.scopePath)}::ltree`));
      if (!u) throw invalid([{ field: 'userId', key: 'notFound' }]);
    }
    const officerId = uuidv7();
    await db.transaction(async (tx) => {
      const inserted = await tx.insert(responsibleOfficer).values({ id: officerId, keyPersonId: id, regionPath: kp.regionPath, role: body.role, name: body.name, phone: body.phone ?? null, userId: body.userId ?? null }).onConflictDoNothing().returning({ id: responsibleOfficer.id });
      if (!inserted.length) throw conflict('name', 'officer.duplicate');
      await audit(tx, actor, { event: 'keyPerson.officerAdd', targetType: 'keyPerson', targetId: id, regionPath: kp.regionPath, detail: { role: body.role, name: body.name } });
    });
    return get(actor, id);
  }

  async function removeOfficer(actor: Actor, id: string, officerId: string) {
    const kp = await find(actor, id);
    await db.transaction(async (tx) => {
      const gone = await tx.delete(responsibleOfficer).where(and(eq(responsibleOfficer.id, officerId), eq(responsibleOfficer.keyPersonId, id))).returning({ role: responsibleOfficer.role, name: responsibleOfficer.name });
      if (!gone.length) throw notFound();
      await audit(tx, actor, { event: 'keyPerson.officerRemove', targetType: 'keyPerson', targetId: id, regionPath: kp.regionPath, detail: gone[0] });
    });
    return get(actor, id);
  }

  const getPolicy = async (actor: Actor) => {
    const { countyPath: _c, ...rest } = await policyFor(db, actor.scopePath);
    return rest;
  };

  async function updatePolicy(actor: Actor, body: UpdatePolicyBody) {
    if (body.slotWindows) {
      const error = slotWindowsError(body.slotWindows as SlotWindows);
      if (error) throw invalid([{ field: 'slotWindows', key: error }]);
    }
    const countyPath = countyPathOf(actor.scopePath);
    // The county's rules are set at the county, not by someone scoped to one of its townships.
    if (actor.scopePath !== countyPath) throw forbidden();
    const current = await policyFor(db, countyPath);
    const row = {
      regionPath: countyPath,
      measureDays: { ...current.measureDays, ...body.measureDays },
      requiredOfficers: { ...current.requiredOfficers, ...body.requiredOfficers },
      slotWindows: (body.slotWindows as SlotWindows | undefined) ?? current.slotWindows,
      leadDeadlineHours: body.leadDeadlineHours ?? current.leadDeadlineHours,
      triageDeadlineHours: body.triageDeadlineHours ?? current.triageDeadlineHours,
      updatedAt: new Date(),
    };
    await db.transaction(async (tx) => {
      await tx.insert(managementPolicy).values(row).onConflictDoUpdate({ target: managementPolicy.regionPath, set: row });
      await audit(tx, actor, { event: 'keyPerson.policy', targetType: 'managementPolicy', regionPath: countyPath, detail: body });
    });
    return getPolicy(actor);
  }

  return { list, counts, exportLedger, get, find, create, update, setStatus, transfer, addOfficer, removeOfficer, getPolicy, updatePolicy, context };
}

export type KeyPersonsService = ReturnType<typeof keyPersonsService>;
