import { and, eq } from 'drizzle-orm';
import {
  BACK_ENTRY_DAYS,
  shanghaiDateOf,
  isFever,
  recordedTimeError,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
} from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { checkpointEntry } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { assertSameReplay } from '../../http/replay.js';
import { seesFullData } from '../../auth/masking.js';
import { Problem, conflict, invalid, notFound, type FieldError } from '../../http/problem.js';
import { raiseLead, type LeadReason } from '../leads/leads.service.js';
import type { CreateEntryBody, EntryDto, ListEntriesQuery, ResidentsQuery } from './checkpoint-entries.schemas.js';
import { regionFilterPath } from '../regions/region-scope.js';
import { entryFilter, selectEntries, selectEntryOwner, selectLastOccupants } from './checkpoint-entries.queries.js';
import { lookUpPersons, lookupOf } from '../persons/person-lookup.js';
import { selectIdNumbersOf } from '../persons/persons.queries.js';
import { createBatcher } from '../../db/batcher.js';
import { executeOn, executePrepared } from '../../db/prepared.js';
import {
  insertEntries,
  selectEntryContexts,
  type EntryContext,
  type EntryRow,
  type OccupantRow,
} from './checkpoint-entries.write.js';

class LostRace extends Error {}

/** An entry whose residents picked by look-up have their register's ID numbers. */
type ResolvedBody = Omit<CreateEntryBody, 'occupants'> & {
  occupants: (CreateEntryBody['occupants'][number] & { idNumber: string })[];
};

/** Checks that the schema cannot: fields that depend on each other and on the clock. */
function crossFieldErrors(body: ResolvedBody, recordedAt: Date, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (body.kind === 'vehicle' && !body.plate) errors.push({ field: 'plate', key: 'checkpointEntry.plateRequired' });
  if (body.decision === 'hold' && !body.holdOutcome)
    errors.push({ field: 'holdOutcome', key: 'checkpointEntry.holdOutcome' });
  // The same window as every field record (visits, checks): a few minutes' skew, BACK_ENTRY_DAYS of paper back.
  const badTime = recordedTimeError(recordedAt, now);
  if (badTime) errors.push({ field: 'recordedAt', key: badTime, params: { days: BACK_ENTRY_DAYS } });
  const seen = new Set<string>();
  body.occupants.forEach((o, i) => {
    if (seen.has(o.idNumber))
      errors.push({ field: `occupants.${i}.idNumber`, key: 'checkpointEntry.duplicateOccupant' });
    seen.add(o.idNumber);
  });
  return errors;
}

const CHECK_FIELDS = ['healthCode', 'itinerary', 'nucleicAcid'] as const;

/** The checks the county has turned on must be recorded for every occupant. */
function requiredCheckErrors(body: CreateEntryBody, checks: EntryContext['checks']): FieldError[] {
  if (!checks) return [];
  return body.occupants.flatMap((o, i) =>
    CHECK_FIELDS.filter((f) => checks[f] && !o[f]).map((f) => ({
      field: `occupants.${i}.${f}`,
      key: `checkpointEntry.${f}Required`,
    })),
  );
}

