import { and, eq, sql } from 'drizzle-orm';
import {
  PLACE_RECORD_KINDS,
  defaultChecklist,
  nextFindingStatus,
  recordedTimeError,
  shanghaiDateOf,
  type ChecklistItem,
  type FindingStatus,
  type PlaceKind,
} from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { finding, inspection, inspectionChecklist } from '../../db/schema/index.js';
import type { InspectionAnswer } from '../../db/schema/supervision.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { Problem, conflict, invalid, notFound, type FieldError } from '../../http/problem.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import { supervisionGroupsService } from './supervision-groups.service.js';
import {
  findingEscalated,
  findingOverdue,
  selectChecklists,
  selectFindings,
  selectInspections,
  selectPlaceInScope,
} from './supervision.queries.js';
import type {
  CreateInspectionBody,
  ListFindingsQuery,
  ListInspectionsQuery,
  RectifyBody,
  ReviewBody,
  UpdateChecklistBody,
} from './supervision.schemas.js';

/** The county an actor belongs to: the first label of their scope. */
const countyOf = (actor: Actor) => actor.scopePath.split('.')[0]!;

/** Inspections (督查/暗访), their checklists, and the findings' rectification. */
export function supervisionService(db: Db, now: () => Date) {
  const { groupOf } = supervisionGroupsService(db, now);
  async function checklistsOf(tx: Tx, actor: Actor) {
    const edited = new Map((await selectChecklists(tx, countyOf(actor))).map((c) => [c.placeKind, c.items]));
    return (kind: PlaceKind) => ({
      placeKind: kind,
      items: edited.get(kind) ?? defaultChecklist(kind, actor.locale),
      custom: edited.has(kind),
    });
  }

  async function listChecklists(actor: Actor) {
    const of = await checklistsOf(db, actor);
    return { items: (['checkpoint', 'village', 'observationSite', 'office', 'clinic'] as const).map(of) };
  }

  /** Only the county's supervision office rewords a checklist: one list for every township. */
  async function updateChecklist(actor: Actor, kind: PlaceKind, body: UpdateChecklistBody) {
    if (actor.scopePath.includes('.')) throw new Problem(403, 'inspection.countyOnly');
    const county = countyOf(actor);
    const seen = new Set<string>();
    const items: ChecklistItem[] = body.items.map((i) => ({
      key: i.key && !seen.has(i.key) ? i.key : `c${uuidv7().replace(/-/g, '').slice(-12)}`,
      label: i.label,
    }));
    items.forEach((i) => seen.add(i.key));
    await db.transaction(async (tx) => {
      await tx
        .insert(inspectionChecklist)
        .values({ id: uuidv7(), regionPath: county, placeKind: kind, items, updatedAt: now(), updatedBy: actor.userId })
        .onConflictDoUpdate({
          target: [inspectionChecklist.regionPath, inspectionChecklist.placeKind],
          set: { items, updatedAt: now(), updatedBy: actor.userId },
        });
      await audit(tx, actor, {
        event: 'inspectionChecklist.update',
        targetType: 'inspectionChecklist',
        regionPath: county,
        detail: { placeKind: kind, items: items.length },
      });
    });
    return (await checklistsOf(db, actor))(kind);
  }

  const listInspections = async (actor: Actor, q: ListInspectionsQuery) => {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectInspections(
      db,
      actor,
      and(
        below ? pathUnder(inspection.regionPath, below) : undefined,
        q.placeKind ? eq(inspection.placeKind, q.placeKind) : undefined,
        q.groupId ? eq(inspection.groupId, q.groupId) : undefined,
        withinWindow(inspection.inspectedAt, q.inspectedFrom, q.inspectedTo),
      ),
      q,
    );
  };

  async function getInspection(actor: Actor, id: string) {
    const found = (await selectInspections(db, actor, eq(inspection.id, id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    const findingList = (
      await selectFindings(db, actor, shanghaiDateOf(now()), eq(finding.inspectionId, id), { page: 1, pageSize: 100 })
    ).items;
    return { ...found, findingList };
  }

  /** Records an inspection with its answers; each failed item and each finding of its own becomes a finding. */
  async function createInspection(actor: Actor, body: CreateInspectionBody) {
    const at = now();
    const today = shanghaiDateOf(at);
    const id = body.id ?? uuidv7();
    await db.transaction(async (tx) => {
      const [existing] = await tx.select({ id: inspection.id }).from(inspection).where(eq(inspection.id, id));
      if (existing) return; // a replayed write: the first one stands
      const errors: FieldError[] = [];
      const inspectedAt = body.inspectedAt ? new Date(body.inspectedAt) : at;
      const timeError = recordedTimeError(inspectedAt, at);
      if (timeError) errors.push({ field: 'inspectedAt', key: timeError });

      let place: { name: string; regionId: string; regionPath: string } | undefined;
      if ((PLACE_RECORD_KINDS as readonly string[]).includes(body.placeKind)) {
        if (!body.placeId) errors.push({ field: 'placeId', key: 'inspection.placeRequired' });
        else if (!(place = await selectPlaceInScope(tx, actor, body.placeKind as 'checkpoint', body.placeId)))
          errors.push({ field: 'placeId', key: 'notFound' });
      } else if (!body.regionId) errors.push({ field: 'regionId', key: 'inspection.placeRequired' });
      else {
        const r = await selectRegionInScope(tx, actor, body.regionId);
        if (!r) errors.push({ field: 'regionId', key: 'notFound' });
        else place = { name: body.placeName || r.name, regionId: r.id, regionPath: r.path };
      }

      if (body.groupId && !(await groupOf(tx, actor, body.groupId))) errors.push({ field: 'groupId', key: 'notFound' });
      const checklist = (await checklistsOf(tx, actor))(body.placeKind).items;
      const regions = new Map<string, { id: string; path: string } | undefined>();
      const responsible = async (field: string, regionId: string | undefined) => {
        if (!regionId) return place && { id: place.regionId, path: place.regionPath };
        if (!regions.has(regionId)) regions.set(regionId, await selectRegionInScope(tx, actor, regionId));
        const r = regions.get(regionId);
        if (!r) errors.push({ field, key: 'notFound' });
        return r;
      };
      const deadlineOf = (field: string, deadline: string | undefined) => {
        if (deadline && deadline < today) errors.push({ field, key: 'finding.deadlinePast' });
        return deadline ?? today;
      };

      const answers: InspectionAnswer[] = [];
      const findings: (typeof finding.$inferInsert)[] = [];
      const base = {
        inspectionId: id,
        status: 'assigned' as FindingStatus,
        createdBy: actor.userId,
        createdAt: inspectedAt,
      }; // found when inspected: a back-entered inspection counts on its own day
      for (const [i, a] of body.answers.entries()) {
        const item = checklist.find((c) => c.key === a.key);
        if (!item) {
          errors.push({ field: `answers.${i}.key`, key: 'inspection.itemUnknown' });
          continue;
        }
        answers.push({ key: a.key, label: item.label, ok: a.ok, remark: a.remark || null });
        if (a.ok !== false) continue;
        const r = await responsible(`answers.${i}.finding.regionId`, a.finding?.regionId);
        const deadline = deadlineOf(`answers.${i}.finding.deadline`, a.finding?.deadline);
        if (r)
          findings.push({
            ...base,
            id: uuidv7(),
            itemKey: a.key,
            regionId: r.id,
            regionPath: r.path,
            responsiblePerson: a.finding?.responsiblePerson || null,
            description: a.remark ? `${item.label}: ${a.remark}` : item.label,
            severity: a.finding?.severity ?? 'major',
            deadline,
          });
      }
      for (const [i, f] of body.findings.entries()) {
        const r = await responsible(`findings.${i}.regionId`, f.regionId);
        const deadline = deadlineOf(`findings.${i}.deadline`, f.deadline);
        if (r)
          findings.push({
            ...base,
            id: uuidv7(),
            itemKey: null,
            regionId: r.id,
            regionPath: r.path,
            responsiblePerson: f.responsiblePerson || null,
            description: f.description,
            severity: f.severity,
            deadline,
          });
      }
      // 在岗在位: an absence is a finding of the place, the absent cadre named responsible.
      const cadres = body.cadres.map(({ finding: f, ...c }, i) => {
        if (c.presence === 'absent' && place) {
          const deadline = deadlineOf(`cadres.${i}.finding.deadline`, f?.deadline);
          const who = c.post ? `${c.post} ${c.name}` : c.name;
          findings.push({
            ...base,
            id: uuidv7(),
            itemKey: null,
            regionId: place.regionId,
            regionPath: place.regionPath,
            responsiblePerson: c.name,
            description: actor.locale === 'en-US' ? `Not on post: ${who}` : `${who}不在岗`,
            severity: f?.severity ?? 'major',
            deadline,
          });
        }
        return { name: c.name, post: c.post || null, presence: c.presence, replacedBy: c.replacedBy || null };
      });
      if (errors.length || !place) throw invalid(errors);

      await tx.insert(inspection).values({
        id,
        regionId: place.regionId,
        regionPath: place.regionPath,
        placeKind: body.placeKind,
        placeId: body.placeId ?? null,
        placeName: place.name,
        unannounced: body.unannounced,
        groupId: body.groupId ?? null,
        inspectedAt,
        inspectorId: actor.userId,
        inspectorName: actor.displayName,
        answers,
        cadres,
        remarks: body.remarks || null,
        createdAt: at,
      });
      if (findings.length) await tx.insert(finding).values(findings);
      await audit(tx, actor, {
        event: 'inspection.create',
        targetType: 'inspection',
        targetId: id,
        regionPath: place.regionPath,
        detail: {
          placeKind: body.placeKind,
          placeName: place.name,
          unannounced: body.unannounced,
          absent: cadres.filter((c) => c.presence === 'absent').length,
          findings: findings.map((f) => f.id),
        },
      });
    });
    return getInspection(actor, id);
  }

  const listFindings = async (actor: Actor, q: ListFindingsQuery) => {
    const today = shanghaiDateOf(now());
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectFindings(
      db,
      actor,
      today,
      and(
        below ? pathUnder(finding.regionPath, below) : undefined,
        q.status ? eq(finding.status, q.status) : undefined,
        q.open === 'true'
          ? sql`${finding.status} <> 'closed'`
          : q.open === 'false'
            ? eq(finding.status, 'closed')
            : undefined,
        q.overdue === 'true' ? findingOverdue(today) : undefined,
        q.escalated === 'true' ? findingEscalated(actor, today) : undefined,
        q.inspectionId ? eq(finding.inspectionId, q.inspectionId) : undefined,
        withinWindow(finding.createdAt, q.createdFrom, q.createdTo),
        withinWindow(finding.closedAt, q.closedFrom, q.closedTo),
      ),
      q,
    );
  };

  async function getFinding(actor: Actor, id: string) {
    const found = (await selectFindings(db, actor, shanghaiDateOf(now()), eq(finding.id, id), { page: 1, pageSize: 1 }))
      .items[0];
    if (!found) throw notFound();
    return found;
  }

  /** One step of a finding's life, by the rules in the domain; out of scope is not found. */
  async function move(actor: Actor, id: string, body: RectifyBody | ReviewBody) {
    const at = now();
    await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: finding.status, regionPath: finding.regionPath })
        .from(finding)
        .where(and(eq(finding.id, id), inScope(actor, finding.regionPath)))
        .for('update');
      if (!row) throw notFound();
      const status = nextFindingStatus(row.status, body.action);
      if (!status) throw conflict('status', 'finding.notAllowed');
      const change: Partial<typeof finding.$inferInsert> = { status };
      if (body.action === 'report')
        Object.assign(change, { evidence: body.evidence, reportedAt: at, reportedBy: actor.userId });
      if (body.action === 'verify')
        Object.assign(change, { closedAt: at, closedBy: actor.userId, reviewNote: body.note || null });
      // Sent back, the report no longer stands: reported_at is when the current report was made.
      if (body.action === 'sendBack')
        Object.assign(change, { reviewNote: body.note, reportedAt: null, reportedBy: null });
      await tx.update(finding).set(change).where(eq(finding.id, id));
      const { action: _action, ...detail } = body;
      await audit(tx, actor, {
        event: `finding.${body.action}`,
        targetType: 'finding',
        targetId: id,
        regionPath: row.regionPath,
        detail: { from: row.status, to: status, ...detail },
      });
    });
    return getFinding(actor, id);
  }

  return {
    listChecklists,
    updateChecklist,
    listInspections,
    getInspection,
    createInspection,
    listFindings,
    getFinding,
    rectify: move,
    review: move,
  };
}
