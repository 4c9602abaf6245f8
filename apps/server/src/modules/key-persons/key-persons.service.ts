import { and, eq, isNull, sql } from 'drizzle-orm';
import { assertVersion, lockVersion } from '../../http/edit-version.js';
import { KEY_PERSON_TRANSITIONS, openSlotAt, releaseDue, shanghaiDateOf, type PolicySettings } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import {
  checkAlert,
  healthCheck,
  keyPerson,
  keyPersonNotice,
  keyPersonService,
  placement,
  region,
  responsibleOfficer,
  trajectoryStop,
} from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { withinWindow } from '../../http/time-window.js';
import { effectiveStart } from './key-persons.figures.js';
import { settingsFor } from '../county-settings/index.js';
import { countyPathOf } from '../regions/region-scope.js';
import { ledgerXlsx } from './key-persons.ledger.js';
import { addOfficers, officerCandidates, proposedTeam } from './key-persons.team.js';
import { event, openKeyPerson } from './key-persons.open.js';
import type {
  AddOfficerBody,
  CreateKeyPersonBody,
  ListKeyPersonsQuery,
  StatusBody,
  TransferBody,
  UpdateKeyPersonBody,
} from './key-persons.schemas.js';
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

const CLOSED = ['released', 'transferred'] as const;

