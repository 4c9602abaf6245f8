import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { keyPerson, observationBed, observationSite, person, placement, region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { OCCUPANCY_WARNING, type AddRoomsBody, type CreateSiteBody } from './observation-sites.schemas.js';

/**
 * Puts an active key person under central isolation in a free bed of a site, inside the caller's
 * transaction (also used when a checkpoint's hold is placed). The site must be in the caller's scope.
 */
export async function placeKeyPerson(
  tx: Tx,
  actor: Actor,
  siteId: string,
  body: { keyPersonId: string; bedId: string },
  at: Date,
) {
  const [site] = await tx
    .select({ id: observationSite.id })
    .from(observationSite)
    .where(and(eq(observationSite.id, siteId), inScope(actor, observationSite.regionPath)));
  if (!site) throw invalid([{ field: 'siteId', key: 'notFound' }]);
  const [kp] = await tx
    .select({
      id: keyPerson.id,
      status: keyPerson.status,
      measure: keyPerson.measure,
      regionPath: keyPerson.regionPath,
    })
    .from(keyPerson)
    .where(and(eq(keyPerson.id, body.keyPersonId), inScope(actor, keyPerson.regionPath)));
  if (!kp) throw invalid([{ field: 'keyPersonId', key: 'notFound' }]);
  if (kp.status !== 'active' || kp.measure !== 'centralIsolation')
    throw invalid([{ field: 'keyPersonId', key: 'placement.notCentral' }]);
  const [bed] = await tx
    .select({ id: observationBed.id })
    .from(observationBed)
    .where(and(eq(observationBed.id, body.bedId), eq(observationBed.siteId, siteId)));
  if (!bed) throw invalid([{ field: 'bedId', key: 'notFound' }]);
  const [taken] = await tx
    .select({ bedId: placement.bedId })
    .from(placement)
    .where(
      and(
        isNull(placement.endedAt),
        sql`(${placement.bedId} = ${body.bedId} OR ${placement.keyPersonId} = ${body.keyPersonId})`,
      ),
    );
  if (taken) throw conflict(taken.bedId === body.bedId ? 'bedId' : 'keyPersonId', 'placement.taken');
  const id = uuidv7();
  const inserted = await tx
    .insert(placement)
    .values({ id, siteId, bedId: body.bedId, keyPersonId: kp.id, regionPath: kp.regionPath, startedAt: at })
    .onConflictDoNothing()
    .returning({ id: placement.id });
  if (!inserted.length) throw conflict('bedId', 'placement.taken');
  await audit(tx, actor, {
    event: 'observationSite.place',
    targetType: 'keyPerson',
    targetId: kp.id,
    regionPath: kp.regionPath,
    detail: { siteId, bedId: body.bedId },
  });
  return id;
}

/** Observation sites: beds, placements of key persons under central isolation, occupancy. */
export function observationSitesService(db: Db, now: () => Date) {
  const occupancy = () => ({
    id: observationSite.id,
    name: observationSite.name,
    address: observationSite.address,
    regionId: observationSite.regionId,
    regionName: region.name,
    beds: sql<number>`(SELECT count(*)::int FROM ${observationBed} b WHERE b.site_id = ${observationSite.id})`,
    occupied: sql<number>`(SELECT count(*)::int FROM ${placement} p WHERE p.site_id = ${observationSite.id} AND p.ended_at IS NULL)`,
  });
  const shape = <R extends { beds: number; occupied: number }>(r: R) => {
    const rate = r.beds ? r.occupied / r.beds : 0;
    return {
      ...r,
      free: r.beds - r.occupied,
      occupancy: Math.round(rate * 1000) / 1000,
      warning: rate > OCCUPANCY_WARNING,
    };
  };
  const select = (where: ReturnType<typeof and>) =>
    db
      .select(occupancy())
      .from(observationSite)
      .innerJoin(region, eq(region.id, observationSite.regionId))
      .where(where);

  async function list(actor: Actor, q: { regionId?: string }) {
    let under;
    if (q.regionId) {
      const [r] = await db
        .select({ path: region.path })
        .from(region)
        .where(and(eq(region.id, q.regionId), inScope(actor, region.path)));
      if (!r) throw notFound();
      under = pathUnder(observationSite.regionPath, r.path);
    }
    const items = (
      await select(and(inScope(actor, observationSite.regionPath), under)).orderBy(asc(observationSite.name))
    ).map(shape);
    const summary = items.reduce(
      (s, i) => ({ beds: s.beds + i.beds, occupied: s.occupied + i.occupied, free: s.free + i.free }),
      { beds: 0, occupied: 0, free: 0 },
    );
    return { items, total: items.length, summary };
  }

  async function get(actor: Actor, id: string) {
    const [site] = await select(and(eq(observationSite.id, id), inScope(actor, observationSite.regionPath)));
    if (!site) throw notFound();
    const beds = await db
      .select({
        id: observationBed.id,
        room: observationBed.room,
        bed: observationBed.bed,
        placementId: placement.id,
        keyPersonId: placement.keyPersonId,
        name: person.name,
        since: placement.startedAt,
      })
      .from(observationBed)
      .leftJoin(placement, and(eq(placement.bedId, observationBed.id), isNull(placement.endedAt)))
      .leftJoin(keyPerson, eq(keyPerson.id, placement.keyPersonId))
      .leftJoin(person, eq(person.id, keyPerson.personId))
      .where(eq(observationBed.siteId, id))
      .orderBy(asc(observationBed.room), asc(observationBed.bed));
    return { ...shape(site), bedList: beds.map((b) => ({ ...b, since: b.since?.toISOString() ?? null })) };
  }

  async function create(actor: Actor, body: CreateSiteBody) {
    const [r] = await db
      .select({ id: region.id, path: region.path })
      .from(region)
      .where(and(eq(region.id, body.regionId), inScope(actor, region.path)));
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ regionId: observationSite.regionId, name: observationSite.name })
      .from(observationSite)
      .where(and(eq(observationSite.id, id), inScope(actor, observationSite.regionPath)));
    if (existing) {
      assertSameReplay(existing, body);
      return { created: false, site: await get(actor, id) };
    }
    uniqueRooms(body);
    await db.transaction(async (tx) => {
      await tx
        .insert(observationSite)
        .values({ id, regionId: r.id, regionPath: r.path, name: body.name, address: body.address ?? null });
      const beds = body.rooms.flatMap((room) =>
        Array.from({ length: room.beds }, (_, n) => ({
          id: uuidv7(),
          siteId: id,
          room: room.room,
          bed: String(n + 1),
        })),
      );
      for (let i = 0; i < beds.length; i += 1000) await tx.insert(observationBed).values(beds.slice(i, i + 1000));
      await audit(tx, actor, {
        event: 'observationSite.create',
        targetType: 'observationSite',
        targetId: id,
        regionPath: r.path,
        detail: { name: body.name, beds: beds.length },
      });
    });
    return { created: true, site: await get(actor, id) };
  }

  async function place(actor: Actor, siteId: string, body: { keyPersonId: string; bedId: string }) {
    await get(actor, siteId);
    await db.transaction((tx) => placeKeyPerson(tx, actor, siteId, body, now()));
    return get(actor, siteId);
  }

  async function end(actor: Actor, siteId: string, placementId: string) {
    await get(actor, siteId);
    await db.transaction(async (tx) => {
      const ended = await tx
        .update(placement)
        .set({ endedAt: now() })
        .where(and(eq(placement.id, placementId), eq(placement.siteId, siteId), isNull(placement.endedAt)))
        .returning({ keyPersonId: placement.keyPersonId, regionPath: placement.regionPath });
      if (!ended.length) throw notFound();
      await audit(tx, actor, {
        event: 'observationSite.leave',
        targetType: 'keyPerson',
        targetId: ended[0]!.keyPersonId,
        regionPath: ended[0]!.regionPath,
        detail: { siteId, placementId },
      });
    });
    return get(actor, siteId);
  }

  /** 增加房间/床位: beds of a room the site already has are numbered after its highest. */
  async function addRooms(actor: Actor, siteId: string, body: AddRoomsBody) {
    const site = await get(actor, siteId);
    uniqueRooms(body);
    await db.transaction(async (tx) => {
      // One writer per site at a time, so two additions to one room never pick the same numbers.
      const [locked] = await tx
        .select({ path: observationSite.regionPath })
        .from(observationSite)
        .where(eq(observationSite.id, siteId))
        .for('update');
      const existing = await tx
        .select({ room: observationBed.room, bed: observationBed.bed })
        .from(observationBed)
        .where(eq(observationBed.siteId, siteId));
      const highest = new Map<string, number>();
      for (const b of existing)
        highest.set(b.room, Math.max(highest.get(b.room) ?? 0, Number.parseInt(b.bed, 10) || 0));
      const beds = body.rooms.flatMap((room) =>
        Array.from({ length: room.beds }, (_, n) => ({
          id: uuidv7(),
          siteId,
          room: room.room,
          bed: String((highest.get(room.room) ?? 0) + n + 1),
        })),
      );
      for (let i = 0; i < beds.length; i += 1000) await tx.insert(observationBed).values(beds.slice(i, i + 1000));
      await audit(tx, actor, {
        event: 'observationSite.addRooms',
        targetType: 'observationSite',
        targetId: siteId,
        regionPath: locked!.path,
        detail: { name: site.name, beds: beds.length, rooms: body.rooms.map((r) => r.room) },
      });
    });
    return get(actor, siteId);
  }

  return { list, get, create, place, end, addRooms };
}

function uniqueRooms(body: AddRoomsBody) {
  const rooms = new Set<string>();
  body.rooms.forEach((room, i) => {
    if (rooms.has(room.room)) throw invalid([{ field: `rooms.${i}.room`, key: 'duplicateInFile' }]);
    rooms.add(room.room);
  });
}
