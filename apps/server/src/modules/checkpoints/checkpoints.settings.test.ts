import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildResident, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

const RESIDENT = '510121198001010010';

describe('county switches for occupant checks', async () => {
  const { app, db } = await testApp();
  let cp: Awaited<ReturnType<typeof buildCheckpoint>>;
  let staff: Session;
  let commander: Session;
  let officer: Session;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    cp = await buildCheckpoint(db, county.villageA, { name: '五凤村路口' });
    await buildResident(db, county.villageA, RESIDENT, '张建国', '13812345678');
    await buildUser(db, { username: 'staff', role: 'checkpointStaff', region: county.townshipA });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'chief', role: 'commander', region: county.county });
    staff = await loginAs(app, 'staff');
    officer = await loginAs(app, 'officer');
    commander = await loginAs(app, 'chief');
  });
  const post = (occupant: Record<string, unknown>, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/checkpoints/${cp.id}/entries`,
      headers: { ...staff.headers, 'accept-language': lang },
      payload: {
        id: uuidv7(),
        kind: 'pedestrian',
        direction: 'in',
        decision: 'pass',
        recordedAt: new Date().toISOString(),
        occupants: [{ idNumber: RESIDENT, temperature: '36.5', ...occupant }],
      },
    });
  const put = (s: Session, payload: Record<string, unknown>) =>
    app.inject({ method: 'PUT', url: '/api/v1/county-settings/checkpoint', payload, headers: s.headers });

  it('leaves the checks optional while the county has them off', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/county-settings', headers: staff.headers });
    expect(res.json().checkpoint.values).toEqual({
      healthCodeRequired: false,
      itineraryRequired: false,
      nucleicAcidRequired: false,
    });
    expect((await post({})).statusCode).toBe(201);
  });

  it('lets only the county switch them, audited', async () => {
    expect((await put(officer, { healthCodeRequired: true })).statusCode).toBe(403);
    const res = await put(commander, { healthCodeRequired: true, nucleicAcidRequired: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().values).toEqual({
      healthCodeRequired: true,
      itineraryRequired: false,
      nucleicAcidRequired: true,
    });
    const audit = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'countySetting.update'`);
    expect(audit.rows).toEqual([
      {
        detail: {
          section: 'checkpoint',
          regionId: county.county.id,
          changes: [
            { key: 'healthCodeRequired', old: null, new: true },
            { key: 'nucleicAcidRequired', old: null, new: true },
          ],
        },
      },
    ]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/county-settings', headers: staff.headers })).json().checkpoint
        .values.healthCodeRequired,
    ).toBe(true);
  });

  it('requires the switched-on fields on every occupant, field by field, in both languages', async () => {
    const zh = await post({ itinerary: 'normal' });
    expect(zh.statusCode).toBe(422);
    const fields = zh.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(['occupants.0.healthCode', 'occupants.0.nucleicAcid']);
    expect(zh.json().errors[0].message).toContain('健康码');
    const en = await post({}, 'en-US');
    expect(en.json().errors[0].message).toContain('health-code');
    expect((await post({ healthCode: 'green', nucleicAcid: 'negative48h' })).statusCode).toBe(201);
  });

  it('makes them optional again when switched off', async () => {
    expect((await put(commander, { healthCodeRequired: false, nucleicAcidRequired: false })).statusCode).toBe(200);
    expect((await post({})).statusCode).toBe(201);
  });
});
