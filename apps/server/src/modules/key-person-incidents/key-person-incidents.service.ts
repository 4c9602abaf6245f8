import { recordedTimeError } from '@fangkong/domain';
import { and, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyPerson, keyPersonIncident, person, region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound, type FieldError } from '../../http/problem.js';
import { inScope, pathUnder, regionFilterPath } from '../../auth/scope.js';
import { withinWindow } from '../../http/time-window.js';
import { selectFileInScope } from '../key-person-file/key-person-file.queries.js';
import type { AddIncidentBody, ListIncidentsQuery, UpdateIncidentBody } from './key-person-incidents.schemas.js';

type Row = typeof keyPersonIncident.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

async function selectIncidents(
  db: Db,
  actor: Actor,
  where: SQL | undefined,
  page?: { page: number; pageSize: number },
) {
  const filter = and(inScope(actor, keyPersonIncident.regionPath), where);
  const q = db
    .select({ i: keyPersonIncident, name: person.name, regionName: region.name })
    .from(keyPersonIncident)
    .innerJoin(keyPerson, eq(keyPerson.id, keyPersonIncident.keyPersonId))
    .innerJoin(person, eq(person.id, keyPerson.personId))
    .innerJoin(region, eq(region.id, keyPerson.regionId))
    .where(filter)
    .orderBy(desc(keyPersonIncident.occurredAt), desc(keyPersonIncident.id));
  const rows = page ? await q.limit(page.pageSize).offset((page.page - 1) * page.pageSize) : await q;
  const items = rows.map(({ i, name, regionName }) => ({
    id: i.id,
    keyPersonId: i.keyPersonId,
    name,
    regionName,
    kind: i.kind,
    occurredAt: i.occurredAt.toISOString(),
    witnessedBy: i.witnessedBy,
    note: i.note,
    noticeHandedAt: iso(i.noticeHandedAt),
    policeStation: i.policeStation,
    policeRef: i.policeRef,
    handedOverAt: iso(i.handedOverAt),
    outcome: i.outcome,
    createdAt: i.createdAt.toISOString(),
  }));
  if (!page) return { items, total: items.length };
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(keyPersonIncident).where(filter);
  return { items, total: total?.n ?? 0 };
}

/** 不配合/违反居家隔离: incidents of a key person, their notice, hand-over to the police and outcome. */
export function keyPersonIncidentsService(db: Db, now: () => Date) {
  async function file(actor: Actor, id: string) {
    const kp = await selectFileInScope(db, actor, id);
    if (!kp) throw notFound();
    return kp;
  }

  /** Within the back-entry window; a hand-over names the station and its reference; follow-ups not before the incident. */
  function check(body: UpdateIncidentBody & { occurredAt?: string }, was?: Row) {
    const at = now();
    const errors: FieldError[] = [];
    const occurred = body.occurredAt ? new Date(body.occurredAt) : was?.occurredAt;
    for (const field of ['occurredAt', 'noticeHandedAt', 'handedOverAt'] as const) {
      const v = body[field as keyof typeof body];
      if (!v) continue;
      const t = new Date(v);
      const wrong = recordedTimeError(t, at);
      if (wrong) errors.push({ field, key: wrong });
      else if (field !== 'occurredAt' && occurred && t < occurred)
        errors.push({ field, key: 'incident.beforeOccurred' });
    }
    const handedOver = body.handedOverAt ?? iso(was?.handedOverAt ?? null);
    if (handedOver && !(body.policeStation ?? was?.policeStation))
      errors.push({ field: 'policeStation', key: 'incident.handOverRef' });
    if (handedOver && !(body.policeRef ?? was?.policeRef))
      errors.push({ field: 'policeRef', key: 'incident.handOverRef' });
    if (errors.length) throw invalid(errors);
  }

  async function forFile(actor: Actor, id: string) {
    const kp = await file(actor, id);
    await audit(db, actor, {
      event: 'person.view',
      targetType: 'keyPerson',
      targetId: kp.id,
      regionPath: kp.regionPath,
      detail: { part: 'incidents' },
    });
    return (await selectIncidents(db, actor, eq(keyPersonIncident.keyPersonId, id))).items;
  }

  async function add(actor: Actor, id: string, body: AddIncidentBody) {
    const kp = await file(actor, id);
    check(body);
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(keyPersonIncident)
        .values({
          id: body.id ?? uuidv7(),
          keyPersonId: id,
          regionPath: kp.regionPath,
          kind: body.kind,
          occurredAt: new Date(body.occurredAt),
          witnessedBy: body.witnessedBy,
          note: body.note ?? null,
          noticeHandedAt: body.noticeHandedAt ? new Date(body.noticeHandedAt) : null,
          policeStation: body.policeStation ?? null,
          policeRef: body.policeRef ?? null,
          handedOverAt: body.handedOverAt ? new Date(body.handedOverAt) : null,
          outcome: body.outcome ?? null,
          createdBy: actor.userId || null,
          createdAt: now(),
        })
        .onConflictDoNothing()
        .returning({ id: keyPersonIncident.id });
      if (inserted.length)
        await audit(tx, actor, {
          event: 'keyPerson.incidentAdd',
          targetType: 'keyPerson',
          targetId: id,
          regionPath: kp.regionPath,
          detail: { incidentId: inserted[0]!.id, kind: body.kind, handedOver: !!body.handedOverAt },
        });
    });
    return forFile(actor, id);
  }

  async function update(actor: Actor, id: string, incidentId: string, body: UpdateIncidentBody) {
    const kp = await file(actor, id);
    await db.transaction(async (tx) => {
      const [was] = await tx
        .select()
        .from(keyPersonIncident)
        .where(and(eq(keyPersonIncident.id, incidentId), eq(keyPersonIncident.keyPersonId, id)))
        .for('update');
      if (!was) throw notFound();
      check(body, was);
      const set = Object.fromEntries(
        Object.entries(body)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => [k, k.endsWith('At') ? new Date(v as string) : v]),
      );
      if (!Object.keys(set).length) return;
      await tx.update(keyPersonIncident).set(set).where(eq(keyPersonIncident.id, incidentId));
      await audit(tx, actor, {
        event: 'keyPerson.incidentUpdate',
        targetType: 'keyPerson',
        targetId: id,
        regionPath: kp.regionPath,
        detail: { incidentId, fields: Object.keys(set) },
      });
    });
    return forFile(actor, id);
  }

  /** Incidents in scope (the daily report's drill-down): by region, when they happened, when handed to the police. */
  async function list(actor: Actor, q: ListIncidentsQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectIncidents(
      db,
      actor,
      and(
        below ? pathUnder(keyPersonIncident.regionPath, below) : undefined,
        withinWindow(keyPersonIncident.occurredAt, q.occurredFrom, q.occurredTo),
        q.handedOverFrom || q.handedOverTo ? isNotNull(keyPersonIncident.handedOverAt) : undefined,
        withinWindow(keyPersonIncident.handedOverAt, q.handedOverFrom, q.handedOverTo),
      ),
      q,
    );
  }

  return { forFile, add, update, list };
}
