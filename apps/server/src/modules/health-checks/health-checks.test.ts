import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { slotState, type Slot, type SlotWindows } from '@fangkong/domain';
import { uuidv7 } from '../../db/ids.js';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildUser } from '../../../test/factories.js';

describe('health checks', async () => {
  let clock = new Date('2024-02-29T02:00:00Z'); // 10:00 on 29 February in Shanghai: am open
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let doctor: Session;
  let township: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'doctor', role: 'doctor', region: county.villageA });
    await buildUser(db, { username: 'health-centre', role: 'townshipOfficer', region: county.townshipA });
    doctor = await loginAs(app, 'doctor');
    township = await loginAs(app, 'health-centre');
  });
  const record = (payload: Record<string, unknown>, s = doctor) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/health-checks',
      payload,
      headers: { ...s.headers, 'accept-language': 'en-US' },
    });
  const fieldOf = (res: { json(): { errors: { field: string; message: string }[] } }) =>
    res.json().errors.map((e) => `${e.field}: ${e.message}`);

  it('records one check per slot, replays the same id, and refuses a second check', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    const id = uuidv7();
    const body = { id, keyPersonId: kp.id, day: '2024-02-29', slot: 'am', temperature: '36,6', measuredBy: 'doctor' };
    const first = await record(body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ id, temperature: 36.6, late: false, triageTaskId: null });
    expect((await record(body)).statusCode).toBe(200);
    const second = await record({ ...body, id: uuidv7(), temperature: 36.9 });
    expect(second.statusCode).toBe(409);
    expect(fieldOf(second)).toEqual(['slot: This slot already has a check; correct it instead']);
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM health_check WHERE key_person_id = ${kp.id}`);
    expect(n.rows[0]!.n).toBe(1);
  });

  it('refuses a future slot, a day outside the measure, an implausible temperature', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    const base = { keyPersonId: kp.id, day: '2024-02-29', slot: 'am', temperature: 36.5, measuredBy: 'doctor' };
    expect(fieldOf(await record({ ...base, slot: 'pm' }))).toEqual(['slot: This slot has not opened yet']);
    expect(fieldOf(await record({ ...base, day: '2024-03-01' }))).toEqual(['slot: This slot has not opened yet']);
    expect(fieldOf(await record({ ...base, day: '2024-02-19' }))).toEqual(['day: This day is outside the measure']);
    expect(fieldOf(await record({ ...base, temperature: 43.5 }))).toEqual([
      'temperature: The temperature must be between 34.0 and 43.0 °C',
    ]);
    expect(fieldOf(await record({ ...base, temperature: 33.9, symptoms: ['sneezing'] })).sort()).toEqual([
      'symptoms.0: Choose a value from the list',
      'temperature: The temperature must be between 34.0 and 43.0 °C',
    ]);
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM health_check WHERE key_person_id = ${kp.id}`);
    expect(n.rows[0]!.n).toBe(0);
  });

  it('marks a check of a closed slot late and settles its overdue alert', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    await db.execute(
      sql`INSERT INTO check_alert (id, key_person_id, region_path, day, slot, overdue_at) VALUES (${uuidv7()}, ${kp.id}, ${county.villageA.path}::ltree, '2024-02-28', 'pm', now())`,
    );
    const res = await record({
      keyPersonId: kp.id,
      day: '2024-02-28',
      slot: 'pm',
      temperature: 36.4,
      measuredBy: 'gridWorker',
    });
    expect(res.json().late).toBe(true);
    const open = await db.execute(
      sql`SELECT count(*)::int AS n FROM check_alert WHERE key_person_id = ${kp.id} AND resolved_at IS NULL`,
    );
    expect(open.rows[0]!.n).toBe(0);
  });

  it('opens a triage task for a fever or a red-flag symptom, which the health centre acknowledges and closes', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    const fever = await record({
      keyPersonId: kp.id,
      day: '2024-02-29',
      slot: 'am',
      temperature: 37.3,
      measuredBy: 'doctor',
    });
    const taskId = fever.json().triageTaskId;
    expect(taskId).toBeTruthy();
    expect(fever.json().triageDeadline).toBe('2024-02-29T04:00:00.000Z');
    const kp2 = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    expect(
      (
        await record({
          keyPersonId: kp2.id,
          day: '2024-02-29',
          slot: 'am',
          temperature: 36.8,
          symptoms: ['shortnessOfBreath'],
          measuredBy: 'doctor',
        })
      ).json().triageTaskId,
    ).toBeTruthy();
    expect(
      (
        await record({
          keyPersonId: kp2.id,
          day: '2024-02-28',
          slot: 'am',
          temperature: 37.2,
          symptoms: ['cough'],
          measuredBy: 'doctor',
        })
      ).json().triageTaskId,
    ).toBeNull();
    const tasks = (
      await app.inject({ url: `/api/v1/triage-tasks?keyPersonId=${kp.id}`, headers: township.headers })
    ).json();
    expect(tasks.items).toMatchObject([
      { id: taskId, status: 'open', temperature: 37.3, deadline: '2024-02-29T04:00:00.000Z', overdue: false },
    ]);
    const fevers = (await app.inject({ url: '/api/v1/key-persons?list=fever', headers: township.headers })).json();
    expect(fevers.items.map((i: { id: string }) => i.id).sort()).toEqual([kp.id, kp2.id].sort());
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/triage-tasks/${taskId}/acknowledge`,
          headers: township.headers,
        })
      ).json().status,
    ).toBe('acknowledged');
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/triage-tasks/${taskId}/acknowledge`,
          headers: township.headers,
        })
      ).statusCode,
    ).toBe(422);
    const closed = await app.inject({
      method: 'POST',
      url: `/api/v1/triage-tasks/${taskId}/close`,
      payload: { outcome: '发热门诊排除，继续居家观察' },
      headers: township.headers,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: '发热门诊排除，继续居家观察' });
  });

  it('corrects a check with a new row and keeps the first', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    const first = (
      await record({ keyPersonId: kp.id, day: '2024-02-27', slot: 'pm', temperature: 38.5, measuredBy: 'doctor' })
    ).json();
    expect(first.triageTaskId).toBeTruthy();
    const fix = await app.inject({
      method: 'POST',
      url: `/api/v1/health-checks/${first.id}/corrections`,
      payload: { temperature: 36.5, reason: '体温计读数错误，复测' },
      headers: doctor.headers,
    });
    expect(fix.statusCode).toBe(201);
    expect(fix.json()).toMatchObject({
      correctsId: first.id,
      temperature: 36.5,
      correctionReason: '体温计读数错误，复测',
    });
    const rows = await db.execute(
      sql`SELECT temperature::float AS t, corrects_id FROM health_check WHERE key_person_id = ${kp.id} ORDER BY created_at`,
    );
    expect(rows.rows).toEqual([
      { t: 38.5, corrects_id: null },
      { t: 36.5, corrects_id: first.id },
    ]);
    const file = (await app.inject({ url: `/api/v1/key-persons/${kp.id}`, headers: doctor.headers })).json();
    expect(file.lastTemperature).toBe(36.5);

    // The record as a workbook: both rows, the correction with its reason, in words; audited.
    const xlsx = await app.inject({
      url: `/api/v1/health-checks/export?keyPersonId=${kp.id}`,
      headers: doctor.headers,
    });
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(2).values as string[]).slice(1);
    const sheetRows = [3, 4].map((n) =>
      Object.fromEntries(header.map((h, i) => [h, ws.getRow(n).getCell(i + 1).value])),
    );
    expect(sheetRows.map((r) => [r['日期'], r['时段'], r['体温(℃)'], r['测量人'], r['更正原因']]).sort()).toEqual([
      ['2024-02-27', '下午', 36.5, '医护人员', '体温计读数错误，复测'],
      ['2024-02-27', '下午', 38.5, '医护人员', ''],
    ]);
    const exported = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'healthCheck.export'`);
    expect(exported.rows).toEqual([{ detail: expect.objectContaining({ rows: 2 }) }]);
  });

  it('refuses checks of a released file and of files out of scope', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-10' });
    await db.execute(sql`UPDATE key_person SET status = 'released' WHERE id = ${kp.id}`);
    expect(
      fieldOf(
        await record({ keyPersonId: kp.id, day: '2024-02-20', slot: 'am', temperature: 36.5, measuredBy: 'doctor' }),
      ),
    ).toEqual(['keyPersonId: This key person is not under an active measure']);
    const other = await buildKeyPerson(db, county.villageB, { startDate: '2024-02-20' });
    expect(
      fieldOf(
        await record({ keyPersonId: other.id, day: '2024-02-29', slot: 'am', temperature: 36.5, measuredBy: 'doctor' }),
      ),
    ).toEqual(['keyPersonId: The record does not exist or has been deleted']);
    // The id of another area's check is no key to it: posting it again answers nothing of it.
    const elsewhere = uuidv7();
    await db.execute(
      sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at) VALUES (${elsewhere}, ${other.id}, ${county.villageB.path}::ltree, '2024-02-28', 'pm', 38.6, 'doctor', now())`,
    );
    const mine = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    for (const keyPersonId of [other.id, mine.id]) {
      const res = await record({
        id: elsewhere,
        keyPersonId,
        day: '2024-02-28',
        slot: 'pm',
        temperature: 36.5,
        measuredBy: 'doctor',
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('38.6');
    }
    clock = new Date('2024-02-29T02:00:00Z');
  });

  it("keeps the phone's time of an offline check replayed after the window closed", async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    clock = new Date('2024-02-29T05:30:00Z'); // 13:30: the am window closed at 12:00
    const replayed = await record({
      keyPersonId: kp.id,
      day: '2024-02-29',
      slot: 'am',
      temperature: 36.5,
      measuredBy: 'doctor',
      recordedAt: '2024-02-29T10:30:00+08:00',
    });
    expect(replayed.json()).toMatchObject({ late: false, recordedAt: '2024-02-29T02:30:00.000Z' });
    const ahead = await record({
      keyPersonId: kp.id,
      day: '2024-02-29',
      slot: 'pm',
      temperature: 36.5,
      measuredBy: 'doctor',
      recordedAt: '2024-02-29T16:00:00+08:00',
    });
    expect(fieldOf(ahead)).toEqual(['recordedAt: This slot has not opened yet']);
    clock = new Date('2024-02-29T02:00:00Z');
  });

  it("counts a triage deadline from the server's clock, not from the phone's time of an offline fever", async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
    clock = new Date('2024-02-29T03:30:00Z'); // 11:30, the fever was taken at 10:00 and sent now
    const fever = await record({
      keyPersonId: kp.id,
      day: '2024-02-29',
      slot: 'am',
      temperature: 38.4,
      measuredBy: 'gridWorker',
      recordedAt: '2024-02-29T10:00:00+08:00',
    });
    expect(fever.json()).toMatchObject({
      recordedAt: '2024-02-29T02:00:00.000Z',
      measuredBy: 'gridWorker',
      triageDeadline: '2024-02-29T05:30:00.000Z',
    });
    const tasks = (
      await app.inject({ url: `/api/v1/triage-tasks?keyPersonId=${kp.id}`, headers: township.headers })
    ).json();
    expect(tasks.items).toMatchObject([{ deadline: '2024-02-29T05:30:00.000Z' }]);
    const replay = await record({
      id: fever.json().id,
      keyPersonId: kp.id,
      day: '2024-02-29',
      slot: 'am',
      temperature: 38.4,
      measuredBy: 'gridWorker',
    });
    expect(replay.json().triageDeadline).toBe('2024-02-29T05:30:00.000Z');
    clock = new Date('2024-02-29T02:00:00Z');
  });

  it('records a burst of checks posted together once each: a replay and a second check of a slot inside it, a fever, settled alerts', async () => {
    const files = await Promise.all(
      Array.from({ length: 12 }, () => buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' })),
    );
    for (const kp of files)
      await db.execute(
        sql`INSERT INTO check_alert (id, key_person_id, region_path, day, slot, overdue_at) VALUES (${uuidv7()}, ${kp.id}, ${county.villageA.path}::ltree, '2024-02-28', 'pm', now())`,
      );
    const bodies = files.map((kp, i) => ({
      id: uuidv7(),
      keyPersonId: kp.id,
      day: '2024-02-28',
      slot: 'pm',
      temperature: i === 3 ? 38.2 : 36.5,
      measuredBy: 'doctor',
    }));
    const res = await Promise.all([
      ...bodies.map((b) => record(b)),
      record(bodies[5]!),
      record({ ...bodies[6]!, id: uuidv7() }),
    ]);
    expect(res.map((r) => r.statusCode)).toEqual([...bodies.map(() => 201), 200, 409]);
    expect(res[12]!.json().id).toBe(bodies[5]!.id);
    expect(res[3]!.json().triageTaskId).toEqual(expect.any(String));
    const ids = files.map((f) => f.id);
    const counted = await db.execute(sql`SELECT
      (SELECT count(*)::int FROM health_check WHERE key_person_id IN ${ids}) AS checks,
      (SELECT count(*)::int FROM check_alert WHERE key_person_id IN ${ids} AND resolved_at IS NULL) AS open_alerts,
      (SELECT count(*)::int FROM triage_task WHERE key_person_id IN ${ids}) AS triage,
      (SELECT count(*)::int FROM audit_log WHERE event = 'healthCheck.record' AND target_id IN ${ids}) AS audited`);
    expect(counted.rows[0]).toEqual({ checks: 12, open_alerts: 0, triage: 1, audited: 12 });
  });

  it("decides future and late in SQL exactly as the domain's slotState does: window edges, the Shanghai date line, a window closing at 24:00", async () => {
    const custom: SlotWindows = { am: { opens: '00:00', closes: '11:30' }, pm: { opens: '13:15', closes: '24:00' } };
    const instants = [
      '2024-02-29T21:59:59.999Z',
      '2024-02-29T22:00:00Z',
      '2024-03-01T03:29:59Z',
      '2024-03-01T03:30:00Z',
      '2024-03-01T04:00:00Z',
      '2024-03-01T05:14:59Z',
      '2024-03-01T05:15:00Z',
      '2024-03-01T06:00:00Z',
      '2024-03-01T11:59:59.999Z',
      '2024-03-01T12:00:00Z',
      '2024-03-01T15:59:59Z',
      '2024-03-01T16:00:00Z',
    ];
    for (const windows of [undefined, custom]) {
      if (windows)
        await db.execute(
          sql`INSERT INTO county_setting (region_id, region_path, section, value) VALUES (${county.county.id}, ${county.county.path}::ltree, 'policy', ${JSON.stringify({ slotWindows: windows })}::jsonb)`,
        );
      for (const at of instants) {
        for (const slot of ['am', 'pm'] as Slot[]) {
          clock = new Date(at);
          const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
          const res = await record({
            keyPersonId: kp.id,
            day: '2024-03-01',
            slot,
            temperature: 36.5,
            measuredBy: 'doctor',
          });
          const expected = slotState('2024-03-01', slot, clock, windows);
          const got =
            res.statusCode === 422
              ? fieldOf(res).join() === 'slot: This slot has not opened yet'
                ? 'future'
                : res.body
              : res.json().late
                ? 'closed'
                : 'open';
          expect(`${windows ? 'custom' : 'default'} ${slot} at ${at}: ${got}`).toBe(
            `${windows ? 'custom' : 'default'} ${slot} at ${at}: ${expected}`,
          );
        }
      }
    }
    await db.execute(
      sql`DELETE FROM county_setting WHERE region_path = ${county.county.path}::ltree AND section = 'policy'`,
    );
    clock = new Date('2024-02-29T02:00:00Z');
  });
});
