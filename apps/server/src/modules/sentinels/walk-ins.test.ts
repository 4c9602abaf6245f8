import { beforeAll, describe, expect, it } from 'vitest';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';
import { buildSentinel } from '../../../test/sentinel-factories.js';

// 2024-03-05 10:00 Asia/Shanghai.
const clock = new Date('2024-03-05T02:00:00Z');

describe('walk-in triage at a clinic (预检分诊)', async () => {
  const { app, db } = await testApp({}, () => clock);
  let clinic: Session;
  let township: Session;
  let townshipB: Session;
  let site: { id: string };
  beforeAll(async () => {
    const county = await buildCounty(db);
    const account = await buildUser(db, { username: 'clinic', role: 'sentinel', region: county.villageA });
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'townshipB', role: 'townshipOfficer', region: county.townshipB });
    site = await buildSentinel(db, county.villageA, [account]);
    [clinic, township, townshipB] = [
      await loginAs(app, 'clinic'),
      await loginAs(app, 'township'),
      await loginAs(app, 'townshipB'),
    ];
  });
  const post = (url: string, payload: Record<string, unknown>, who: Session) =>
    app.inject({ method: 'POST', url, payload, headers: who.headers });
  const patient = {
    idNumber: '510121199001011237',
    name: '发热就诊人',
    temperature: 38.4,
    symptoms: ['cough'],
  };

  it('opens the same triage task as a key person, referred to the fever clinic and closed with the outcome', async () => {
    const w = await post('/api/v1/walk-ins', { ...patient, sentinelId: site.id }, clinic);
    expect(w.statusCode).toBe(200);
    expect(w.json()).toMatchObject({ triageStatus: 'open', idNumber: expect.stringContaining('****') });
    const tasks = (await app.inject({ url: '/api/v1/triage-tasks?status=open', headers: township.headers })).json();
    expect(tasks.items).toEqual([
      expect.objectContaining({ name: '发热就诊人', walkInId: w.json().id, keyPersonId: null, temperature: 38.4 }),
    ]);
    expect(new Date(tasks.items[0].deadline).getTime() - clock.getTime()).toBe(2 * 3_600_000);

    const early = await post(
      `/api/v1/walk-ins/${w.json().id}/referral`,
      { referredTo: '县人民医院发热门诊', transferredAt: '2024-03-04T00:00:00Z' },
      township,
    );
    expect(early.json().errors[0]).toMatchObject({ field: 'transferredAt' });
    const referred = await post(
      `/api/v1/walk-ins/${w.json().id}/referral`,
      { referredTo: '县人民医院发热门诊', transferredAt: clock.toISOString() },
      township,
    );
    expect(referred.json()).toMatchObject({ referredTo: '县人民医院发热门诊' });
    const closed = await post(
      `/api/v1/triage-tasks/${tasks.items[0].id}/close`,
      { outcome: '已转运，核酸阴性' },
      township,
    );
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcome: '已转运，核酸阴性',
      referredTo: '县人民医院发热门诊',
    });
    // Another township sees neither the patient nor the task.
    expect((await app.inject({ url: '/api/v1/walk-ins', headers: townshipB.headers })).json().total).toBe(0);
    expect(
      (
        await post(
          `/api/v1/walk-ins/${w.json().id}/referral`,
          { referredTo: 'x', transferredAt: clock.toISOString() },
          townshipB,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('refuses a patient without fever or symptom, and a clinic that is not the account’s', async () => {
    const none = await post(
      '/api/v1/walk-ins',
      { ...patient, temperature: 36.5, symptoms: [], sentinelId: site.id },
      clinic,
    );
    expect(none.json().errors[0]).toMatchObject({ field: 'symptoms' });
    const other = await post(
      '/api/v1/walk-ins',
      { ...patient, sentinelId: '01900000-0000-7000-8000-000000000000' },
      clinic,
    );
    expect(other.json().errors[0]).toMatchObject({ field: 'sentinelId' });
    expect((await app.inject({ url: '/api/v1/walk-ins', headers: township.headers })).json().total).toBe(1);
  });
});