export function checkpointEntriesService(db: Db, now: () => Date) {
  // Entries posted together share their look-up and their write (group commit, db/batcher.ts).
  const contexts = createBatcher((lookups: Parameters<typeof selectEntryContexts>[1]) =>
    selectEntryContexts(executePrepared(db, 'select_entry_contexts'), lookups),
  );
  const inserts = createBatcher((writes: Parameters<typeof insertEntries>[1]) =>
    insertEntries(executePrepared(db, 'insert_entries'), writes),
  );

  async function getOne(id: string, full = false) {
    const found = (await selectEntries(db, eq(checkpointEntry.id, id), { page: 1, pageSize: 1 }, full)).items[0];
    if (!found) throw notFound();
    return found;
  }

  /**
   * Registers an entry with its occupants in one transaction. A replay of a stored id answers the
   * stored entry (`created: false`) and changes nothing; every risky occupant raises a lead.
   */
  async function create(actor: Actor, checkpointId: string, input: CreateEntryBody) {
    const recordedAt = new Date(input.recordedAt);
    // Residents picked from the look-up come as person ids (the staff saw their ID numbers masked).
    const pickedIds = input.occupants.flatMap((o) => (o.personId && !o.idNumber ? [o.personId] : []));
    const picked = pickedIds.length ? await selectIdNumbersOf(db, actor, pickedIds) : new Map<string, string>();
    const idNumberOf = (o: CreateEntryBody['occupants'][number]) =>
      o.idNumber ?? (o.personId ? picked.get(o.personId) : undefined);
    const cp = await contexts.add({
      scopePath: actor.scopePath,
      checkpointId,
      entryId: input.id,
      idNumbers: input.occupants.flatMap((o) => idNumberOf(o) ?? []),
      origin: input.origin,
      day: shanghaiDateOf(recordedAt),
    });
    if (!cp) throw notFound();
    if (cp.ownerOfId) return replayOf(cp.id, input, { checkpointId: cp.ownerOfId });
    const unknown: FieldError[] = input.occupants.flatMap((o, i) =>
      idNumberOf(o) ? [] : [{ field: `occupants.${i}.idNumber`, key: o.personId ? 'notFound' : 'required' }],
    );
    if (unknown.length) throw invalid(unknown);
    const body: ResolvedBody = {
      ...input,
      occupants: input.occupants.map((o) => ({ ...o, idNumber: idNumberOf(o)! })),
    };
    const errors = crossFieldErrors(body, recordedAt, now());
    if (errors.length) throw invalid(errors);
    // An entry recorded offline before the post closed is still kept.
    if (cp.status === 'closed' && (!cp.closedAt || recordedAt >= cp.closedAt))
      throw new Problem(409, 'checkpoint.closed', [{ field: 'checkpointId', key: 'checkpoint.closed' }]);
    const byId = new Map(cp.registered.map((p) => [p.idNumber, p]));
    const nameErrors: FieldError[] = body.occupants.flatMap((o, i) =>
      o.name || byId.has(o.idNumber) ? [] : [{ field: `occupants.${i}.name`, key: 'required' }],
    );
    if (nameErrors.length) throw invalid(nameErrors);
    const checkErrors = requiredCheckErrors(body, cp.checks);
    if (checkErrors.length) throw invalid(checkErrors);

    const area = cp.area;
    const local = byId.has(body.occupants[0]!.idNumber);
    const row: EntryRow = {
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
    };
    const occupants: OccupantRow[] = body.occupants.map((o, i) => {
      const p = byId.get(o.idNumber);
      const parsed = parseIdNumber(o.idNumber);
      return {
        id: uuidv7(),
        position: i,
        personId: p?.id ?? null,
        name: (o.name || p?.name)!,
        idNumber: o.idNumber,
        sex: parsed.ok ? parsed.value.sex : 'male',
        birthDate: parsed.ok ? parsed.value.birthDate : '1900-01-01',
        phone: o.phone ?? p?.phone ?? null,
        temperature: o.temperature.toFixed(1),
        healthCode: o.healthCode ?? null,
        itinerary: o.itinerary ?? null,
        nucleicAcid: o.nucleicAcid ?? null,
        fever: isFever(o.temperature),
        riskArea: !!area,
        leadId: null,
      };
    });
    const risky = occupants.filter((o) => o.fever || o.riskArea);
    const detail = {
      checkpointId: cp.id,
      plate: row.plate,
      persons: occupants.length,
      leads: risky.length,
      late: now().getTime() - recordedAt.getTime() > 10 * 60_000,
    };
    const write = { actor, entry: row, occupants, auditDetail: detail };
    const writeWithLeads = async (tx: Tx) => {
      for (const o of risky) {
        const p = byId.get(o.idNumber);
        const reasons: LeadReason[] = [
          ...(o.riskArea ? (['riskArea'] as const) : []),
          ...(o.fever ? (['fever'] as const) : []),
        ];
        ({ leadId: o.leadId } = await raiseLead(tx, {
          personId: p?.id ?? null,
          name: o.name,
          idNumber: o.idNumber,
          phone: o.phone,
          // A resident's lead goes to their own village; an outsider's to the checkpoint's.
          regionId: p?.regionId ?? cp.regionId,
          regionPath: p?.regionPath ?? cp.regionPath,
          now: now(),
          source: 'checkpoint',
          sourceRef: body.id,
          reasons,
          detail: {
            checkpoint: cp.name,
            plate: body.plate ?? null,
            origin: body.origin,
            temperature: Number(o.temperature),
            riskArea: area?.name ?? null,
            recordedAt: body.recordedAt,
          },
        }));
      }
      const [done] = await insertEntries(executeOn(tx), [write]);
      // The same id won a race a moment ago: the leads raised for it here must not stay.
      if (!done) throw new LostRace();
      return done;
    };
    // Most entries raise no lead: one statement with the entries posted alongside, no BEGIN/COMMIT.
    const stored = risky.length
      ? await db
          .transaction(writeWithLeads)
          .catch((e: unknown) => (e instanceof LostRace ? undefined : Promise.reject(e)))
      : await inserts.add(write);
    if (!stored) return replayOf(cp.id, body, await selectEntryOwner(db, body.id));
    // Answered from what was just written: no second read on the hot path.
    const { regionPath: _p, recordedBy: _b, ...shown } = row;
    const entry: EntryDto = {
      ...shown,
      checkpointName: cp.name,
      kind: body.kind,
      direction: body.direction,
      decision: body.decision,
      vehicleType: row.vehicleType as EntryDto['vehicleType'],
      holdOutcome: row.holdOutcome as EntryDto['holdOutcome'],
      recordedAt: recordedAt.toISOString(),
      createdAt: stored.createdAt.toISOString(),
      recordedByName: actor.userId ? actor.displayName : null,
      occupants: occupants.map((o) => ({
        ...o,
        sex: o.sex as 'male' | 'female',
        healthCode: o.healthCode as never,
        itinerary: o.itinerary as never,
        nucleicAcid: o.nucleicAcid as never,
        idNumber: maskIdNumber(o.idNumber),
        phone: o.phone ? maskPhone(o.phone) : null,
        temperature: Number(o.temperature),
        local: o.personId !== null,
      })),
    };
    return { entry, created: true };
  }

  async function replayOf(checkpointId: string, body: CreateEntryBody, owner: { checkpointId: string } | undefined) {
    if (!owner || owner.checkpointId !== checkpointId) throw conflict('id', 'checkpointEntry.idTaken');
    const entry = await getOne(body.id);
    assertSameReplay(
      {
        kind: entry.kind,
        plate: entry.plate,
        direction: entry.direction,
        decision: entry.decision,
        occupants: entry.occupants.length,
      },
      { ...body, plate: body.plate ?? null, occupants: body.occupants.length },
    );
    return { entry, created: false };
  }

  const list = async (actor: Actor, q: ListEntriesQuery) => {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0, occupants: 0, feverOccupants: q.fever === 'true' ? 0 : null };
    return selectEntries(db, entryFilter(actor, q, below), q, false, q.fever === 'true');
  };

  /** The full entry, unmasked for those who may see full data (masked for the others): audited as a view of personal data. */
  async function view(actor: Actor, id: string) {
    const found = (
      await selectEntries(
        db,
        and(entryFilter(actor, {}), eq(checkpointEntry.id, id)),
        { page: 1, pageSize: 1 },
        seesFullData(actor),
      )
    ).items[0];
    if (!found) throw notFound();
    await audit(db, actor, {
      event: 'checkpointEntry.view',
      targetType: 'checkpointEntry',
      targetId: id,
      detail: { persons: found.persons },
    });
    return found;
  }

  /** Residents of the staff's area by ID number, its last digits, pinyin initials or name, masked (audited as a look-up). */
  async function residents(actor: Actor, q: ResidentsQuery) {
    if (!q.q && !q.idNumber && !q.name) throw invalid([{ field: 'q', key: 'required' }]);
    const by = q.q ? lookupOf(q.q) : q.idNumber ? { idNumber: q.idNumber } : { name: q.name! };
    if (!by) return { items: [] };
    const found = await lookUpPersons(db, actor, by, 'checkpoint');
    return { items: found.map((r) => ({ ...r, local: true as const })) };
  }

  async function lastOccupants(actor: Actor, plate: string) {
    const last = await selectLastOccupants(db, actor, plate);
    if (!last) return { entryId: null, recordedAt: null, occupants: [] };
    await audit(db, actor, {
      event: 'person.view',
      targetType: 'checkpointEntry',
      targetId: last.entryId,
      detail: { via: 'lastOccupants', plate, found: last.occupants.length },
    });
    return last;
  }

  return { create, list, view, residents, lastOccupants };
}
