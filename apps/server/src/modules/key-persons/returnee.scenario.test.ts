import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, shanghaiInstant, slotsOfMeasure } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildPerson, buildUser } from '../../../test/factories.js';
import { runKeyPersonJobs } from '../../jobs/key-person-jobs.js';
import { LINE_LISTS } from './key-persons.schemas.js';

/**
 * The "done when": a returnee named on an upstream list is verified, isolated at home
 * with a full team, checked twice a day for 14 days across the end of February (one slot missed
 * and escalated, one fever triaged) and released on the right day; every list's count matches.
 */
describe('scenario: a returnee from an upstream list to release', async () => {
  let clock = new Date('2024-02-20T01:00:00Z'); // 09:00 on 20 February in Shanghai
  const at = (day: string, hhmm: string) => (clock = shanghaiInstant(day, hhmm));
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  const s: Record<string, Session> = {};
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildPerson(db, county.villageA, { name: '王返乡', idNumber: '510121199003071233', phone: '13812345678' });
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    ids.cadre = (await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA })).id;
    ids.doctor = (await buildUser(db, { username: 'doctor', role: 'doctor', region: county.villageA })).id;
    ids.grid = (await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA })).id;
    for (const u of ['township', 'cadre', 'doctor', 'grid']) s[u] = await loginAs(app, u);
  });
  const req = async (who: string, method: string, url: string, payload?: unknown) => {
    const res = await app.inject({ method: method as never, url, payload: payload as never, headers: s[who]!.headers });
    return { status: res.statusCode, body: res.json() };
  };
  const counts = async (who = 'township', mine = false) =>
    (await req(who, 'GET', `/api/v1/key-persons/line-lists${mine ? '?mine=true' : ''}`)).body;
  /** Every list's count equals the rows the list returns, at the township and in the doctor's worklist. */
  const expectListsMatch = async (
    expected: Partial<Record<string, number>>,
    viewers: readonly (readonly [string, boolean])[] = [
      ['township', false],
      ['doctor', true],
    ],
  ) => {
    for (const [who, mine] of viewers) {
      const c = await counts(who, mine);
      for (const list of LINE_LISTS) {
        const rows = (await req(who, 'GET', `/api/v1/key-persons?list=${list}&pageSize=200${mine ? '&mine=true' : ''}`))
          .body;
        expect(rows.total, `${who} ${list}`).toBe(c[list]);
        expect(rows.items.length, `${who} ${list}`).toBe(c[list]);
      }
      expect(c, who).toMatchObject(expected);
    }
  };
  const check = (who: string, day: string, slot: 'am' | 'pm', temperature: number) =>
    req(who, 'POST', '/api/v1/health-checks', {
      keyPersonId: ids.kp,
      day,
      slot,
      temperature,
      measuredBy: who === 'grid' ? 'gridWorker' : 'doctor',
    });

  it('imports the list and verifies the lead within its two hours', async () => {
    const imported = await app.inject({
      method: 'POST',
      url: '/api/v1/leads/import?issuer=县卫健局&batch=2024-021',
      payload: '序号,姓名,身份证号,手机号\n1,王返乡,510121199003071233,13812345678\n',
      headers: { ...s.township!.headers, 'content-type': 'text/csv' },
    });
    expect(imported.json()).toMatchObject({ matched: 1, created: 1, errors: [] });
    const inbox = (await req('cadre', 'GET', '/api/v1/leads?status=open')).body;
    expect(inbox.items).toMatchObject([
      { name: '王返乡', regionName: '五凤村', deadline: '2024-02-20T03:00:00.000Z', overdue: false },
    ]);
    at('2024-02-20', '10:15');
    const verified = await req('cadre', 'POST', `/api/v1/leads/${inbox.items[0].id}/verify`, {
      category: 'returnee',
      measure: 'homeIsolation',
      startDate: '2024-02-20',
    });
    expect(verified.status).toBe(200);
    ids.kp = verified.body.keyPersonId;
    expect((await runKeyPersonJobs(db, shanghaiInstant('2024-02-20', '11:30'))).leadsEscalated).toBe(0); // verified in time
  });

  it('isolates at home for 14 days with a full team (三包一)', async () => {
    const file = (await req('cadre', 'GET', `/api/v1/key-persons/${ids.kp}`)).body;
    expect(file).toMatchObject({
      category: 'returnee',
      measure: 'homeIsolation',
      startDate: '2024-02-20',
      plannedEndDate: '2024-03-04',
      totalDays: 14,
      day: 1,
      source: 'assistRequest',
    });
    await expectListsMatch({ active: 1, incompleteTeam: 1, dueNow: 1 }, [['township', false]]); // 10:15 on day 1: the am window is open
    expect(await counts('doctor', true)).toMatchObject({ active: 0 }); // not on the team yet
    for (const [role, name, userId] of [
      ['villageCadre', '村干部', ids.cadre],
      ['doctor', '村医', ids.doctor],
      ['gridWorker', '网格员', ids.grid],
    ]) {
      expect(
        (await req('cadre', 'POST', `/api/v1/key-persons/${ids.kp}/officers`, { role, name, userId })).status,
      ).toBe(200);
    }
    await expectListsMatch({ active: 1, incompleteTeam: 0 });
  });

  it('takes 28 slots of checks: one missed and escalated until done, one fever triaged', async () => {
    let triageTaskId = '';
    for (const { day, slot } of slotsOfMeasure('2024-02-20', '2024-03-04')) {
      at(day, slot === 'pm' ? '15:00' : day === '2024-02-20' ? '10:20' : '08:00'); // verified at 10:15 on day 1
      await expectListsMatch({ dueNow: 1 });
      if (day === '2024-02-24' && slot === 'pm') {
        // Missed: overdue at 20:00, with the doctor at 21:00, with the township at 22:00.
        expect((await runKeyPersonJobs(db, shanghaiInstant(day, '20:00'))).overdue).toBe(1);
        at(day, '20:05');
        await expectListsMatch({ overdue: 1, dueNow: 0 });
        expect((await runKeyPersonJobs(db, shanghaiInstant(day, '21:00'))).toDoctor).toBe(1);
        expect((await runKeyPersonJobs(db, shanghaiInstant(day, '22:00'))).toTownship).toBe(1);
        expect((await req('township', 'GET', `/api/v1/key-persons/${ids.kp}`)).body.overdueSlots).toEqual([
          { day, slot, level: 'township' },
        ]);
        at(addDays(day, 1), '07:30');
        const late = await check('grid', day, slot, 36.6);
        expect(late.body).toMatchObject({ late: true });
        await expectListsMatch({ overdue: 0 });
        at(addDays(day, 1), '07:31');
        continue;
      }
      const fever = day === '2024-02-27' && slot === 'am';
      const res = await check('doctor', day, slot, fever ? 37.8 : 36.5);
      expect(res.status, `${day} ${slot}: ${JSON.stringify(res.body)}`).toBe(201);
      if (fever) {
        triageTaskId = res.body.triageTaskId;
        expect(triageTaskId).toBeTruthy();
        await expectListsMatch({ fever: 1 });
        expect((await runKeyPersonJobs(db, shanghaiInstant(day, '10:00'))).triageEscalated).toBe(1); // deadline 2 h: unacknowledged
        at(day, '10:05');
        expect((await req('township', 'POST', `/api/v1/triage-tasks/${triageTaskId}/acknowledge`)).body.status).toBe(
          'acknowledged',
        );
        await expectListsMatch({ fever: 1 });
        expect(
          (
            await req('township', 'POST', `/api/v1/triage-tasks/${triageTaskId}/close`, {
              outcome: '发热门诊核酸阴性，继续居家观察',
            })
          ).body.status,
        ).toBe('closed');
        await expectListsMatch({ fever: 0 });
      }
      // Nothing else is ever overdue: the job at each window's end finds every slot filled.
      expect((await runKeyPersonJobs(db, shanghaiInstant(day, slot === 'am' ? '12:00' : '20:00'))).overdue).toBe(0);
    }
  });

  it('releases on day 14 after the last check, not before', async () => {
    at('2024-03-03', '21:00');
    await expectListsMatch({ endingToday: 0, active: 1 });
    expect((await req('cadre', 'POST', `/api/v1/key-persons/${ids.kp}/status`, { status: 'released' })).status).toBe(
      422,
    );
    at('2024-03-04', '06:30');
    await expectListsMatch({ endingToday: 1 });
    const file = (await req('cadre', 'GET', `/api/v1/key-persons/${ids.kp}`)).body;
    expect(file.day).toBe(14);
    expect(file.checks.filter((c: { late: boolean }) => c.late)).toHaveLength(1);
    // The 28th check (day 14 pm) was taken at 15:00; release is due now.
    at('2024-03-04', '16:00');
    const released = await req('cadre', 'POST', `/api/v1/key-persons/${ids.kp}/status`, { status: 'released' });
    expect(released.status).toBe(200);
    expect(released.body.checks).toHaveLength(28);
    await expectListsMatch({
      active: 0,
      released: 1,
      endingToday: 0,
      overdue: 0,
      fever: 0,
      dueNow: 0,
      incompleteTeam: 0,
    });
  });
});
