import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { BACK_ENTRY_DAYS, recordedTimeError } from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { household, person, users, visit, visitMember } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, isPathWithin } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound, type FieldError } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { raiseLead } from '../leads/leads.service.js';
import { lockHousehold } from '../households/households.service.js';

import { registerPerson } from '../persons/persons.service.js';
import { selectRiskAreasByIds } from '../risk-areas/risk-areas.queries.js';
import type { CreateVisitBody } from './screening.schemas.js';
import { leadReasons } from './visit-rules.js';
import type { roundsService } from './rounds.service.js';

const ANSWERED = new Set(['visited', 'away']);

async function selectVisits(
  tx: Tx,
  actor: Actor,
  where: ReturnType<typeof and>,
  page: { page: number; pageSize: number },
) {
  const filter = and(inScope(actor, visit.regionPath), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: visit.id,
        roundId: visit.roundId,
        householdId: visit.householdId,
        address: household.address,
        outcome: visit.outcome,
        pledgeSigned: visit.pledgeSigned,
        notices: visit.notices,
        note: visit.note,
        visitedAt: visit.visitedAt,
        visitorName: users.displayName,
      })
      .from(visit)
      .innerJoin(household, eq(household.id, visit.householdId))
      .leftJoin(users, eq(users.id, visit.visitorId))
      .where(filter)
      .orderBy(desc(visit.visitedAt), desc(visit.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(visit).where(filter),
  ]);
  const members = rows.length
    ? await tx
        .select({
          visitId: visitMember.visitId,
          personId: visitMember.personId,
          name: person.name,
          present: visitMember.present,
          awayPlace: visitMember.awayPlace,
          travel: visitMember.travel,
          symptoms: visitMember.symptoms,
          temperature: visitMember.temperature,
          discovered: visitMember.discovered,
          leadId: visitMember.leadId,
        })
        .from(visitMember)
        .innerJoin(person, eq(person.id, visitMember.personId))
        .where(
          inArray(
            visitMember.visitId,
            rows.map((r) => r.id),
          ),
        )
        .orderBy(visitMember.createdAt, visitMember.id)
    : [];
  const items = rows.map((r) => ({
    ...r,
    visitedAt: r.visitedAt.toISOString(),
    members: members
      .filter((m) => m.visitId === r.id)
      .map(({ visitId: _v, ...m }) => ({ ...m, temperature: m.temperature ?? null })),
  }));
  return { items, total: total?.n ?? 0 };
}

