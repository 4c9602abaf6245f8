import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import {
  buildCheckpoint,
  buildCounty,
  buildEntry,
  buildHousehold,
  buildKeyPerson,
  buildRound,
  buildUser,
} from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';
import { observationBed, observationSite, placement } from '../../db/schema/index.js';
import { raiseLead } from '../leads/leads.service.js';

/** Each defect of issue 13, played at a fixed clock: 2026-12-07, report day cut-off 18:00 Asia/Shanghai. */
let clock = new Date('2026-12-07T07:00:00Z'); // 15:00 in Shanghai
const at = (shanghai: string) => new Date(`${shanghai}+08:00`);

describe('every figure counts each fact once, on the day it happened', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let commander: Session;
  let cadre: Session;

  const preview = async (regionId: string, day: string, s: Session = officer) => {
    const res = await app.inject({
      url: `/api/v1/daily-reports/preview?regionId=${regionId}&reportDate=${day}`,
      headers: s.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().live as Record<string, Record<string, number>>;
  };
  const dashboard = async (s: Session, regionId?: string) => {
    const res = await app.inject({
      url: `/api/v1/dashboard${regionId ? `?regionId=${regionId}` : ''}`,
      headers: s.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    [officer, commander, cadre] = [
      await loginAs(app, 'officer'),
      await loginAs(app, 'commander'),
      await loginAs(app, 'cadre'),
    ];
  });

  it('covers a household by any visit of the round: a later "nobody home" does not undo the morning visit', async () => {
    const round = await buildRound(db, county.county);
    const h = await buildHousehold(db, county.villageA, 2);
    const visit = (outcome: string, when: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/screening/rounds/${round.id}/visits`,
        headers: cadre.headers,
        payload: { householdId: h.id, outcome, visitedAt: at(when).toISOString() },
      });
    expect((await visit('visited', '2026-12-07T09:00:00')).statusCode).toBe(201);
    expect((await visit('nobodyHome', '2026-12-07T14:00:00')).statusCode).toBe(201);
    const coverage = (
      await app.inject({
        url: `/api/v1/screening/rounds/${round.id}/coverage?regionId=${county.villageA.id}`,
        headers: officer.headers,
      })
    ).json();
    expect(coverage.total).toMatchObject({ households: 1, visited: 1, missing: 0 });
    expect((await preview(county.villageA.id, '2026-12-07')).screening).toMatchObject({
      householdsToday: 1,
      householdsCurrentRound: 1,
    });
    const county1 = await dashboard(commander);
    expect(county1.children.find((c: { name: string }) => c.name === '淮口街道').householdsCovered).toBe(1);

    // Township B opens its own round: township A keeps the county round's coverage.
    await buildRound(db, county.townshipB, { name: '官仓第二轮' });
    const county2 = await dashboard(commander);
    expect(county2.children.find((c: { name: string }) => c.name === '淮口街道').householdsCovered).toBe(1);
  });

  it('records 举家外出 once: the visit that finds the family away sets the register, a later one at home resets it', async () => {
    const round = await buildRound(db, county.county, { name: '外出轮' });
    const h = await buildHousehold(db, county.villageA, 3, undefined, '五凤村9号');
    const post = (outcome: string, when: string) =>
      app.inject({
        method: 'POST',
        url: `/api/v1/screening/rounds/${round.id}/visits`,
        headers: cadre.headers,
        payload: { householdId: h.id, outcome, visitedAt: at(when).toISOString() },
      });
    expect((await post('away', '2026-12-07T10:00:00')).statusCode).toBe(201);
    const status = async () =>
      (await db.execute<{ status: string }>(sql`SELECT status FROM household WHERE id = ${h.id}`)).rows[0]!.status;
    expect(await status()).toBe('away');
    expect((await preview(county.villageA.id, '2026-12-07')).population).toMatchObject({
      awayHouseholds: 1,
      personsAway: 3,
    });
    expect((await post('visited', '2026-12-07T11:00:00')).statusCode).toBe(201);
    expect(await status()).toBe('resident');
  });

  it('refuses a visit dated in the future beyond the clock skew, or too long ago, with a field error', async () => {
    const round = await buildRound(db, county.county, { name: '时间轮' });
    const h = await buildHousehold(db, county.villageA, 1);
    for (const when of ['2026-12-07T16:00:00', '2026-11-01T10:00:00']) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/screening/rounds/${round.id}/visits`,
        headers: cadre.headers,
        payload: { householdId: h.id, outcome: 'visited', visitedAt: at(when).toISOString() },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().errors[0].field).toBe('visitedAt');
    }
  });

  it("counts a back-entered file on the day its measure started, a paper check on its slot's day, a fever by its corrected value", async () => {
    const village = county.villageB;
    const officerB =
      (await buildUser(db, { username: 'officer-b', role: 'townshipOfficer', region: county.townshipB })) &&
      (await loginAs(app, 'officer-b'));
    const old = await buildKeyPerson(db, village, { startDate: '2026-11-23' }); // back-entered today, started 14 days ago
    const fresh = await buildKeyPerson(db, village, { startDate: '2026-12-07' });
    await db.execute(
      sql`UPDATE key_person SET created_at = ${at('2026-12-07T10:00:00')} WHERE id IN (${old.id}, ${fresh.id})`,
    );
    // Yesterday's pm check entered today from the paper form; today's am check 38.2 corrected to 36.5.
    await db.execute(
      sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at) VALUES (${uuidv7()}, ${old.id}, ${village.path}::ltree, '2026-12-06', 'pm', 36.6, 'doctor', ${at('2026-12-07T09:00:00')})`,
    );
    const am = uuidv7();
    await db.execute(
      sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at) VALUES (${am}, ${fresh.id}, ${village.path}::ltree, '2026-12-07', 'am', 38.2, 'doctor', ${at('2026-12-07T11:00:00')})`,
    );
    await db.execute(
      sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at, corrects_id, correction_reason, created_at) VALUES (${uuidv7()}, ${fresh.id}, ${village.path}::ltree, '2026-12-07', 'am', 36.5, 'doctor', ${at('2026-12-07T11:30:00')}, ${am}, '录入错误', now() + interval '1 second')`,
    );
    const today = await preview(village.id, '2026-12-07', officerB);
    expect(today.keyPersons).toMatchObject({ active: 2, newToday: 1 });
    expect(today.healthChecks).toMatchObject({ checksToday: 1, fevers: 0 });
    expect(today.keyPersonCategories).toMatchObject({ returnee: 2 });
    const yesterday = await preview(village.id, '2026-12-06', officerB);
    expect(yesterday.healthChecks!.checksToday).toBe(1);
  });

  it("puts a fact recorded after the 18:00 cut-off in the next day's report, and counts 劝返 in persons and vehicles", async () => {
    const post = await buildCheckpoint(db, county.villageA);
    clock = new Date('2026-12-07T13:30:00Z'); // 21:30
    await buildEntry(db, post, {
      plate: '川A12345',
      decision: 'turnBack',
      recordedAt: clock.toISOString(),
      occupants: [
        { idNumber: '420106198805050055', name: '甲', temperature: 36.4 },
        { idNumber: '110101199003077777', name: '乙', temperature: 36.5 },
        { idNumber: '11010519491231002X', name: '丙', temperature: 36.6 },
      ],
    });
    const today = await preview(county.villageA.id, '2026-12-07');
    expect(today.checkpoints).toMatchObject({ turnedBack: 0, turnedBackPersons: 0 });
    const next = await preview(county.villageA.id, '2026-12-08');
    expect(next.checkpoints).toMatchObject({ vehicles: 1, persons: 3, turnedBack: 1, turnedBackPersons: 3 });
    clock = new Date('2026-12-07T07:00:00Z');
  });

  it("counts leads held at township level in the township's total, not only its villages'", async () => {
    await db.transaction((tx) =>
      raiseLead(tx, {
        now: clock,
        name: '名单甲',
        regionId: county.townshipA.id,
        regionPath: county.townshipA.path,
        source: 'tip',
        reasons: ['other'],
      }),
    );
    await db.transaction((tx) =>
      raiseLead(tx, {
        now: clock,
        name: '村甲',
        regionId: county.villageA.id,
        regionPath: county.villageA.path,
        source: 'tip',
        reasons: ['other'],
      }),
    );
    await db.execute(
      sql`UPDATE lead SET created_at = ${at('2026-12-07T14:00:00')}, deadline = ${at('2026-12-08T14:00:00')}`,
    );
    const open = Number(
      (
        await db.execute<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM lead WHERE region_path <@ ${county.townshipA.path}::ltree AND status = 'open'`,
        )
      ).rows[0]!.n,
    );
    const town = await dashboard(officer);
    expect(town.totals.leadsOpen).toBe(open);
    expect(town.children.reduce((n: number, c: { leadsOpen: number }) => n + c.leadsOpen, 0)).toBe(open - 1);
    expect((await preview(county.townshipA.id, '2026-12-07')).leads!.open).toBe(open);
  });

  it('frees the bed when a person is released from central isolation, and no longer counts them under management that day', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2026-11-20', plannedEndDate: '2026-12-04' });
    await db.execute(
      sql`UPDATE key_person SET measure = 'centralIsolation', created_at = ${at('2026-11-20T08:00:00')} WHERE id = ${kp.id}`,
    );
    const siteId = uuidv7();
    const bedId = uuidv7();
    await db
      .insert(observationSite)
      .values({ id: siteId, regionId: county.villageA.id, regionPath: county.villageA.path, name: '留观点' });
    await db.insert(observationBed).values({ id: bedId, siteId, room: '101', bed: '1' });
    await db.insert(placement).values({
      id: uuidv7(),
      siteId,
      bedId,
      keyPersonId: kp.id,
      regionPath: county.villageA.path,
      startedAt: at('2026-11-20T09:00:00'),
    });
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/key-persons/${kp.id}/status`,
      headers: officer.headers,
      payload: { status: 'released' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const open = (
      await db.execute(
        sql`SELECT count(*)::int AS n FROM placement WHERE key_person_id = ${kp.id} AND ended_at IS NULL`,
      )
    ).rows[0]!.n;
    expect(open).toBe(0);
    clock = new Date(clock.getTime() + 60_000); // a figure is taken at an instant: what was recorded before it
    const body = await dashboard(officer);
    const todayRow = body.keyPersonsByDay
      .filter((r: { day: string }) => r.day === '2026-12-07')
      .reduce((n: number, r: { n: number }) => n + r.n, 0);
    const active = (await preview(county.townshipA.id, '2026-12-07')).keyPersons!.active;
    expect(todayRow).toBe(active);
    expect((await preview(county.villageA.id, '2026-12-07')).keyPersons).toMatchObject({ releasedToday: 1 });
  });
  it('flags a township report whose village corrected after it was submitted, with the difference, until resubmitted', async () => {
    const villageCadre =
      (await buildUser(db, { username: 'cadre-b', role: 'villageCadre', region: county.villageB })) &&
      (await loginAs(app, 'cadre-b'));
    const officerB = await loginAs(app, 'officer-b');
    const submit = (s: Session, regionId: string, correctionReason?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/daily-reports',
        headers: s.headers,
        payload: {
          id: uuidv7(),
          regionId,
          reportDate: '2026-12-07',
          ...(correctionReason ? { correctionReason } : {}),
        },
      });
    clock = new Date('2026-12-07T08:00:00Z');
    expect((await submit(villageCadre, county.villageB.id)).statusCode).toBe(200);
    clock = new Date('2026-12-07T08:30:00Z');
    expect((await submit(officerB, county.townshipB.id)).statusCode).toBe(200);
    const kp = await buildKeyPerson(db, county.villageB, { startDate: '2026-12-07' });
    await db.execute(sql`UPDATE key_person SET created_at = ${new Date('2026-12-07T08:40:00Z')} WHERE id = ${kp.id}`);
    clock = new Date('2026-12-07T09:00:00Z');
    expect((await submit(villageCadre, county.villageB.id, '漏报一人')).statusCode).toBe(200);
    const town = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipB.id}&reportDate=2026-12-07`,
        headers: officerB.headers,
      })
    ).json();
    expect(town.changedBelow).toEqual([expect.objectContaining({ regionId: county.villageB.id, version: 2 })]);
    expect(town.changedBelow[0].difference.keyPersons).toMatchObject({ active: 1, newToday: 1 });
    const countyStatus = async () =>
      (await app.inject({ url: `/api/v1/daily-reports/status?reportDate=2026-12-07`, headers: commander.headers }))
        .json()
        .reporters.find((r: { regionId: string }) => r.regionId === county.townshipB.id);
    expect((await countyStatus()).changedBelow).toBe(true);
    clock = new Date('2026-12-07T09:10:00Z');
    expect((await submit(officerB, county.townshipB.id, '村更正后重报')).statusCode).toBe(200);
    expect((await countyStatus()).changedBelow).toBe(false);
    clock = new Date('2026-12-07T07:00:00Z');
  });
});
