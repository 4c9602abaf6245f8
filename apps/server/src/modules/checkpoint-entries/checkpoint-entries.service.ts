import { and, eq } from 'drizzle-orm';
import { chinaDateOf, isFever, maskIdNumber, maskPhone, parseIdNumber } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { checkpointEntry, checkpointOccupant } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { Problem, conflict, invalid, notFound, type FieldError } from '../../http/problem.js';
import { raiseLead, type LeadReason } from '../leads/leads.service.js';
import type { CreateEntryBody, EntryDto, ListEntriesQuery } from './checkpoint-entries.schemas.js';
import { regionFilterPath } from '../regions/region-scope.js';
import { addToStat, entryFilter, selectCheckpointForEntry, selectEntries, selectEntryOwner, selectLastOccupants, selectPersonsByIdNumber, selectResidents, selectRiskAreaIn } from './checkpoint-entries.queries.js';

const MAX_AGE_MS = 7 * 24 * 3_600_000;
const CLOCK_SKEW_MS = 5 * 60_000;

/** Checks that the schema cannot: fields that depend on each other and on the clock. */
function crossFieldErrors(body: CreateEntryBody, recordedAt: Date, now = Date.now()): FieldError[] {
  const errors: FieldError[] = [];
  if (body.kind === 'vehicle' && !body.plate) errors.push({ field: 'plate', key: 'checkpointEntry.plateRequired' });
  if (body.decision === 'hold' && !body.holdOutcome) errors.push({ field: 'holdOutcome', key: 'checkpointEntry.holdOutcome' });
  if (recordedAt.getTime() > now + CLOCK_SKEW_MS) errors.push({ field: 'recordedAt', key: 'checkpointEntry.future' });
  if (recordedAt.getTime() < now - MAX_AGE_MS) errors.push({ field: 'recordedAt', key: 'checkpointEntry.tooOld' });
  const seen = new Set<string>();
  body.occupants.forEach((o, i) => {
    if (seen.has(o.idNumber)) errors.push({ field: `occupants.${i}.idNumber`, key: 'checkpointEntry.duplicateOccupant' });
    seen.add(o.idNumber);
  });
  return errors;
}

