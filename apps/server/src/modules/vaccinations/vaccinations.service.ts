import { and, asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  AGE_GROUP_KEYS,
  doseKindOf,
  maskIdNumber,
  shanghaiDateOf,
  type AgeGroup,
  type UnvaccinatedReason,
} from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { household, person, region, vaccinationDose, vaccinationFollowUp } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder, selectRegionInScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { ageGroupSql, coverageCounts, eligible, vaccinated } from './vaccinations.figures.js';
import { checkDoseOrder } from './vaccinations.rules.js';
import type {
  CoveragePersonsQuery,
  CoverageQuery,
  CoverageRow,
  FollowUpBody,
  RecordDoseBody,
} from './vaccinations.schemas.js';

const p = alias(person, 'p');
const latestFollowUp = (column: 'reason' | 'recorded_at') =>
  sql.raw(
    `(SELECT f.${column} FROM vaccination_follow_up f WHERE f.person_id = p.id ORDER BY f.recorded_at DESC, f.id DESC LIMIT 1)`,
  );

/** 疫苗接种: doses per person, coverage by region × dose × age group, and the persons not yet vaccinated. */
export function vaccinationsService(db: Db, now: () => Date) {
  const today = () => shanghaiDateOf(now());

  /** The region asked for (or the actor's own), in scope; else not found. */
  async function rootOf(actor: Actor, regionId?: string) {
    if (regionId) {
      const r = await selectRegionInScope(db, actor, regionId);
      if (!r) throw notFound();
      return r;
    }
    const [r] = await db
      .select({ id: region.id, name: region.name, level: region.level, path: region.path })
      .from(region)
      .where(eq(region.path, actor.scopePath));
    if (!r) throw notFound();
    return r;
  }

  async function coverage(actor: Actor, q: CoverageQuery) {
    const day = q.day ?? today();
    const root = await rootOf(actor, q.regionId);
    const children = await db
      .select({ id: region.id, name: region.name, path: region.path })
      .from(region)
      .where(eq(region.parentId, root.id))
      .orderBy(asc(region.code));
    const depth = String(root.path).split('.').length + 1;
    const key = sql`subpath(p.region_path, 0, least(nlevel(p.region_path), ${depth}))::text`;
    const { rows } = await db.execute<{
      key: string;
      ageGroup: AgeGroup;
      population: number;
      first: number;
      full: number;
      booster: number;
    }>(coverageCounts(key, String(root.path), day));
    const rowOf = (r: { id: string; name: string; path: string }, mine: (key: string) => boolean): CoverageRow => {
      const groups = AGE_GROUP_KEYS.map((ageGroup) => {
        const of = rows.filter((x) => x.ageGroup === ageGroup && mine(x.key));
        const sum = (k: 'population' | 'first' | 'full' | 'booster') => of.reduce((a, x) => a + Number(x[k]), 0);
        return {
          ageGroup,
          population: sum('population'),
          first: sum('first'),
          full: sum('full'),
          booster: sum('booster'),
        };
      });
      const total = (k: 'population' | 'first' | 'full' | 'booster') => groups.reduce((a, g) => a + g[k], 0);
      return {
        regionId: r.id,
        regionName: r.name,
        groups,
        population: total('population'),
        first: total('first'),
        full: total('full'),
        booster: total('booster'),
      };
    };
    return {
      day,
      region: rowOf({ ...root, path: String(root.path) }, () => true),
      children: children.map((c) => rowOf({ ...c, path: String(c.path) }, (k) => k === String(c.path))),
    };
  }

  async function persons(actor: Actor, q: CoveragePersonsQuery) {
    const day = q.day ?? today();
    const below = q.regionId ? (await selectRegionInScope(db, actor, q.regionId))?.path : undefined;
    if (q.regionId && !below) return { items: [], total: 0 };
    const where = and(
      inScope(actor, p.regionPath),
      below ? pathUnder(p.regionPath, String(below)) : undefined,
      eligible(day, q.ageGroup),
      q.status === 'vaccinated'
        ? vaccinated(q.dose, day)
        : q.status === 'notVaccinated'
          ? sql`NOT ${vaccinated(q.dose, day)}`
          : undefined,
      q.reason === 'none'
        ? sql`${latestFollowUp('reason')} IS NULL`
        : q.reason
          ? sql`${latestFollowUp('reason')} = ${q.reason}`
          : undefined,
    );
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(p).where(where);
    const rows = await db
      .select({
        personId: p.id,
        name: p.name,
        idNumber: p.idNumber,
        ageGroup: sql<AgeGroup>`${ageGroupSql(day)}`,
        regionName: region.name,
        address: household.address,
        doses: sql<number>`(SELECT count(*)::int FROM vaccination_dose d WHERE d.person_id = p.id AND d.given_on <= ${day}::date)`,
        lastDoseOn: sql<
          string | null
        >`(SELECT max(d.given_on)::text FROM vaccination_dose d WHERE d.person_id = p.id AND d.given_on <= ${day}::date)`,
        reason: sql<UnvaccinatedReason | null>`${latestFollowUp('reason')}`,
        reasonAt: sql<string | null>`${latestFollowUp('recorded_at')}`,
      })
      .from(p)
      .innerJoin(region, eq(region.id, p.regionId))
      .leftJoin(household, eq(household.id, p.householdId))
      .where(where)
      .orderBy(asc(p.regionPath), asc(household.address), asc(p.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    return {
      total,
      items: rows.map((r) => ({
        ...r,
        idNumber: r.idNumber && maskIdNumber(r.idNumber),
        reasonAt: r.reasonAt && new Date(r.reasonAt).toISOString(),
      })),
    };
  }

  /** The person in scope, else a field error on `personId` (out of scope reads as not found). */
  async function personInScope(actor: Actor, personId: string) {
    const [found] = await db
      .select({ id: person.id, regionPath: person.regionPath, idNumber: person.idNumber, birthDate: person.birthDate })
      .from(person)
      .where(and(eq(person.id, personId), inScope(actor, person.regionPath)));
    if (!found) throw invalid([{ field: 'personId', key: 'notFound' }]);
    return found;
  }

  const presentDose = (d: typeof vaccinationDose.$inferSelect) => ({
    id: d.id,
    personId: d.personId,
    vaccine: d.vaccine as RecordDoseBody['vaccine'],
    doseNumber: d.doseNumber,
    kind: d.kind,
    givenOn: d.givenOn,
    place: d.place,
    source: d.source,
  });

  async function doses(actor: Actor, personId: string) {
    const [found] = await db
      .select({ id: person.id })
      .from(person)
      .where(and(eq(person.id, personId), inScope(actor, person.regionPath)));
    if (!found) throw notFound();
    const rows = await db
      .select()
      .from(vaccinationDose)
      .where(eq(vaccinationDose.personId, personId))
      .orderBy(asc(vaccinationDose.doseNumber), asc(vaccinationDose.givenOn));
    return { items: rows.map(presentDose) };
  }

  /** 登记接种: one dose on a visit or the person's page; the same dose again (or a replayed id) answers the stored one. */
  async function record(actor: Actor, body: RecordDoseBody) {
    const target = await personInScope(actor, body.personId);
    if (body.givenOn > today()) throw invalid([{ field: 'givenOn', key: 'vaccination.futureDate' }]);
    if (target.birthDate && body.givenOn < target.birthDate)
      throw invalid([{ field: 'givenOn', key: 'vaccination.beforeBirth' }]);
    return db.transaction(async (tx) => {
      const recorded = await tx.select().from(vaccinationDose).where(eq(vaccinationDose.personId, target.id));
      const same = recorded.find(
        (d) => d.id === body.id || (d.doseNumber === body.doseNumber && d.givenOn === body.givenOn),
      );
      if (same) {
        if (same.id === body.id)
          assertSameReplay(presentDose(same), { ...body, id: undefined, place: body.place ?? null });
        return presentDose(same);
      }
      const wrong = checkDoseOrder(body, recorded);
      if (wrong) throw invalid([{ field: 'givenOn', key: wrong }]);
      const [row] = await tx
        .insert(vaccinationDose)
        .values({
          id: body.id ?? uuidv7(),
          personId: target.id,
          regionPath: target.regionPath,
          vaccine: body.vaccine,
          doseNumber: body.doseNumber,
          kind: doseKindOf(body.vaccine, body.doseNumber),
          givenOn: body.givenOn,
          place: body.place || null,
          source: 'record',
          recordedBy: actor.userId,
        })
        .returning();
      await audit(tx, actor, {
        event: 'vaccination.record',
        targetType: 'vaccinationDose',
        targetId: row!.id,
        regionPath: target.regionPath,
        detail: { personId: target.id, doseNumber: body.doseNumber },
      });
      return presentDose(row!);
    });
  }

  /** 政府找人: why a person is not vaccinated, as found on a visit; audited. */
  async function followUp(actor: Actor, body: FollowUpBody) {
    const target = await personInScope(actor, body.personId);
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(vaccinationFollowUp)
        .values({
          id: uuidv7(),
          personId: target.id,
          regionPath: target.regionPath,
          reason: body.reason,
          note: body.note || null,
          recordedBy: actor.userId,
          recordedAt: now(),
        })
        .returning();
      await audit(tx, actor, {
        event: 'vaccination.followUp',
        targetType: 'vaccinationFollowUp',
        targetId: row!.id,
        regionPath: target.regionPath,
        detail: { personId: target.id, reason: body.reason },
      });
      return {
        id: row!.id,
        personId: row!.personId,
        reason: row!.reason,
        note: row!.note,
        recordedAt: row!.recordedAt.toISOString(),
      };
    });
  }

  return { coverage, persons, doses, record, followUp, today };
}
