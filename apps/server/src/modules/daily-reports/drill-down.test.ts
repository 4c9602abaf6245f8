import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shanghaiDateOf, reportDayWindow } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import {
  buildCheckpoint,
  buildCounty,
  buildEntry,
  buildHousehold,
  buildKeyPerson,
  buildRegion,
  buildRound,
  buildUser,
  type RegionRow,
} from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';
import { countySetting } from '../../db/schema/index.js';
import { raiseLead } from '../leads/leads.service.js';
import { computeChildFigures, computeFigures, reportMoment } from './figures.js';

const today = shanghaiDateOf(new Date());

interface Drill {
  api: string;
  web: string;
  query: Record<string, string>;
  counts: string;
  exact: boolean;
}

/** Every figure of a village report opens a list whose count is the figure, for the same cut-off and scope. */
describe('daily report drill-down', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let village: RegionRow;
  let officer: Session;
  let otherCadre: Session;

  beforeAll(async () => {
    county = await buildCounty(db);
    await db.insert(countySetting).values({
      regionId: county.county.id,
      regionPath: county.county.path,
      section: 'report',
      value: { deadline: '23:59' },
    });
    village = await buildRegion(db, '510121001009', '白果村', county.townshipA);
    const { dayStart } = reportDayWindow(today);
    const yesterday = new Date(dayStart.getTime() - 3_600_000);

    // Households and persons, one family away; records in the neighbouring village must not count.
    const h = [
      await buildHousehold(db, village, 3),
      await buildHousehold(db, village, 2),
      await buildHousehold(db, village, 1),
      await buildHousehold(db, village, 2),
    ];
    await buildHousehold(db, county.villageA, 4);
    await db.execute(sql`UPDATE household SET status = 'away' WHERE id = ${h[1]!.id}`);

    // Screening: two households covered today, one yesterday, one nobody home.
    const round = await buildRound(db, county.townshipA);
    const visit = (householdId: string, outcome: string, at: Date) =>
      db.execute(
        sql`INSERT INTO visit (id, round_id, household_id, region_path, outcome, visited_at) VALUES (${uuidv7()}, ${round.id}, ${householdId}, ${village.path}::ltree, ${outcome}, ${at})`,
      );
    await visit(h[0]!.id, 'visited', new Date());
    await visit(h[1]!.id, 'away', new Date());
    await visit(h[2]!.id, 'visited', yesterday);
    await visit(h[3]!.id, 'nobodyHome', new Date());

    // Key persons: two active (one central), one released today, one opened yesterday.
    const kps = [
      await buildKeyPerson(db, village, { startDate: today }),
      await buildKeyPerson(db, village, { startDate: today }),
      await buildKeyPerson(db, village, { startDate: today }),
      await buildKeyPerson(db, village, { startDate: today }),
    ];
    await db.execute(sql`UPDATE key_person SET measure = 'centralIsolation' WHERE id = ${kps[1]!.id}`);
    await db.execute(sql`UPDATE key_person SET status = 'released', closed_at = now() WHERE id = ${kps[2]!.id}`);
    await db.execute(sql`UPDATE key_person SET created_at = ${yesterday} WHERE id = ${kps[3]!.id}`);
    await buildKeyPerson(db, county.villageA, { startDate: today });

    // Health checks: two today (one corrected), a fever with its triage task, an overdue slot.
    const check = async (slot: 'am' | 'pm', correctsId: string | null = null) => {
      const id = uuidv7();
      await db.execute(
        sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at, corrects_id) VALUES (${id}, ${kps[0]!.id}, ${village.path}::ltree, ${today}, ${slot}, 38.1, 'doctor', now(), ${correctsId})`,
      );
      return id;
    };
    const first = await check('am');
    await check('pm');
    await check('am', first);
    await db.execute(
      sql`INSERT INTO triage_task (id, key_person_id, health_check_id, region_path, temperature, deadline) VALUES (${uuidv7()}, ${kps[0]!.id}, ${first}, ${village.path}::ltree, 38.1, now() + interval '2 hours')`,
    );
    await db.execute(
      sql`INSERT INTO check_alert (id, key_person_id, region_path, day, slot, overdue_at) VALUES (${uuidv7()}, ${kps[1]!.id}, ${village.path}::ltree, ${today}, 'am', now() - interval '1 hour')`,
    );

    // Checkpoint: a car with two (one febrile), a car turned back, a held pedestrian.
    const post = await buildCheckpoint(db, village);
    await buildEntry(db, post, {
      plate: '川A11111',
      occupants: [
        { idNumber: '420106198805050055', name: '过客', temperature: 36.4 },
        { idNumber: '110101199003077777', name: '同车', temperature: 38.2 },
      ],
    });
    await buildEntry(db, post, { plate: '川B22222', decision: 'turnBack' });
    await buildEntry(db, post, {
      kind: 'pedestrian',
      plate: undefined,
      decision: 'hold',
      holdOutcome: 'placement',
      occupants: [{ idNumber: '110101199003078888', name: '步行', temperature: 38.5 }],
    });
    await buildEntry(db, await buildCheckpoint(db, county.villageA), { plate: '川C33333' });

    // Leads: three raised today (and the two febrile travellers'), one verified, one overdue.
    const lead = (name: string, deadlineHours = 24) =>
      db.transaction((tx) =>
        raiseLead(tx, {
          now: new Date(),
          name,
          regionId: village.id,
          regionPath: village.path,
          source: 'tip',
          reasons: ['other'],
          deadlineHours,
        }),
      );
    await lead('甲');
    await lead('乙', -1);
    await lead('丙');
    await db.execute(sql`UPDATE lead SET status = 'verified', resolved_at = now() WHERE name = '丙'`);

    // Venues: a KTV closed by the township's order on KTVs, a hotel under registration; two checks today (one a violation), one yesterday.
    const venue = async (r: RegionRow, type: string, name: string) => {
      const id = uuidv7();
      await db.execute(
        sql`INSERT INTO venue (id, region_id, region_path, type, name) VALUES (${id}, ${r.id}, ${r.path}::ltree, ${type}, ${name})`,
      );
      return id;
    };
    const ktv = await venue(village, 'ktv', '白果KTV');
    const hotel = await venue(village, 'hotel', '白果宾馆');
    await venue(village, 'teaHouse', '白果茶楼');
    await venue(county.villageA, 'ktv', '五凤KTV');
    await db.execute(
      sql`INSERT INTO venue_order (id, region_id, region_path, venue_type, kind, effective_from) VALUES (${uuidv7()}, ${county.townshipA.id}, ${county.townshipA.path}::ltree, 'ktv', 'close', ${today})`,
    );
    await db.execute(
      sql`INSERT INTO venue_order (id, region_id, region_path, venue_id, kind, effective_from, effective_until) VALUES (${uuidv7()}, ${village.id}, ${village.path}::ltree, ${hotel}, 'guestRegistration', '2020-01-01', ${today})`,
    );
    const venueCheck = (venueId: string, result: string, at: Date) =>
      db.execute(
        sql`INSERT INTO venue_check (id, venue_id, region_path, checked_at, result, action_taken) VALUES (${uuidv7()}, ${venueId}, ${village.path}::ltree, ${at}, ${result}, '责令整改')`,
      );
    await venueCheck(ktv, 'reopenedWithoutPermission', new Date());
    await venueCheck(hotel, 'compliant', new Date());
    await venueCheck(hotel, 'violation', yesterday);

    // Gatherings: a wedding stopped today, a funeral scaled down from 8 tables to 3, a banquet held in violation, a wedding stopped yesterday.
    const gathering = (
      outcome: string,
      tables: number,
      persons: number,
      at: Date,
      held: [number, number] | [null, null] = [null, null],
    ) =>
      db.execute(
        sql`INSERT INTO gathering (id, region_id, region_path, kind, host, date, place, tables, persons, outcome, tables_held, persons_held, settled_at) VALUES (${uuidv7()}, ${village.id}, ${village.path}::ltree, 'wedding', '事主', ${today}, '白果村', ${tables}, ${persons}, ${outcome}, ${held[0]}, ${held[1]}, ${at})`,
      );
    await gathering('cancelled', 10, 100, new Date());
    await gathering('scaledDown', 8, 80, new Date(), [3, 30]);
    await gathering('heldInViolation', 6, 60, new Date());
    await gathering('cancelled', 20, 200, yesterday);

    // Disinfection: two sessions today, one yesterday; publicity: 5 + 2 broadcast hours and a message to 300 today, 4 hours yesterday.
    const disinfect = (area: number, at: Date) =>
      db.execute(
        sql`INSERT INTO disinfection (id, region_id, region_path, place_kind, place, done_at, area_m2) VALUES (${uuidv7()}, ${village.id}, ${village.path}::ltree, 'market', '市场', ${at}, ${area})`,
      );
    await disinfect(300, new Date());
    await disinfect(200, new Date());
    await disinfect(900, yesterday);
    const publicize = (kind: string, day: string, hours: number | null, reach: number | null) =>
      db.execute(
        sql`INSERT INTO publicity (id, region_id, region_path, kind, day, hours, reach) VALUES (${uuidv7()}, ${village.id}, ${village.path}::ltree, ${kind}, ${day}, ${hours}, ${reach})`,
      );
    await publicize('broadcast', today, 5, null);
    await publicize('broadcast', today, 2.5, null);
    await publicize('wechat', today, null, 300);
    await publicize('broadcast', shanghaiDateOf(yesterday), 4, null);
    // Non-compliance: two incidents today (one handed to the police today), one yesterday handed over today.
    const kpOf = kps[0]!;
    const incident = (at: Date, handedOverAt: Date | null) =>
      db.execute(
        sql`INSERT INTO key_person_incident (id, key_person_id, region_path, kind, occurred_at, witnessed_by, police_station, police_ref, handed_over_at) VALUES (${uuidv7()}, ${kpOf.id}, ${village.path}::ltree, 'leftHome', ${at}, '网格员', ${handedOverAt && '城关派出所'}, ${handedOverAt && '城关〔2024〕1号'}, ${handedOverAt})`,
      );
    await incident(new Date(Date.now() - 60_000), new Date());
    await incident(new Date(Date.now() - 60_000), null);
    await incident(yesterday, new Date());

    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'other-cadre', role: 'villageCadre', region: county.villageA });
    [officer, otherCadre] = [await loginAs(app, 'officer'), await loginAs(app, 'other-cadre')];
  });

  const countOf = async (d: Drill, s: Session) => {
    const res = await app.inject({
      url: `${d.api}?${new URLSearchParams({ ...d.query, pageSize: '1' })}`,
      headers: s.headers,
    });
    expect(res.statusCode, `${d.api} ${res.body}`).toBe(200);
    return res.json()[d.counts] as number;
  };

  it('opens, for every figure, a list whose count is the figure', async () => {
    const res = await app.inject({
      url: `/api/v1/daily-reports/preview?regionId=${village.id}&reportDate=${today}`,
      headers: officer.headers,
    });
    const { live, drillDown } = res.json() as {
      live: Record<string, Record<string, number>>;
      drillDown: Record<string, Record<string, Drill>>;
    };
    // Every figure has a drill-down, and only the figures no list matches exactly lead to the nearest one.
    expect(Object.fromEntries(Object.entries(live).map(([s, v]) => [s, Object.keys(v).sort()]))).toEqual(
      Object.fromEntries(Object.entries(drillDown).map(([s, v]) => [s, Object.keys(v).sort()])),
    );
    const inexact = Object.entries(drillDown).flatMap(([s, v]) =>
      Object.entries(v)
        .filter(([, d]) => !d.exact)
        .map(([k]) => `${s}.${k}`),
    );
    expect(inexact.sort()).toEqual([
      'assistLists.batches',
      'assistLists.persons',
      'assistLists.verified',
      'healthChecks.fevers',
      'healthChecks.overdue',
      'healthChecks.slotsDone',
      'healthChecks.slotsDue',
      'population.personsAway',
      'screening.householdsCumulative',
      'screening.personsToday',
      'supplies.itemsShort',
    ]);

    const compared: Record<string, [number, number]> = {};
    for (const [section, figures] of Object.entries(drillDown))
      for (const [key, d] of Object.entries(figures))
        if (d.exact) compared[`${section}.${key}`] = [live[section]![key]!, await countOf(d, officer)];
    for (const [name, [figure, listed]] of Object.entries(compared)) expect(listed, name).toBe(figure);
    // The data exercise every figure, so a list that ignores its filter would show up above.
    expect(Object.fromEntries(Object.entries(compared).map(([k, [f]]) => [k, f]))).toMatchObject({
      'population.households': 4,
      'population.persons': 12,
      'population.awayHouseholds': 1,
      'screening.householdsToday': 2,
      'screening.householdsCurrentRound': 3,
      'keyPersons.active': 3,
      'keyPersons.homeIsolation': 2,
      'keyPersons.centralIsolation': 1,
      'keyPersons.newToday': 4,
      'keyPersons.releasedToday': 1,
      'healthChecks.checksToday': 2,
      'healthChecks.openTriage': 1,
      'checkpoints.vehicles': 2,
      'checkpoints.persons': 4,
      'checkpoints.turnedBack': 1,
      'checkpoints.turnedBackPersons': 1,
      'checkpoints.held': 1,
      'checkpoints.fevers': 2,
      'leads.raisedToday': 5,
      'leads.resolvedToday': 1,
      'leads.open': 4,
      'leads.overdue': 1,
      'venues.underOrder': 2,
      'venues.closed': 1,
      'venues.checksToday': 2,
      'venues.violationsToday': 1,
      'gatherings.stoppedToday': 1,
      'gatherings.tablesCancelled': 15,
      'gatherings.personsCancelled': 150,
      'gatherings.heldInViolation': 1,
      'disinfections.sessionsToday': 2,
      'disinfections.areaToday': 500,
      'publicity.broadcastHours': 7.5,
      'publicity.reach': 300,
      'nonCompliance.incidentsToday': 2,
      'nonCompliance.handedOverToday': 2,
    });
    expect(drillDown.leads!.overdue!.web).toBe('/leads');
  });

  it("keeps the lists inside the viewer's scope: another village's cadre sees none of the records", async () => {
    const { drillDown } = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${village.id}&reportDate=${today}`,
        headers: officer.headers,
      })
    ).json() as { drillDown: Record<string, Record<string, Drill>> };
    // Out of scope is not found (the key-person list) or an empty page (the others): never a record.
    for (const d of [
      drillDown.keyPersons!.active!,
      drillDown.leads!.raisedToday!,
      drillDown.checkpoints!.vehicles!,
      drillDown.population!.persons!,
      drillDown.healthChecks!.fevers!,
    ]) {
      const res = await app.inject({ url: `${d.api}?${new URLSearchParams(d.query)}`, headers: otherCadre.headers });
      expect(
        res.statusCode === 404 || (res.statusCode === 200 && res.json().total === 0),
        `${d.api} ${res.statusCode}`,
      ).toBe(true);
    }
  });

  it('computes a region and its children set-based (the dashboard) with the same figures as one report at a time', async () => {
    const moment = reportMoment(today, '23:59', new Date());
    for (const parent of (
      await db.execute<{ id: string; path: string }>(
        sql`SELECT id, path::text AS path FROM region WHERE level IN ('county', 'township') ORDER BY path`,
      )
    ).rows) {
      const children = (
        await db.execute<{ path: string }>(
          sql`SELECT path::text AS path FROM region WHERE parent_id = ${parent.id} ORDER BY path`,
        )
      ).rows.map((r) => r.path);
      const all = await computeChildFigures(db, parent.path, children, moment);
      for (const path of [parent.path, ...children])
        expect(all.get(path), path).toEqual(await computeFigures(db, path, moment));
    }
    expect((await computeFigures(db, village.path, moment)).checkpoints!.persons).toBe(4);
  });
});