export function checkpointEntriesService(db: Db) {
  async function getOne(id: string, full = false) {
    const found = (await selectEntries(db, eq(checkpointEntry.id, id), { page: 1, pageSize: 1 }, full)).items[0];
    if (!found) throw notFound();
    return found;
  }

  /**
   * Registers an entry with its occupants in one transaction. A replay of a stored id answers the
   * stored entry (`created: false`) and changes nothing; every risky occupant raises a lead.
   */
  async function create(actor: Actor, checkpointId: string, body: CreateEntryBody) {
    const cp = await selectCheckpointForEntry(db, actor, checkpointId, body.id);
    if (!cp) throw notFound();
    if (cp.ownerOfId) return replayOf(cp.id, body.id, { checkpointId: cp.ownerOfId });
    const recordedAt = new Date(body.recordedAt);
    const errors = crossFieldErrors(body, recordedAt);
    if (errors.length) throw invalid(errors);
    // An entry recorded offline before the post closed is still kept.
    if (cp.status === 'closed' && (!cp.closedAt || recordedAt >= cp.closedAt)) throw new Problem(409, 'checkpoint.closed', [{ field: 'checkpointId', key: 'checkpoint.closed' }]);

    const stored = await db.transaction(async (tx) => {
      const registered = await selectPersonsByIdNumber(tx, body.occupants.map((o) => o.idNumber));
      const area = await selectRiskAreaIn(tx, cp.regionPath, body.origin, chinaDateOf(recordedAt));
      const byId = new Map(registered.map((p) => [p.idNumber!, p]));
      const nameErrors: FieldError[] = body.occupants.flatMap((o, i) => (o.name || byId.has(o.idNumber) ? [] : [{ field: `occupants.${i}.name`, key: 'required' }]));
      if (nameErrors.length) throw invalid(nameErrors);
      const local = byId.has(body.occupants[0]!.idNumber);
      const [inserted] = await tx
        .insert(checkpointEntry)
        .values({
          id: body.id,
          checkpointId: cp.id,
          regionPath: cp.regionPath,
          kind: body.kind,
          plate: body.plate ?? null,
          vehicleType: body.kind === 'vehicle' ? (body.vehicleType ?? 'car') : null,
          direction: body.direction,
          origin: body.origin,
          destination: body.destination,
          reason: body.reason,
          decision: body.decision,
          holdOutcome: body.decision === 'hold' ? (body.holdOutcome ?? null) : null,
          recordedAt,
          recordedBy: actor.userId || null,
          local,
          persons: body.occupants.length,
        })
        .onConflictDoNothing({ target: checkpointEntry.id })
        .returning();
      if (!inserted) return undefined; // the same id won a race a moment ago

      const occupants = [];
      let leads = 0;
      for (const [i, o] of body.occupants.entries()) {
        const p = byId.get(o.idNumber);
        const name = (o.name || p?.name)!;
        const parsed = parseIdNumber(o.idNumber);
        const fever = isFever(o.temperature);
        const reasons: LeadReason[] = [...(area ? (['riskArea'] as const) : []), ...(fever ? (['fever'] as const) : [])];
        const phone = o.phone ?? p?.phone ?? null;
        let leadId: string | null = null;
        if (reasons.length) {
          leads++;
          ({ leadId } = await raiseLead(tx, {
            personId: p?.id ?? null,
            name,
            idNumber: o.idNumber,
            phone,
            // A resident's lead goes to their own village; an outsider's to the checkpoint's.
            regionId: p?.regionId ?? cp.regionId,
            regionPath: p?.regionPath ?? cp.regionPath,
            source: 'checkpoint',
            sourceRef: body.id,
            reasons,
            detail: { checkpoint: cp.name, plate: body.plate ?? null, origin: body.origin, temperature: o.temperature, riskArea: area?.name ?? null, recordedAt: body.recordedAt },
          }));
        }
        occupants.push({
          id: uuidv7(),
          entryId: body.id,
          position: i,
          regionPath: cp.regionPath,
          personId: p?.id ?? null,
          name,
          idNumber: o.idNumber,
          sex: parsed.ok ? parsed.value.sex : ('male' as const),
          birthDate: parsed.ok ? parsed.value.birthDate : '1900-01-01',
          phone,
          temperature: o.temperature.toFixed(1),
          healthCode: o.healthCode ?? null,
          itinerary: o.itinerary ?? null,
          nucleicAcid: o.nucleicAcid ?? null,
          fever,
          riskArea: !!area,
          leadId,
        });
      }
      await tx.insert(checkpointOccupant).values(occupants);
      await addToStat(tx, cp.id, cp.regionPath, recordedAt, {
        vehicles: body.kind === 'vehicle' ? 1 : 0,
        pedestrians: body.kind === 'pedestrian' ? 1 : 0,
        persons: occupants.length,
        turnedBack: body.decision === 'turnBack' ? 1 : 0,
        held: body.decision === 'hold' ? 1 : 0,
        fevers: occupants.filter((o) => o.fever).length,
        riskArea: area ? occupants.length : 0,
        localPersons: occupants.filter((o) => o.personId).length,
        localVehicles: body.kind === 'vehicle' && local ? 1 : 0,
      });
      await audit(tx, actor, { event: 'checkpointEntry.create', targetType: 'checkpointEntry', targetId: body.id, regionPath: cp.regionPath, detail: { checkpointId: cp.id, plate: body.plate ?? null, persons: occupants.length, leads, late: Date.now() - recordedAt.getTime() > 10 * 60_000 } });
      return { inserted, occupants };
    });
    if (!stored) return replayOf(cp.id, body.id, await selectEntryOwner(db, body.id));
    // Answered from what was just written: no second read on the hot path.
    const { inserted: e, occupants } = stored;
    const entry: EntryDto = {
      id: e.id,
      checkpointId: e.checkpointId,
      checkpointName: cp.name,
      kind: e.kind,
      plate: e.plate,
      vehicleType: e.vehicleType,
      direction: e.direction,
      origin: e.origin,
      destination: e.destination,
      reason: e.reason,
      decision: e.decision,
      holdOutcome: e.holdOutcome,
      recordedAt: e.recordedAt.toISOString(),
      createdAt: e.createdAt.toISOString(),
      recordedByName: actor.userId ? actor.displayName : null,
      local: e.local,
      persons: e.persons,
      occupants: occupants.map(({ entryId: _e, regionPath: _p, ...o }) => ({ ...o, idNumber: maskIdNumber(o.idNumber), phone: o.phone ? maskPhone(o.phone) : null, temperature: Number(o.temperature), local: o.personId !== null })),
    };
    return { entry, created: true };
  }

  async function replayOf(checkpointId: string, id: string, owner: { checkpointId: string } | undefined) {
    if (!owner || owner.checkpointId !== checkpointId) throw conflict('id', 'checkpointEntry.idTaken');
    return { entry: await getOne(id), created: false };
  }

  const list = async (actor: Actor, q: ListEntriesQuery) => {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0, occupants: 0, feverOccupants: q.fever === 'true' ? 0 : null };
    return selectEntries(db, entryFilter(actor, q, below), q, false, q.fever === 'true');
  };

  /** The full entry, unmasked: audited as a view of personal data. */
  async function view(actor: Actor, id: string) {
    const found = (await selectEntries(db, and(entryFilter(actor, {}), eq(checkpointEntry.id, id)), { page: 1, pageSize: 1 }, true)).items[0];
    if (!found) throw notFound();
    await audit(db, actor, { event: 'checkpointEntry.view', targetType: 'checkpointEntry', targetId: id, detail: { persons: found.persons } });
    return found;
  }

  async function residents(actor: Actor, q: { idNumber?: string; name?: string }) {
    if (!q.idNumber && !q.name) throw invalid([{ field: 'idNumber', key: 'required' }]);
    const items = (await selectResidents(db, actor, q)).map((r) => ({ ...r, idNumber: r.idNumber! }));
    if (items.length) await audit(db, actor, { event: 'person.view', targetType: 'person', targetId: items.length === 1 ? items[0]!.personId : undefined, detail: { via: 'checkpointLookup', by: q.idNumber ? 'idNumber' : 'name', found: items.length } });
    return { items };
  }

  async function lastOccupants(actor: Actor, plate: string) {
    const last = await selectLastOccupants(db, actor, plate);
    if (!last) return { entryId: null, recordedAt: null, occupants: [] };
    await audit(db, actor, { event: 'person.view', targetType: 'checkpointEntry', targetId: last.entryId, detail: { via: 'lastOccupants', plate, found: last.occupants.length } });
    return last;
  }

  return { create, list, view, residents, lastOccupants };
}