export function visitsService(db: Db, rounds: ReturnType<typeof roundsService>, now: () => Date) {
  async function list(actor: Actor, roundId: string, q: { householdId?: string; page: number; pageSize: number }) {
    await rounds.getRow(actor, roundId);
    return selectVisits(
      db,
      actor,
      and(eq(visit.roundId, roundId), q.householdId ? eq(visit.householdId, q.householdId) : undefined),
      q,
    );
  }

  async function get(actor: Actor, id: string) {
    const found = (await selectVisits(db, actor, eq(visit.id, id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }

  /**
   * Records a visit with each member's answers and raises a lead for every member who came back
   * from a risk area, has symptoms or a fever — all in one transaction. A replayed id (the phone's
   * outbox sending again) answers the stored visit and changes nothing.
   */
  async function create(actor: Actor, roundId: string, body: CreateVisitBody) {
    // A visit is recorded after it happened; a phone's clock may run a few minutes fast.
    const round = await rounds.getRow(actor, roundId);
    const id = body.id ?? uuidv7();
    const created = await db.transaction(async (tx) => {
      const [existing] = await tx
        .select({ roundId: visit.roundId, householdId: visit.householdId, outcome: visit.outcome })
        .from(visit)
        .where(and(eq(visit.id, id), inScope(actor, visit.regionPath)));
      if (existing) {
        if (existing.roundId !== roundId) throw notFound();
        assertSameReplay({ householdId: existing.householdId, outcome: existing.outcome }, body);
        return false;
      }
      if (round.status !== 'open') throw invalid([{ field: 'roundId', key: 'round.closed' }]);
      const h = await lockHousehold(tx, actor, body.householdId);
      if (!h) throw invalid([{ field: 'householdId', key: 'notFound' }]);
      if (!isPathWithin(h.regionPath, round.regionPath))
        throw invalid([{ field: 'householdId', key: 'round.householdOutside' }]);
      if (body.members.length && !ANSWERED.has(body.outcome))
        throw invalid([{ field: 'members', key: 'visit.membersNotAllowed' }]);

      const memberIds = new Set(
        (await tx.select({ id: person.id }).from(person).where(eq(person.householdId, h.id))).map((p) => p.id),
      );
      const areaIds = [
        ...new Set(body.members.flatMap((m) => m.travel.map((t) => t.riskAreaId).filter((x): x is string => !!x))),
      ];
      const areas = new Map((await selectRiskAreasByIds(tx, actor, areaIds)).map((a) => [a.id, a]));
      const errors: FieldError[] = [];
      body.members.forEach((m, i) => {
        if (m.personId && !memberIds.has(m.personId))
          errors.push({ field: `members.${i}.personId`, key: 'person.notMember' });
        m.travel.forEach((t, j) => {
          if (t.riskAreaId && !areas.has(t.riskAreaId))
            errors.push({ field: `members.${i}.travel.${j}.riskAreaId`, key: 'notFound' });
        });
      });
      if (errors.length) throw invalid(errors);

      const visitedAt = body.visitedAt ? new Date(body.visitedAt) : now();
      const late = recordedTimeError(visitedAt, now());
      if (late) throw invalid([{ field: 'visitedAt', key: late, params: { days: BACK_ENTRY_DAYS } }]);
      const inserted = await tx
        .insert(visit)
        .values({
          id,
          roundId,
          householdId: h.id,
          regionPath: h.regionPath,
          gridId: h.gridId,
          outcome: body.outcome,
          pledgeSigned: body.pledgeSigned,
          notices: body.notices,
          note: body.note ?? null,
          visitedAt,
          visitorId: actor.userId || null,
        })
        .onConflictDoNothing({ target: visit.id })
        .returning({ id: visit.id });
      if (!inserted.length) return false;
      // 举家外出 is recorded once: the latest visit in time that found the family away or at home sets the register's status.
      if (ANSWERED.has(body.outcome)) {
        const status = body.outcome === 'away' ? 'away' : 'resident';
        await tx.execute(sql`UPDATE household h SET status = ${status}, updated_at = ${now()} WHERE h.id = ${h.id} AND h.status IN ('resident', 'away') AND h.status <> ${status}
          AND NOT EXISTS (SELECT 1 FROM visit v WHERE v.household_id = h.id AND v.id <> ${id} AND v.outcome IN ('visited', 'away') AND v.visited_at > ${visitedAt})`);
      }

      const seen = new Set<string>();
      let leads = 0;
      for (const [i, m] of body.members.entries()) {
        const discovered = !!m.newPerson;
        const personId =
          m.personId ??
          (await registerPerson(tx, actor, { ...m.newPerson!, householdId: h.id }, `members.${i}.newPerson.`)).id;
        if (seen.has(personId)) throw invalid([{ field: `members.${i}.personId`, key: 'visit.memberTwice' }]);
        seen.add(personId);
        const reasons = leadReasons(m, areas, round.travelSince);
        let leadId: string | null = null;
        if (reasons.length) {
          const [p] = await tx
            .select({ name: person.name, idNumber: person.idNumber, phone: person.phone })
            .from(person)
            .where(eq(person.id, personId));
          leadId = (
            await raiseLead(tx, {
              personId,
              name: p!.name,
              idNumber: p!.idNumber,
              phone: p!.phone,
              regionId: h.regionId,
              regionPath: h.regionPath,
              source: 'screening',
              sourceRef: id,
              reasons,
              now: now(),
              detail: {
                roundId,
                householdId: h.id,
                travel: m.travel,
                symptoms: m.symptoms,
                temperature: m.temperature ?? null,
              },
            })
          ).leadId;
          leads++;
        }
        await tx.insert(visitMember).values({
          id: uuidv7(),
          visitId: id,
          personId,
          present: m.present,
          awayPlace: m.awayPlace ?? null,
          travel: m.travel.map((t) => ({
            place: t.place,
            from: t.from,
            to: t.to ?? null,
            riskAreaId: t.riskAreaId ?? null,
          })),
          symptoms: m.symptoms,
          temperature: m.temperature ?? null,
          discovered,
          leadId,
          regionPath: h.regionPath,
        });
      }
      await audit(tx, actor, {
        event: 'visit.create',
        targetType: 'visit',
        targetId: id,
        regionPath: h.regionPath,
        detail: { roundId, householdId: h.id, outcome: body.outcome, members: body.members.length, leads },
      });
      return true;
    });
    return { created, visit: await get(actor, id) };
  }

  return { list, get, create };
}
