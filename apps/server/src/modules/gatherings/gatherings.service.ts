import { and, desc, eq, sql } from 'drizzle-orm';
import { maskPhone, recordedTimeError } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { gathering, region, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath, selectRegionInScope } from '../regions/region-scope.js';
import { personsCancelled, stopped, tablesCancelled } from './gatherings.queries.js';
import type { CreateGatheringBody, ListGatheringsQuery } from './gatherings.schemas.js';

/** 聚集性活动: weddings, funerals, banquets, market days and temple fairs, and what came of each. */
export function gatheringsService(db: Db, now: () => Date) {
  const fields = {
    id: gathering.id,
    regionId: gathering.regionId,
    regionName: region.name,
    kind: gathering.kind,
    host: gathering.host,
    phone: gathering.phone,
    date: gathering.date,
    place: gathering.place,
    tables: gathering.tables,
    persons: gathering.persons,
    outcome: gathering.outcome,
    tablesHeld: gathering.tablesHeld,
    personsHeld: gathering.personsHeld,
    tablesCancelled: sql<number>`${tablesCancelled('gathering')}`.mapWith(Number),
    personsCancelled: sql<number>`${personsCancelled('gathering')}`.mapWith(Number),
    settledAt: gathering.settledAt,
    note: gathering.note,
    recordedBy: users.displayName,
  };
  const present = <R extends { phone: string | null; settledAt: Date }>({ phone, settledAt, ...g }: R) => ({
    ...g,
    phone: phone && maskPhone(phone),
    settledAt: settledAt.toISOString(),
  });

  async function list(actor: Actor, q: ListGatheringsQuery) {
    const empty = { items: [], total: 0, stopped: 0, tablesCancelled: 0, personsCancelled: 0 };
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return empty;
    const where = and(
      inScope(actor, gathering.regionPath),
      below ? pathUnder(gathering.regionPath, below) : undefined,
      q.kind ? eq(gathering.kind, q.kind) : undefined,
      q.outcome ? eq(gathering.outcome, q.outcome) : undefined,
      q.stopped ? stopped('gathering') : undefined,
      withinWindow(gathering.settledAt, q.settledFrom, q.settledTo),
    );
    const [rows, [summary]] = await Promise.all([
      db
        .select(fields)
        .from(gathering)
        .innerJoin(region, eq(region.id, gathering.regionId))
        .leftJoin(users, eq(users.id, gathering.recordedBy))
        .where(where)
        .orderBy(desc(gathering.settledAt), desc(gathering.id))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db
        .select({
          total: sql<number>`count(*)::int`,
          stopped: sql<number>`count(*) FILTER (WHERE ${stopped('gathering')})::int`,
          tablesCancelled: sql<number>`coalesce(sum(${tablesCancelled('gathering')}), 0)::int`,
          personsCancelled: sql<number>`coalesce(sum(${personsCancelled('gathering')}), 0)::int`,
        })
        .from(gathering)
        .where(where),
    ]);
    return { items: rows.map(present), ...summary! };
  }

  async function get(actor: Actor, id: string) {
    const [row] = await db
      .select(fields)
      .from(gathering)
      .innerJoin(region, eq(region.id, gathering.regionId))
      .leftJoin(users, eq(users.id, gathering.recordedBy))
      .where(and(eq(gathering.id, id), inScope(actor, gathering.regionPath)));
    if (!row) throw notFound();
    return present(row);
  }

  async function create(actor: Actor, body: CreateGatheringBody) {
    const r = await selectRegionInScope(db, actor, body.regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const id = body.id ?? uuidv7();
    const settledAt = new Date(body.settledAt);
    const [existing] = await db
      .select({
        regionId: gathering.regionId,
        kind: gathering.kind,
        outcome: gathering.outcome,
        tables: gathering.tables,
        settledAt: gathering.settledAt,
      })
      .from(gathering)
      .where(and(eq(gathering.id, id), inScope(actor, gathering.regionPath)));
    if (existing) {
      assertSameReplay(existing, { ...body, settledAt });
      return get(actor, id);
    }
    const late = recordedTimeError(settledAt, now());
    if (late) throw invalid([{ field: 'settledAt', key: late }]);
    await db.transaction(async (tx) => {
      await tx.insert(gathering).values({
        id,
        regionId: r.id,
        regionPath: r.path,
        kind: body.kind,
        host: body.host,
        phone: body.phone ?? null,
        date: body.date,
        place: body.place,
        tables: body.tables,
        persons: body.persons,
        outcome: body.outcome,
        tablesHeld: body.tablesHeld ?? null,
        personsHeld: body.personsHeld ?? null,
        settledAt,
        note: body.note ?? null,
        recordedBy: actor.userId || null,
      });
      await audit(tx, actor, {
        event: 'gathering.create',
        targetType: 'gathering',
        targetId: id,
        regionPath: r.path,
        detail: { kind: body.kind, outcome: body.outcome, tables: body.tables, persons: body.persons },
      });
    });
    return get(actor, id);
  }

  return { list, get, create };
}
