import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { maskPhone } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import {
  contactLink,
  keyPerson,
  keyPersonNotice,
  keyPersonService,
  person,
  trajectoryStop,
} from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';

export async function selectFileInScope(db: Db, actor: Actor, id: string) {
  const [kp] = await db
    .select({
      id: keyPerson.id,
      personId: keyPerson.personId,
      regionId: keyPerson.regionId,
      regionPath: keyPerson.regionPath,
    })
    .from(keyPerson)
    .where(and(eq(keyPerson.id, id), inScope(actor, keyPerson.regionPath)));
  return kp;
}

export async function selectPersonInScope(db: Db, actor: Actor, id: string) {
  const [p] = await db
    .select({ id: person.id })
    .from(person)
    .where(and(eq(person.id, id), inScope(actor, person.regionPath)));
  return p;
}

const iso = async <T extends { createdAt: Date }>(rows: Promise<T[]>) =>
  (await rows).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));

export const selectTrajectory = (db: Db, keyPersonId: string) =>
  iso(
    db
      .select({
        id: trajectoryStop.id,
        place: trajectoryStop.place,
        startDate: trajectoryStop.startDate,
        endDate: trajectoryStop.endDate,
        transport: trajectoryStop.transport,
        transportDetail: trajectoryStop.transportDetail,
        note: trajectoryStop.note,
        createdAt: trajectoryStop.createdAt,
      })
      .from(trajectoryStop)
      .where(eq(trajectoryStop.keyPersonId, keyPersonId))
      .orderBy(asc(trajectoryStop.startDate), asc(trajectoryStop.createdAt)),
  );

export const selectServices = (db: Db, keyPersonId: string) =>
  iso(
    db
      .select({
        id: keyPersonService.id,
        kind: keyPersonService.kind,
        date: keyPersonService.date,
        deliveredBy: keyPersonService.deliveredBy,
        note: keyPersonService.note,
        createdAt: keyPersonService.createdAt,
      })
      .from(keyPersonService)
      .where(eq(keyPersonService.keyPersonId, keyPersonId))
      .orderBy(desc(keyPersonService.date), desc(keyPersonService.createdAt)),
  );

export const selectNotices = (db: Db, keyPersonId: string) =>
  iso(
    db
      .select({
        id: keyPersonNotice.id,
        kind: keyPersonNotice.kind,
        date: keyPersonNotice.date,
        handedBy: keyPersonNotice.handedBy,
        outcome: keyPersonNotice.outcome,
        note: keyPersonNotice.note,
        createdAt: keyPersonNotice.createdAt,
      })
      .from(keyPersonNotice)
      .where(eq(keyPersonNotice.keyPersonId, keyPersonId))
      .orderBy(desc(keyPersonNotice.date), desc(keyPersonNotice.createdAt)),
  );

/** A graph stays readable on a page; a hub (a bus full of co-travellers) is cut at this many links per hop. */
const LINKS_PER_HOP = 300;

const linksTouching = (db: Db, ids: string[]) =>
  db
    .select({
      id: contactLink.id,
      source: contactLink.personId,
      target: contactLink.contactPersonId,
      relation: contactLink.relation,
      lastContactDate: contactLink.lastContactDate,
      note: contactLink.note,
    })
    .from(contactLink)
    .where(or(inArray(contactLink.personId, ids), inArray(contactLink.contactPersonId, ids)))
    .orderBy(desc(contactLink.lastContactDate))
    .limit(LINKS_PER_HOP);

/** The contacts of a person two hops out; persons outside the caller's scope appear masked and without a file. */
export async function selectContactGraph(db: Db, actor: Actor, personId: string) {
  const first = await linksTouching(db, [personId]);
  const hop = new Map<string, number>([[personId, 0]]);
  for (const l of first) for (const p of [l.source, l.target]) if (!hop.has(p)) hop.set(p, 1);
  const direct = [...hop.keys()].filter((p) => p !== personId);
  const second = direct.length ? await linksTouching(db, direct) : [];
  for (const l of second) for (const p of [l.source, l.target]) if (!hop.has(p)) hop.set(p, 2);
  const links = [...new Map([...first, ...second].map((l) => [l.id, l])).values()];
  const rows = await db
    .select({
      personId: person.id,
      name: person.name,
      phone: person.phone,
      inScope: sql<boolean>`${inScope(actor, person.regionPath)}`,
      keyPersonId: sql<
        string | null
      >`(SELECT k.id FROM key_person k WHERE k.person_id = "person"."id" AND ${inScope(actor, sql`k.region_path`)} ORDER BY k.start_date DESC LIMIT 1)`,
      keyPersonStatus: sql<
        string | null
      >`(SELECT k.status FROM key_person k WHERE k.person_id = "person"."id" AND ${inScope(actor, sql`k.region_path`)} ORDER BY k.start_date DESC LIMIT 1)`,
    })
    .from(person)
    .where(inArray(person.id, [...hop.keys()]));
  const nodes = rows
    .map((r) => ({
      personId: r.personId,
      name: r.inScope ? r.name : `${r.name.slice(0, 1)}*`,
      phone: r.phone && r.inScope ? maskPhone(r.phone) : null,
      inScope: r.inScope,
      hop: hop.get(r.personId)!,
      keyPersonId: r.keyPersonId,
      keyPersonStatus: r.keyPersonStatus as never,
    }))
    .sort((a, b) => a.hop - b.hop);
  return { nodes, links };
}
