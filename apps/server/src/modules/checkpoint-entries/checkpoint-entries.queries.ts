import { and, asc, desc, eq, gte, ilike, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { blindIndexArray } from '../../security/personal-data-sql.js';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { checkpoint, checkpointEntry, checkpointOccupant, users } from '../../db/schema/index.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import type { EntryDto, ListEntriesQuery } from './checkpoint-entries.schemas.js';

/** The filter of the entry log: scope first, then plate, occupant ID number, time, decision. */
export function entryFilter(
  actor: Actor,
  q: Omit<ListEntriesQuery, 'page' | 'pageSize'>,
  below?: string,
): SQL | undefined {
  return and(
    inScope(actor, checkpointEntry.regionPath),
    q.checkpointId ? eq(checkpointEntry.checkpointId, q.checkpointId) : undefined,
    q.plate ? ilike(checkpointEntry.plate, `${q.plate.replace(/[·•\s]/g, '').toUpperCase()}%`) : undefined,
    q.idNumber
      ? sql`${checkpointEntry.id} IN (SELECT o.entry_id FROM checkpoint_occupant o WHERE o.id_number_bidx = ANY(${blindIndexArray('idNumber', [q.idNumber])}::text[]))`
      : undefined,
    q.from ? gte(checkpointEntry.recordedAt, new Date(q.from)) : undefined,
    q.to ? lte(checkpointEntry.recordedAt, new Date(q.to)) : undefined,
    q.decision ? eq(checkpointEntry.decision, q.decision) : undefined,
    q.kind ? eq(checkpointEntry.kind, q.kind) : undefined,
    q.fever === 'true'
      ? sql`${checkpointEntry.id} IN (SELECT o.entry_id FROM checkpoint_occupant o WHERE o.fever)`
      : undefined,
    below ? pathUnder(checkpointEntry.regionPath, below) : undefined,
  );
}

/** A page of entries with their occupants; ID numbers and phones masked unless `full`. */
export async function selectEntries(
  tx: Tx,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  full = false,
  countFevers = false,
): Promise<{ items: EntryDto[]; total: number; occupants: number; feverOccupants: number | null }> {
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: checkpointEntry.id,
        checkpointId: checkpointEntry.checkpointId,
        checkpointName: checkpoint.name,
        kind: checkpointEntry.kind,
        plate: checkpointEntry.plate,
        vehicleType: checkpointEntry.vehicleType,
        direction: checkpointEntry.direction,
        origin: checkpointEntry.origin,
        destination: checkpointEntry.destination,
        reason: checkpointEntry.reason,
        decision: checkpointEntry.decision,
        holdOutcome: checkpointEntry.holdOutcome,
        recordedAt: checkpointEntry.recordedAt,
        createdAt: checkpointEntry.createdAt,
        recordedByName: users.displayName,
        local: checkpointEntry.local,
        persons: checkpointEntry.persons,
      })
      .from(checkpointEntry)
      .innerJoin(checkpoint, eq(checkpoint.id, checkpointEntry.checkpointId))
      .leftJoin(users, eq(users.id, checkpointEntry.recordedBy))
      .where(where)
      .orderBy(desc(checkpointEntry.recordedAt), desc(checkpointEntry.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx
      .select({
        n: sql<number>`count(*)::int`,
        occupants: sql<number>`coalesce(sum(${checkpointEntry.persons}), 0)::int`,
        fevers: countFevers
          ? sql<number>`(SELECT count(*) FROM checkpoint_occupant o WHERE o.fever AND o.entry_id IN (SELECT ${checkpointEntry.id} FROM ${checkpointEntry} WHERE ${where ?? sql`true`}))::int`
          : sql<null>`NULL`,
      })
      .from(checkpointEntry)
      .where(where),
  ]);
  const occupants = rows.length
    ? await tx
        .select()
        .from(checkpointOccupant)
        .where(
          inArray(
            checkpointOccupant.entryId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(asc(checkpointOccupant.position))
    : [];
  const items = rows.map((r) => ({
    ...r,
    recordedAt: r.recordedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    occupants: occupants
      .filter((o) => o.entryId === r.id)
      .map(({ entryId: _e, regionPath: _p, ...o }) => ({
        ...o,
        idNumber: full ? o.idNumber : maskIdNumber(o.idNumber),
        phone: o.phone ? (full ? o.phone : maskPhone(o.phone)) : null,
        temperature: Number(o.temperature),
        local: o.personId !== null,
      })),
  }));
  return { items, total: total?.n ?? 0, occupants: total?.occupants ?? 0, feverOccupants: total?.fevers ?? null };
}

/** The stored entry with this id, in any scope: a replay must be told apart from an id clash. */
export async function selectEntryOwner(tx: Tx, id: string) {
  const [row] = await tx
    .select({ checkpointId: checkpointEntry.checkpointId, regionPath: checkpointEntry.regionPath })
    .from(checkpointEntry)
    .where(eq(checkpointEntry.id, id));
  return row;
}

/** The occupants of the latest entry in scope with this plate. */
export async function selectLastOccupants(tx: Tx, actor: Actor, plate: string) {
  const [last] = await tx
    .select({ id: checkpointEntry.id, recordedAt: checkpointEntry.recordedAt })
    .from(checkpointEntry)
    .where(and(inScope(actor, checkpointEntry.regionPath), eq(checkpointEntry.plate, plate)))
    .orderBy(desc(checkpointEntry.recordedAt))
    .limit(1);
  if (!last) return undefined;
  const occupants = await tx
    .select({
      name: checkpointOccupant.name,
      idNumber: checkpointOccupant.idNumber,
      phone: checkpointOccupant.phone,
      personId: checkpointOccupant.personId,
    })
    .from(checkpointOccupant)
    .where(eq(checkpointOccupant.entryId, last.id))
    .orderBy(asc(checkpointOccupant.position));
  return { entryId: last.id, recordedAt: last.recordedAt.toISOString(), occupants };
}
