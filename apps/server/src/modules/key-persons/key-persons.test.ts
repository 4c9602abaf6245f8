import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { uuidv7 } from '../../db/ids.js';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildPerson, buildUser } from '../../../test/factories.js';

describe('key persons', async () => {
  let clock = new Date('2024-02-25T02:00:00Z'); // 10:00 in Shanghai: the am slot is open
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let commander: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    cadre = await loginAs(app, 'cadre');
    commander = await loginAs(app, 'commander');
  });
  const call = (method: string, url: string, payload?: Record<string, unknown>, s = cadre) =>
    app.inject({ method: method as never, url, payload, headers: s.headers });

  it('opens a file with the end by category, masks lists, audits the full view, and recognises a replay', async () => {
    const p = await buildPerson(db, county.villageA, {
      name: '张返乡',
      idNumber: '510121199003071233',
      phone: '13812345678',
    });
    const id = uuidv7();
    const body = {
      id,
      personId: p.id,
      category: 'returnee',
      source: 'assistRequest',
      measure: 'homeIsolation',
      startDate: '2024-02-20',
    };
    const res = await call('POST', '/api/v1/key-persons', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      id,
      plannedEndDate: '2024-03-04',
      day: 6,
      totalDays: 14,
      status: 'active',
      idNumber: '510121199003071233',
      requiredOfficers: 3,
      officers: 0,
    });
    expect((await call('POST', '/api/v1/key-persons', body)).statusCode).toBe(200);
    const again = await call('POST', '/api/v1/key-persons', { ...body, id: uuidv7() });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('personId');
    const list = (await call('GET', '/api/v1/key-persons?q=张返乡')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].idNumber).not.toContain('19900307');
    expect(list.items[0].phone).toBe('138****5678');
    const views = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'person.view' AND target_id = ${id}`,
    );
    expect(views.rows[0]!.n).toBe(2); // the create answers with the full file, and the replay too
    const created = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'keyPerson.create' AND target_id = ${id}`,
    );
    expect(created.rows[0]!.n).toBe(1);
  });

  it('refuses an end before the start and a person outside the scope, writing nothing', async () => {
    const p = await buildPerson(db, county.villageA);
    const outside = await buildPerson(db, county.villageB);
    const bad = await call('POST', '/api/v1/key-persons', {
      personId: p.id,
      category: 'closeContact',
      measure: 'homeIsolation',
      startDate: '2024-02-20',
      plannedEndDate: '2024-02-19',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ field: 'plannedEndDate', message: '解除日期不能早于开始日期' }]);
    const out = await call('POST', '/api/v1/key-persons', {
      personId: outside.id,
      category: 'closeContact',
      measure: 'homeIsolation',
      startDate: '2024-02-20',
    });
    expect(out.statusCode).toBe(422);
    expect(out.json().errors[0].field).toBe('personId');
    const n = await db.execute(
      sql`SELECT count(*)::int AS n FROM key_person WHERE person_id IN (${p.id}, ${outside.id})`,
    );
    expect(n.rows[0]!.n).toBe(0);
  });

  it('extends a measure keeping the old end and the reason', async () => {
    const kp = await buildKeyPerson(db, county.villageA);
    expect(
      (await call('PATCH', `/api/v1/key-persons/${kp.id}`, { plannedEndDate: '2024-03-10' })).json().errors[0].field,
    ).toBe('reason');
    const res = await call('PATCH', `/api/v1/key-persons/${kp.id}`, {
      plannedEndDate: '2024-03-10',
      reason: '同住人员确诊，延长观察',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ plannedEndDate: '2024-03-10', totalDays: 20 });
    expect(res.json().events.at(-1)).toMatchObject({
      kind: 'endChanged',
      fromValue: '2024-03-04',
      toValue: '2024-03-10',
      reason: '同住人员确诊，延长观察',
      actorName: 'cadre',
    });
  });

  it("records a change of category in the file's history", async () => {
    const kp = await buildKeyPerson(db, county.villageA);
    const res = await call('PATCH', `/api/v1/key-persons/${kp.id}`, {
      category: 'closeContact',
      reason: '流调确认为密接',
    });
    expect(res.json()).toMatchObject({ category: 'closeContact' });
    expect(res.json().events.at(-1)).toMatchObject({
      kind: 'categoryChanged',
      fromValue: 'returnee',
      toValue: 'closeContact',
      reason: '流调确认为密接',
    });
  });

  it("lists incomplete teams against the county's required team size", async () => {
    const kp = await buildKeyPerson(db, county.villageA, { category: 'closeContact' });
    const incomplete = async () =>
      (await call('GET', '/api/v1/key-persons?list=incompleteTeam&pageSize=200'))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await incomplete()).toContain(kp.id);
    const doctorId = (
      await buildUser(db, { username: 'qian', role: 'doctor', region: county.villageA, displayName: '钱医生' })
    ).id;
    const cadreId = (
      await buildUser(db, { username: 'li', role: 'townshipOfficer', region: county.townshipA, displayName: '李干部' })
    ).id;
    const gridId = (
      await buildUser(db, { username: 'sun', role: 'gridWorker', region: county.villageA, displayName: '孙网格' })
    ).id;
    for (const officer of [
      { role: 'leader', name: '王书记' },
      { role: 'cadre', userId: cadreId },
      { role: 'police', name: '赵民警' },
      { role: 'doctor', userId: doctorId },
    ]) {
      expect((await call('POST', `/api/v1/key-persons/${kp.id}/officers`, officer)).statusCode).toBe(200);
    }
    expect(await incomplete()).toContain(kp.id); // 4 of 5 (五包一)
    // The same account again changes nothing and is no error; the same bare name again is.
    expect(
      (await call('POST', `/api/v1/key-persons/${kp.id}/officers`, { role: 'doctor', userId: doctorId })).json(),
    ).toMatchObject({ officers: 4 });
    expect(
      (await call('POST', `/api/v1/key-persons/${kp.id}/officers`, { role: 'police', name: '赵民警' })).statusCode,
    ).toBe(409);
    const full = await call('POST', `/api/v1/key-persons/${kp.id}/officers`, {
      role: 'gridWorker',
      userId: gridId,
      phone: '13900001111',
    });
    expect(full.json()).toMatchObject({ officers: 5, requiredOfficers: 5 });
    expect(await incomplete()).not.toContain(kp.id);
    // A township cannot change the county's rules; the county can.
    expect(
      (await call('PUT', '/api/v1/county-settings/policy', { requiredOfficers: { closeContact: 6 } })).statusCode,
    ).toBe(403);
    const policy = await call(
      'PUT',
      '/api/v1/county-settings/policy',
      { requiredOfficers: { closeContact: 6 } },
      commander,
    );
    expect(policy.json().values.requiredOfficers.closeContact).toBe(6);
    expect(await incomplete()).toContain(kp.id);
    const removed = await call('DELETE', `/api/v1/key-persons/${kp.id}/officers/${full.json().officerList[0].id}`);
    expect(removed.json().officers).toBe(4);
    await call('PUT', '/api/v1/county-settings/policy', { requiredOfficers: { closeContact: 5 } }, commander);
  });

  it('refuses bad check windows in the policy', async () => {
    const res = await call(
      'PUT',
      '/api/v1/county-settings/policy',
      { slotWindows: { am: { opens: '07:00', closes: '15:00' }, pm: { opens: '14:00', closes: '20:00' } } },
      commander,
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'slotWindows', message: '上午时段应在下午时段开始前结束' }]);
  });

  it("moves through statuses and releases only after the last day's checks", async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-12' }); // ends 2024-02-25
    const status = (payload: Record<string, unknown>) => call('POST', `/api/v1/key-persons/${kp.id}/status`, payload);
    expect((await status({ status: 'hospitalized' })).json().errors[0].field).toBe('reason');
    expect((await status({ status: 'released' })).json().errors[0]).toEqual({
      field: 'status',
      message: '尚未完成最后一天的体温监测，不能解除',
    });
    clock = new Date('2024-02-25T12:00:00Z'); // 20:00: the last pm window has closed
    const released = await status({ status: 'released' });
    expect(released.statusCode).toBe(200);
    expect(released.json().status).toBe('released');
    expect((await status({ status: 'active', reason: 'x' })).statusCode).toBe(422);
    clock = new Date('2024-02-25T02:00:00Z');
  });

  it('transfers a file with its history inside the county, then out of it', async () => {
    const kp = await buildKeyPerson(db, county.villageA);
    const moved = await call('POST', `/api/v1/key-persons/${kp.id}/transfer`, {
      regionId: county.villageB.id,
      reason: '实际居住在石板村',
    });
    expect(moved.json()).toMatchObject({ regionName: '石板村', status: 'active' });
    expect((await call('GET', `/api/v1/key-persons/${kp.id}`)).statusCode).toBe(404);
    const file = (await call('GET', `/api/v1/key-persons/${kp.id}`, undefined, commander)).json();
    expect(file.events.at(-1)).toMatchObject({ kind: 'transferred', fromValue: '五凤村', toValue: '石板村' });
    const out = await call(
      'POST',
      `/api/v1/key-persons/${kp.id}/transfer`,
      { destination: '成都市武侯区', reason: '返回居住地' },
      commander,
    );
    expect(out.json().status).toBe('transferred');
    expect(
      (
        await call(
          'POST',
          `/api/v1/key-persons/${kp.id}/transfer`,
          { regionId: county.villageA.id, destination: 'x', reason: 'r' },
          commander,
        )
      ).statusCode,
    ).toBe(422);
  });

  it('exports a line list as the 重点人员台账 workbook, unmasked and audited', async () => {
    const list = (await call('GET', '/api/v1/key-persons?status=active&pageSize=200')).json();
    const res = await call('GET', '/api/v1/key-persons/export?status=active');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(3).getCell(2).value).toBe('姓名');
    expect(ws.rowCount - 3).toBe(list.total);
    const names = Array.from({ length: list.total }, (_, i) => ws.getRow(i + 4).getCell(2).value);
    expect(names.sort()).toEqual(list.items.map((i: { name: string }) => i.name).sort());
    const ids = Array.from({ length: list.total }, (_, i) => String(ws.getRow(i + 4).getCell(3).value));
    expect(ids).toContain('510121199003071233');
    const audit = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'person.export'`);
    expect(audit.rows).toEqual([{ detail: { ledger: 'active', rows: list.total } }]);
  });

  it('answers an inspector, who may not see full data, with ID numbers and phones masked in the file and the workbook', async () => {
    await buildUser(db, { username: 'inspector', role: 'inspector', region: county.county });
    const inspector = await loginAs(app, 'inspector');
    const kp = (await call('GET', '/api/v1/key-persons?q=张返乡')).json().items[0];
    const file = await call('GET', `/api/v1/key-persons/${kp.id}`, undefined, inspector);
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({ name: '张返乡', phone: '138****5678' });
    expect(file.json().idNumber).not.toContain('19900307');
    const res = await call('GET', '/api/v1/key-persons/export?status=active', undefined, inspector);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join(' ');
    expect(cells).toContain('张返乡');
    expect(cells).not.toContain('510121199003071233');
    expect(cells).not.toContain('13812345678');
  });
});
