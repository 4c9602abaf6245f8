import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildHousehold, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

describe('persons', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let cadreB: Session;
  let home: { id: string; memberIds: string[] };
  const idA = makeIdNumber({ regionCode: '510121', birthDate: '1985-03-04', sequence: 31, sex: 'male' });
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'cadre-b', role: 'villageCadre', region: county.villageB });
    cadre = await loginAs(app, 'cadre');
    cadreB = await loginAs(app, 'cadre-b');
    home = await buildHousehold(db, county.villageA, 0);
  });
  const post = (payload: Record<string, unknown>, s = cadre) =>
    app.inject({ method: 'POST', url: '/api/v1/persons', payload, headers: s.headers });
  const count = async (where = sql`true`) =>
    Number((await db.execute(sql`SELECT count(*)::int AS n FROM person WHERE ${where}`)).rows[0]!.n);

  it('registers a person with sex and birth date from the ID number, masked in the answer, audited', async () => {
    const res = await post({
      idNumber: idA.slice(0, 6) + ' ' + idA.slice(6).toLowerCase(),
      name: '张三',
      sex: 'female',
      phone: '+86 139 0000 1111',
      householdId: home.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '张三',
      sex: 'male',
      birthDate: '1985-03-04',
      idNumber: `510121********${idA.slice(-4)}`,
      phone: '139****1111',
      householdId: home.id,
    });
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${res.json().id}`);
    expect(audit.rows).toEqual([{ event: 'person.create' }]);
  });

  it('links a second registration of the same ID number (also as a 15-digit number) to the existing record', async () => {
    const before = await count();
    const again = await post({ idNumber: idA, name: '张三', householdId: home.id });
    expect(again.statusCode).toBe(200);
    const first = (await app.inject({ url: `/api/v1/persons?q=${idA}`, headers: cadre.headers })).json().items[0];
    expect(again.json().id).toBe(first.id);
    const legacy = makeIdNumber({ regionCode: '510121', birthDate: '1960-01-02', sequence: 11, sex: 'female' });
    const r1 = await post({ idNumber: legacy, name: '老人', householdId: home.id });
    const r2 = await post({ idNumber: legacy.slice(0, 6) + legacy.slice(8, 17), name: '老人', householdId: home.id });
    expect(r2.statusCode).toBe(200);
    expect(r2.json().id).toBe(r1.json().id);
    expect(await count()).toBe(before + 1);
  });

  it('does not reveal a record registered out of scope: 409 on the ID number, nothing created', async () => {
    const before = await count();
    const res = await post({ idNumber: idA, name: '张三', regionId: county.villageB.id }, cadreB);
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'idNumber', message: expect.stringMatching(/管辖范围以外/) }]);
    expect(JSON.stringify(res.json())).not.toContain('张三');
    expect(await count()).toBe(before);
  });

  it('rejects bad ID numbers per field and writes nothing', async () => {
    const before = await count();
    const bad = idA.slice(0, 17) + (idA[17] === '1' ? '2' : '1');
    const res = await post({ idNumber: bad, name: '李四', phone: '12345', householdId: home.id });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['idNumber', 'phone']);
    const date = await post({ idNumber: '510121198502301234', name: '李四', householdId: home.id });
    expect(date.json().errors[0].message).toMatch(/出生日期/);
    expect(await count()).toBe(before);
  });

  it('allows a child without an ID number with birth date and guardian, and asks for them', async () => {
    const noGuardian = await post({ name: '小明', birthDate: '2020-06-01', householdId: home.id });
    expect(noGuardian.statusCode).toBe(422);
    expect(noGuardian.json().errors.map((e: { field: string }) => e.field)).toEqual(['guardianName']);
    const noBirth = await post({ name: '小明', householdId: home.id });
    expect(noBirth.json().errors.map((e: { field: string }) => e.field)).toEqual(['birthDate']);
    const ok = await post({ name: '阿依古丽·𠮷', birthDate: '2020-06-01', guardianName: '张三', householdId: home.id });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ name: '阿依古丽·𠮷', idNumber: null, guardianName: '张三' });
  });

  it('answers a replayed create with the stored record and creates nothing', async () => {
    const id = uuidv7();
    const first = await post({ id, name: '王五', birthDate: '1990-01-01', householdId: home.id });
    const again = await post({ id, name: '王五', birthDate: '1990-01-01', householdId: home.id });
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(await count(sql`id = ${id}`)).toBe(1);
    expect(
      (await post({ id, name: '王五', birthDate: '1990-01-01', regionId: county.villageB.id }, cadreB)).statusCode,
    ).toBe(404);
  });

  it('searches by name prefix, whole ID number, its last digits and phone, within scope only', async () => {
    const search = async (q: string, s = cadre) =>
      (await app.inject({ url: `/api/v1/persons?q=${encodeURIComponent(q)}`, headers: s.headers })).json();
    expect((await search('张')).items.map((p: { name: string }) => p.name)).toEqual(['张三']);
    expect((await search(idA.slice(-6))).total).toBe(1);
    expect((await search(idA.slice(-4))).items[0].name).toBe('张三');
    expect((await search('139 0000 1111')).total).toBe(1);
    expect((await search('+8613900001111')).total).toBe(1);
    expect((await search('张', cadreB)).total).toBe(0);
    expect((await search('𠮷')).total).toBe(0);
    expect((await search('阿依古丽·')).total).toBe(1);
  });

  it('shows the unmasked data only through the audited full view', async () => {
    const p = (await app.inject({ url: `/api/v1/persons?q=${idA}`, headers: cadre.headers })).json().items[0];
    const res = await app.inject({ url: `/api/v1/persons/${p.id}/full`, headers: cadre.headers });
    expect(res.json()).toMatchObject({ idNumber: idA, phone: '13900001111', householdAddress: '五凤村1号' });
    const audit = await db.execute(
      sql`SELECT event, actor_name FROM audit_log WHERE target_id = ${p.id} AND event = 'person.view'`,
    );
    expect(audit.rows).toEqual([{ event: 'person.view', actor_name: 'cadre' }]);
    expect((await app.inject({ url: `/api/v1/persons/${p.id}/full`, headers: cadreB.headers })).statusCode).toBe(404);
  });

  it('moves a person between households and keeps the history; moving again to the same one changes nothing', async () => {
    const other = await buildHousehold(db, county.villageA, 0, undefined, '五凤村2号');
    const p = (await app.inject({ url: `/api/v1/persons?q=${idA}`, headers: cadre.headers })).json().items[0];
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/households/${home.id}`,
      payload: { headPersonId: p.id },
      headers: cadre.headers,
    });
    const moved = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${p.id}/move`,
      payload: { householdId: other.id, reason: '分户' },
      headers: cadre.headers,
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ householdId: other.id, householdAddress: '五凤村2号' });
    expect(moved.json().moves).toEqual([
      expect.objectContaining({ fromAddress: '五凤村1号', toAddress: '五凤村2号', movedBy: 'cadre', reason: '分户' }),
    ]);
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${p.id}/move`,
      payload: { householdId: other.id },
      headers: cadre.headers,
    });
    expect(again.json().moves).toHaveLength(1);
    const oldHome = (await app.inject({ url: `/api/v1/households/${home.id}`, headers: cadre.headers })).json();
    expect(oldHome.headPersonId).toBeNull();
    const outside = await buildHousehold(db, county.villageB, 0);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${p.id}/move`,
      payload: { householdId: outside.id },
      headers: cadre.headers,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors[0].field).toBe('householdId');
  });

  it('refuses to give a second person an ID number already on the register', async () => {
    const other = await post({ name: '赵六', birthDate: '1991-01-01', householdId: home.id });
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/persons/${other.json().id}`,
      payload: { idNumber: idA },
      headers: cadre.headers,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].field).toBe('idNumber');
  });
});
