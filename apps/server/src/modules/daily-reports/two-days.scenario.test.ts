import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiDateOf, slotWindowOf } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import {
  buildCheckpoint,
  buildCounty,
  buildEntry,
  buildHousehold,
  buildRegion,
  buildRound,
  buildUser,
  type RegionRow,
} from '../../../test/factories.js';

/**
 * Two working days in a fresh township, played through the API at an injected clock: visits, key
 * persons with checks and a corrected fever, checkpoint traffic, reports at 17:00, work after the
 * 18:00 cut-off and a paper file back-entered the next morning. Every figure of the village and
 * township reports, the dashboards, the coverage page and the lists is held against the script's
 * own count of what it did.
 */
const D1 = addDays(shanghaiDateOf(new Date()), -2);
const D2 = addDays(D1, 1);
let clock = new Date(`${D1}T08:00:00+08:00`);
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

describe('two working days in a fresh township', async () => {
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let village2: RegionRow;
  let cadre: Session;
  let officer: Session;
  let commander: Session;
  let households: Awaited<ReturnType<typeof buildHousehold>>[];
  let roundId: string;

  const call = async (s: Session, method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.inject({
      method,
      url,
      headers: s.headers,
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
    expect(res.statusCode, `${method} ${url} ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const preview = async (regionId: string, day: string) =>
    (await call(officer, 'GET', `/api/v1/daily-reports/preview?regionId=${regionId}&reportDate=${day}`)).live as Record<
      string,
      Record<string, number>
    >;
  const visit = (h: number, outcome: string, when: Date) =>
    call(cadre, 'POST', `/api/v1/screening/rounds/${roundId}/visits`, {
      householdId: households[h]!.id,
      outcome,
      visitedAt: when.toISOString(),
    });
  const openFile = (personId: string, startDate: string, category = 'returnee') =>
    call(officer, 'POST', '/api/v1/key-persons', { personId, category, measure: 'homeIsolation', startDate });
  const check = (keyPersonId: string, day: string, slot: 'am' | 'pm', temperature: number) =>
    call(officer, 'POST', '/api/v1/health-checks', { keyPersonId, day, slot, temperature, measuredBy: 'doctor' });

  const files: string[] = [];
  let submittedD1: Record<string, Record<string, number>>;

  beforeAll(async () => {
    county = await buildCounty(db);
    village2 = await buildRegion(db, '510121001002', '石桥村', county.townshipA);
    households = [
      await buildHousehold(db, county.villageA, 3),
      await buildHousehold(db, county.villageA, 2),
      await buildHousehold(db, county.villageA, 4),
      await buildHousehold(db, village2, 1),
    ];
    roundId = (await buildRound(db, county.townshipA)).id;
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    [cadre, officer, commander] = [
      await loginAs(app, 'cadre'),
      await loginAs(app, 'officer'),
      await loginAs(app, 'commander'),
    ];
    const post = await buildCheckpoint(db, county.townshipA);

    // Day 1.
    clock = at(D1, '10:00');
    await visit(0, 'visited', at(D1, '09:30'));
    await visit(1, 'away', at(D1, '09:45'));
    clock = at(D1, '11:00');
    files.push((await openFile(households[0]!.memberIds[0]!, D1)).id);
    clock = at(D1, '15:00');
    const fever = await check(files[0]!, D1, 'pm', 38.1);
    await call(officer, 'POST', `/api/v1/health-checks/${fever.id}/corrections`, {
      temperature: 36.8,
      reason: '录入错误',
    });
    clock = at(D1, '16:00');
    await buildEntry(db, post, {
      recordedAt: at(D1, '15:40').toISOString(),
      plate: '川A10001',
      decision: 'turnBack',
      occupants: [
        { idNumber: '420106198805050055', name: '甲', temperature: 36.4 },
        { idNumber: '11010519491231002X', name: '乙', temperature: 36.5 },
      ],
    });
    await buildEntry(db, post, { recordedAt: at(D1, '15:50').toISOString(), plate: '川A10002' });
    clock = at(D1, '17:00');
    submittedD1 = (
      await call(cadre, 'POST', '/api/v1/daily-reports', {
        id: crypto.randomUUID(),
        regionId: county.villageA.id,
        reportDate: D1,
      })
    ).figures;
    // After the cut-off: a visit and a new file belong to day 2's report.
    clock = at(D1, '20:00');
    await visit(2, 'visited', at(D1, '19:50'));
    files.push((await openFile(households[2]!.memberIds[0]!, D1, 'closeContact')).id);

    // Day 2: a paper file from five days ago entered in the morning, a check, a call that finds nobody home.
    clock = at(D2, '09:00');
    files.push((await openFile(households[2]!.memberIds[1]!, addDays(D1, -5))).id);
    await check(files[0]!, D2, 'am', 36.5);
    await visit(0, 'nobodyHome', at(D2, '08:50'));
    clock = at(D2, '15:00');
  });

  it("day 1's report holds day 1's facts, corrected, and no fact after its cut-off", async () => {
    const d1 = await preview(county.villageA.id, D1);
    expect(d1.population).toEqual({ households: 3, persons: 9, awayHouseholds: 1, personsAway: 2 });
    expect(d1.screening).toEqual({
      householdsToday: 2,
      personsToday: 0,
      householdsCurrentRound: 2,
      householdsCumulative: 2,
    });
    expect(d1.keyPersons).toEqual({ active: 1, homeIsolation: 1, centralIsolation: 0, newToday: 1, releasedToday: 0 });
    expect(d1.healthChecks).toMatchObject({ checksToday: 1, fevers: 0 });
    expect(submittedD1.keyPersons).toEqual(d1.keyPersons);
    const t1 = await preview(county.townshipA.id, D1);
    expect(t1.checkpoints).toEqual({
      vehicles: 2,
      persons: 3,
      turnedBack: 1,
      turnedBackPersons: 2,
      held: 0,
      fevers: 0,
    });
    expect(d1.checkpoints!.vehicles).toBe(0); // the post is the township's
  });

  it("day 2's report takes the after-hours work and leaves the back-entered file on its own day", async () => {
    const d2 = await preview(county.villageA.id, D2);
    expect(d2.screening).toEqual({
      householdsToday: 1,
      personsToday: 0,
      householdsCurrentRound: 3,
      householdsCumulative: 3,
    });
    expect(d2.keyPersons).toEqual({ active: 3, homeIsolation: 3, centralIsolation: 0, newToday: 1, releasedToday: 0 });
    expect(d2.keyPersonCategories).toMatchObject({ returnee: 2, closeContact: 1 });
    expect(d2.healthChecks).toMatchObject({ checksToday: 1, fevers: 0 });
    const t2 = await preview(county.townshipA.id, D2);
    expect(t2.population).toEqual({ households: 4, persons: 10, awayHouseholds: 1, personsAway: 2 });
    expect(t2.screening!.householdsCurrentRound).toBe(3);
    expect(t2.checkpoints!.vehicles).toBe(0);
    const early = await preview(county.villageA.id, addDays(D1, -5));
    expect(early.keyPersons!.newToday).toBe(1);
  });

  it('shows the same figures on the county and township dashboards, the coverage page and the lists', async () => {
    const opened = (['am', 'pm'] as const).map((slot) => slotWindowOf(D2, slot).opensAt);
    // File 1 (opened day 1 11:00) owes both slots; file 2 (day 1 20:00) both; file 3 (day 2 09:00) only pm.
    const due = 2 + 2 + (opened[1]! <= clock ? 1 : 0);
    const town = await call(officer, 'GET', '/api/v1/dashboard');
    const village = town.children.find((c: { name: string }) => c.name === '五凤村');
    expect(village).toMatchObject({
      households: 3,
      persons: 9,
      householdsCovered: 3,
      checksDueToday: due,
      checksDoneToday: 1,
    });
    expect(town.totals).toMatchObject({
      households: 4,
      persons: 10,
      householdsCovered: 3,
      checksDueToday: due,
      checksDoneToday: 1,
    });
    const countyView = await call(commander, 'GET', '/api/v1/dashboard');
    expect(countyView.children.find((c: { name: string }) => c.name === '淮口街道')).toMatchObject({
      households: 4,
      householdsCovered: 3,
      checksDueToday: due,
      checksDoneToday: 1,
    });
    const coverage = await call(officer, 'GET', `/api/v1/screening/rounds/${roundId}/coverage`);
    expect(coverage.total).toMatchObject({ households: 4, visited: 2, away: 1, missing: 1 });
    const missing = await call(officer, 'GET', `/api/v1/screening/rounds/${roundId}/households?state=missing`);
    expect(missing.total).toBe(1);
    const active = await call(officer, 'GET', `/api/v1/key-persons?status=active&regionId=${county.villageA.id}`);
    expect(active.total).toBe((await preview(county.villageA.id, D2)).keyPersons!.active);
    const byDay = countyView.keyPersonsByDay
      .filter((r: { day: string }) => r.day === D2)
      .reduce((n: number, r: { n: number }) => n + r.n, 0);
    expect(byDay).toBe(3);
  });
});