export function keyPersonsService(db: Db, now: () => Date) {
  async function context(actor: Actor): Promise<ListContext & { policy: PolicySettings }> {
    const policy = await settingsFor(db, 'policy', actor.scopePath);
    const at = now();
    return {
      policy,
      today: shanghaiDateOf(at),
      openSlot: openSlotAt(at, policy.slotWindows),
      requiredOfficers: policy.requiredOfficers,
    };
  }

  async function regionPathOf(actor: Actor, regionId: string | undefined) {
    if (!regionId) return undefined;
    const [r] = await db
      .select({ path: region.path })
      .from(region)
      .where(and(eq(region.id, regionId), inScope(actor, region.path)));
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
      q.startedFrom ? sql`${effectiveStart(sql`${keyPerson}`)} >= ${new Date(q.startedFrom)}` : undefined,
      q.startedTo ? sql`${effectiveStart(sql`${keyPerson}`)} < ${new Date(q.startedTo)}` : undefined,
    );
  }

  async function list(actor: Actor, q: ListKeyPersonsQuery) {
    const [ctx, regionPath] = await Promise.all([context(actor), regionPathOf(actor, q.regionId)]);
    // A list that is only a status (all, released, lost to follow-up) takes its total from the tally.
    const listStatus = q.list === 'released' || q.list === 'lostToFollowUp' ? q.list : undefined;
    const statuses = [q.status, listStatus].filter((x) => x !== undefined);
    const windowed = q.createdFrom || q.createdTo || q.closedFrom || q.closedTo || q.startedFrom || q.startedTo;
    const byStatusOnly =
      !q.q &&
      q.mine !== 'true' &&
      !q.category &&
      !q.measure &&
      !windowed &&
      (!q.list || listStatus) &&
      new Set(statuses).size <= 1;
    const total = byStatusOnly
      ? tallyByStatus(db, actor, regionPath).then((t) =>
          statuses[0] ? (t[statuses[0]] ?? 0) : Object.values(t).reduce((a, b) => a + b, 0),
        )
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
    const rows = await selectLedger(
      db,
      actor,
      ctx,
      await filters(actor, ctx, q, await regionPathOf(actor, q.regionId)),
      50_000,
    );
    const at = now();
    await audit(db, actor, {
      event: 'person.export',
      targetType: 'keyPerson',
      regionPath: actor.scopePath,
      detail: { ledger: q.list ?? q.status ?? 'all', rows: rows.length },
    });
    return ledgerXlsx(actor, rows, `重点人员台账（${ctx.today}）`, at);
  }

  async function find(actor: Actor, id: string) {
    const found = await selectKeyPerson(db, actor, await context(actor), id);
    if (!found) throw notFound();
    return found;
  }

  /** The full file: unmasked and audited as a view of personal data. */
  async function get(actor: Actor, id: string) {
    const found = await find(actor, id);
    await audit(db, actor, {
      event: 'person.view',
      targetType: 'keyPerson',
      targetId: id,
      regionPath: found.regionPath,
    });
    return { ...found, ...(await selectFileParts(db, id)) };
  }

  async function create(actor: Actor, body: CreateKeyPersonBody) {
    const p = await selectPersonInScope(db, actor, body.personId);
    if (!p) throw invalid([{ field: 'personId', key: 'notFound' }]);
    const policy = await settingsFor(db, 'policy', p.regionPath);
    const result = await db.transaction((tx) =>
      openKeyPerson(tx, actor, policy, { ...body, regionId: p.regionId, regionPath: p.regionPath, at: now() }),
    );
    return { created: result.created, record: await get(actor, result.id) };
  }

  /** `expectedVersion`: the edit version the change was made on (If-Match); another's change since is 412. */
  async function update(actor: Actor, id: string, body: UpdateKeyPersonBody, expectedVersion?: number) {
    const kp = await find(actor, id);
    await assertVersion(db, keyPerson, id, expectedVersion);
    if (kp.status !== 'active' && kp.status !== 'hospitalized')
      throw invalid([{ field: 'status', key: 'keyPerson.closed' }]);
    const endChanges = body.plannedEndDate !== undefined && body.plannedEndDate !== kp.plannedEndDate;
    const measureChanges = body.measure !== undefined && body.measure !== kp.measure;
    const categoryChanges = body.category !== undefined && body.category !== kp.category;
    if ((endChanges || measureChanges) && !body.reason) throw invalid([{ field: 'reason', key: 'required' }]);
    if (endChanges && body.plannedEndDate! < kp.startDate)
      throw invalid([{ field: 'plannedEndDate', key: 'keyPerson.endBeforeStart' }]);
    await db.transaction(async (tx) => {
      await lockVersion(tx, keyPerson, id, expectedVersion);
      await tx
        .update(keyPerson)
        .set({
          category: body.category,
          measure: body.measure,
          plannedEndDate: body.plannedEndDate,
          updatedAt: now(),
        })
        .where(eq(keyPerson.id, id));
      if (endChanges)
        await event(tx, actor, {
          keyPersonId: id,
          kind: 'endChanged',
          fromValue: kp.plannedEndDate,
          toValue: body.plannedEndDate!,
          reason: body.reason,
        });
      if (measureChanges)
        await event(tx, actor, {
          keyPersonId: id,
          kind: 'measureChanged',
          fromValue: kp.measure,
          toValue: body.measure!,
          reason: body.reason,
        });
      if (categoryChanges)
        await event(tx, actor, {
          keyPersonId: id,
          kind: 'categoryChanged',
          fromValue: kp.category,
          toValue: body.category!,
          reason: body.reason,
        });
      await audit(tx, actor, {
        event: 'keyPerson.update',
        targetType: 'keyPerson',
        targetId: id,
        regionPath: kp.regionPath,
        detail: { fields: Object.keys(body) },
      });
    });
    return get(actor, id);
  }

  /** `expectedVersion` (If-Match): a status set on a file someone else has changed since answers 412. */
  async function setStatus(actor: Actor, id: string, body: StatusBody, expectedVersion?: number) {
    const kp = await find(actor, id);
    await assertVersion(db, keyPerson, id, expectedVersion);
    if (!KEY_PERSON_TRANSITIONS[kp.status].includes(body.status))
      throw invalid([{ field: 'status', key: 'keyPerson.transition' }]);
    if (body.status !== 'released' && !body.reason) throw invalid([{ field: 'reason', key: 'required' }]);
    const at = now();
    if (body.status === 'released') {
      const policy = await settingsFor(db, 'policy', kp.regionPath);
      const [done] = await db
        .select({ n: sql<number>`count(DISTINCT slot)::int` })
        .from(healthCheck)
        .where(and(eq(healthCheck.keyPersonId, id), eq(healthCheck.day, kp.plannedEndDate)));
      if (!releaseDue(kp.plannedEndDate, at, done?.n ?? 0, policy.slotWindows))
        throw invalid([{ field: 'status', key: 'keyPerson.releaseNotDue' }]);
    }
    await db.transaction(async (tx) => {
      await lockVersion(tx, keyPerson, id, expectedVersion);
      const closes = (CLOSED as readonly string[]).includes(body.status) || body.status === 'lostToFollowUp';
      await tx
        .update(keyPerson)
        .set({ status: body.status, statusReason: body.reason ?? null, closedAt: closes ? at : null, updatedAt: at })
        .where(eq(keyPerson.id, id));
      // A file that leaves active management owes no more checks: its overdue slots are settled.
      if (body.status !== 'active')
        await tx
          .update(checkAlert)
          .set({ resolvedAt: at })
          .where(and(eq(checkAlert.keyPersonId, id), isNull(checkAlert.resolvedAt)));
      // Leaving central isolation frees the bed: release, transfer and the like end the placement.
      if (closes || body.status === 'hospitalized')
        await tx
          .update(placement)
          .set({ endedAt: at })
          .where(and(eq(placement.keyPersonId, id), isNull(placement.endedAt)));
      await event(tx, actor, {
        keyPersonId: id,
        kind: 'statusChanged',
        fromValue: kp.status,
        toValue: body.status,
        reason: body.reason,
      });
      await audit(tx, actor, {
        event: 'keyPerson.status',
        targetType: 'keyPerson',
        targetId: id,
        regionPath: kp.regionPath,
        detail: { from: kp.status, to: body.status },
      });
    });
    return get(actor, id);
  }

  /** `expectedVersion` (If-Match): a transfer of a file someone else has changed since answers 412. */
  async function transfer(actor: Actor, id: string, body: TransferBody, expectedVersion?: number) {
    const kp = await find(actor, id);
    await assertVersion(db, keyPerson, id, expectedVersion);
    if (kp.status === 'released' || kp.status === 'transferred')
      throw invalid([{ field: 'status', key: 'keyPerson.closed' }]);
    let target: { id: string; path: string; name: string } | undefined;
    if (body.regionId) {
      // A transfer crosses scopes by nature, but never leaves the county's register.
      [target] = await db
        .select({ id: region.id, path: region.path, name: region.name })
        .from(region)
        .where(and(eq(region.id, body.regionId), pathUnder(region.path, countyPathOf(actor.scopePath))));
      if (!target) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    }
    const at = now();
    await db.transaction(async (tx) => {
      await lockVersion(tx, keyPerson, id, expectedVersion);
      if (target) {
        await tx
          .update(keyPerson)
          .set({ regionId: target.id, regionPath: target.path, updatedAt: at })
          .where(eq(keyPerson.id, id));
        for (const table of [
          responsibleOfficer,
          healthCheck,
          checkAlert,
          trajectoryStop,
          keyPersonService,
          keyPersonNotice,
        ])
          await tx.update(table).set({ regionPath: target.path }).where(eq(table.keyPersonId, id));
        await tx.execute(sql`UPDATE triage_task SET region_path = ${target.path}::ltree WHERE key_person_id = ${id}`);
      } else {
        await tx
          .update(keyPerson)
          .set({ status: 'transferred', statusReason: body.reason, closedAt: at, updatedAt: at })
          .where(eq(keyPerson.id, id));
        await tx
          .update(checkAlert)
          .set({ resolvedAt: at })
          .where(and(eq(checkAlert.keyPersonId, id), isNull(checkAlert.resolvedAt)));
        await tx
          .update(placement)
          .set({ endedAt: at })
          .where(and(eq(placement.keyPersonId, id), isNull(placement.endedAt)));
      }
      await event(tx, actor, {
        keyPersonId: id,
        kind: 'transferred',
        fromValue: kp.regionName,
        toValue: target?.name ?? body.destination!,
        reason: body.reason,
      });
      await audit(tx, actor, {
        event: 'keyPerson.transfer',
        targetType: 'keyPerson',
        targetId: id,
        regionPath: kp.regionPath,
        detail: { to: target?.path ?? body.destination },
      });
    });
    // Handed out of the actor's scope: the answer is the summary the actor may still see.
    return {
      id,
      status: target ? kp.status : 'transferred',
      regionId: target?.id ?? kp.regionId,
      regionName: target?.name ?? kp.regionName,
    };
  }

  async function addOfficer(actor: Actor, id: string, body: AddOfficerBody) {
    return addTeam(actor, id, [body]);
  }

  /** Several officers (the proposed team) in one transaction: all are added or none. */
  async function addTeam(actor: Actor, id: string, officers: AddOfficerBody[]) {
    const kp = await find(actor, id);
    if (kp.status !== 'active' && kp.status !== 'hospitalized')
      throw invalid([{ field: 'status', key: 'keyPerson.closed' }]);
    await db.transaction((tx) => addOfficers(tx, actor, kp, officers));
    return get(actor, id);
  }

  async function candidates(actor: Actor, id: string) {
    const kp = await find(actor, id);
    const [proposed, accounts] = await Promise.all([proposedTeam(db, id), officerCandidates(db, kp.regionPath)]);
    return { proposed, accounts };
  }

  async function removeOfficer(actor: Actor, id: string, officerId: string) {
    const kp = await find(actor, id);
    await db.transaction(async (tx) => {
      const gone = await tx
        .delete(responsibleOfficer)
        .where(and(eq(responsibleOfficer.id, officerId), eq(responsibleOfficer.keyPersonId, id)))
        .returning({ role: responsibleOfficer.role, name: responsibleOfficer.name });
      if (!gone.length) throw notFound();
      await audit(tx, actor, {
        event: 'keyPerson.officerRemove',
        targetType: 'keyPerson',
        targetId: id,
        regionPath: kp.regionPath,
        detail: gone[0],
      });
    });
    return get(actor, id);
  }

  return {
    list,
    counts,
    exportLedger,
    get,
    find,
    create,
    update,
    setStatus,
    transfer,
    addOfficer,
    addTeam,
    candidates,
    removeOfficer,
    context,
  };
}

export type KeyPersonsService = ReturnType<typeof keyPersonsService>;
