import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { addDays, shanghaiDateOf } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildWalkFixtures } from '../../test/route-cases/fixtures.js';
import type { Fixtures } from '../../test/route-cases/shared.js';
import { uuidv7 } from '../db/ids.js';
import { fileJob, person } from '../db/schema/index.js';

/** Each bad input of issue 15, refused with a field error (never a 500), and nothing stored. */
describe('bad input is refused, never stored, never a 500', async () => {
  const { app, db } = await testApp();
  let fx: Fixtures;
  let officer: Session;
  beforeAll(async () => {
    fx = await buildWalkFixtures(db);
    officer = await loginAs(app, 'u-townshipOfficer');
  });
  const post = (url: string, payload: Record<string, unknown>) =>
    app.inject({ method: 'POST', url, payload, headers: { ...officer.headers, 'accept-language': 'zh-CN' } });
  const fieldsOf = (res: { json(): unknown }) =>
    (res.json() as { errors: { field: string }[] }).errors.map((e) => e.field);
  const today = () => shanghaiDateOf(new Date());
  const personsNamed = async (name: string) =>
    (await db.select({ id: person.id }).from(person).where(eq(person.name, name))).length;

  it.each([
    ['a NUL', 'ab\u0000cd', '不能包含空字符（NUL）'],
    ['a lone surrogate', 'ab\uD800cd', '包含无效的字符编码'],
    ['a right-to-left override', '张\u202E三', '不能包含不可见字符或改变文字方向的字符'],
    ['a zero-width space', '张\u200B三', '不能包含不可见字符或改变文字方向的字符'],
    ['a BEL', '张\u0007三', '不能包含控制字符（如响铃、退出符）'],
    ['an ESC', '张\u001B三', '不能包含控制字符（如响铃、退出符）'],
  ])('refuses %s in a name and an address', async (_what, text, message) => {
    const res = await post('/api/v1/persons', { name: text, birthDate: '1990-01-01', householdId: fx.householdA.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'name', message }]);
    const household = await post('/api/v1/households', { regionId: fx.villageA.id, address: `五凤村${text}号` });
    expect(household.statusCode).toBe(422);
    expect(fieldsOf(household)).toEqual(['address']);
    // The query string goes through the same layer.
    expect(
      (
        await app.inject({
          url: `/api/v1/persons?q=${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}%00`,
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(422);
  });

  it('stores names in NFC, so the same name typed two ways is one name', async () => {
    const res = await post('/api/v1/persons', {
      name: 'Jose\u0301',
      birthDate: '1990-01-01',
      householdId: fx.householdA.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('Jos\u00E9');
  });

  it('refuses a birth date before 1900 without an ID number, repeated vulnerable groups and the nil UUID as client id', async () => {
    const old = await post('/api/v1/persons', {
      name: '老人甲',
      birthDate: '1899-12-31',
      householdId: fx.householdA.id,
    });
    expect(old.statusCode).toBe(422);
    expect(fieldsOf(old)).toEqual(['birthDate']);
    const twice = await post('/api/v1/persons', {
      name: '老人乙',
      birthDate: '1950-01-01',
      householdId: fx.householdA.id,
      vulnerableGroups: ['disabled', 'disabled'],
    });
    expect(twice.statusCode).toBe(422);
    expect(fieldsOf(twice)).toEqual(['vulnerableGroups']);
    const nil = await post('/api/v1/persons', {
      id: '00000000-0000-0000-0000-000000000000',
      name: '老人丙',
      birthDate: '1950-01-01',
      householdId: fx.householdA.id,
    });
    expect(nil.statusCode).toBe(422);
    expect(fieldsOf(nil)).toEqual(['id']);
    expect((await personsNamed('老人甲')) + (await personsNamed('老人乙')) + (await personsNamed('老人丙'))).toBe(0);
  });

  it('refuses facts dated in the future: a key person starting in 30 days, a round asking about travel since a later day, a visit 3 days ahead', async () => {
    for (const days of [30, 1]) {
      const kp = await post('/api/v1/key-persons', {
        personId: fx.householdA.memberIds[0],
        category: 'returnee',
        measure: 'homeIsolation',
        startDate: addDays(today(), days),
      });
      expect(kp.statusCode).toBe(422);
      expect(kp.json().errors).toEqual([{ field: 'startDate', message: '日期不能晚于今天' }]);
    }
    const round = await post('/api/v1/screening/rounds', {
      regionId: fx.villageA.id,
      name: '未来',
      startsOn: today(),
      deadline: addDays(today(), 10),
      travelSince: addDays(today(), 2),
    });
    expect(round.statusCode).toBe(422);
    expect(fieldsOf(round)).toEqual(['travelSince']);
    const visit = await post(`/api/v1/screening/rounds/${fx.roundA.id}/visits`, {
      householdId: fx.householdA.id,
      outcome: 'nobodyHome',
      visitedAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    expect(visit.statusCode).toBe(422);
    expect(fieldsOf(visit)).toEqual(['visitedAt']);
  });

  it("answers 409, not 500, to a client id already used by another region's observation site or daily report", async () => {
    const site = await post('/api/v1/observation-sites', {
      id: fx.kp.b.siteId,
      regionId: fx.villageA.id,
      name: '冒用',
      rooms: [{ room: '1', beds: 1 }],
    });
    expect(site.statusCode).toBe(409);
    expect(fieldsOf(site)).toEqual(['id']);
    const report = await post('/api/v1/daily-reports', {
      id: fx.reportInB.id,
      regionId: fx.villageA.id,
      reportDate: today(),
      isZero: true,
    });
    expect(report.statusCode).toBe(409);
    expect(fieldsOf(report)).toEqual(['id']);
  });

  it('answers 409 naming what differs when a client id is replayed with another body', async () => {
    const id = uuidv7();
    const body = { id, name: '重放甲', birthDate: '1990-01-01', householdId: fx.householdA.id };
    expect((await post('/api/v1/persons', body)).statusCode).toBe(201);
    expect((await post('/api/v1/persons', body)).statusCode).toBe(200);
    const forged = await post('/api/v1/persons', { ...body, name: '重放乙' });
    expect(forged.statusCode).toBe(409);
    expect(forged.json().errors).toEqual([{ field: 'name', message: '与已提交的内容不同' }]);
    expect(forged.json().title).toContain('name');
  });

  it('refuses a CSV with an unclosed quote or a NUL at once, with a clear error and no job', async () => {
    const jobs = async () => (await db.select({ id: fileJob.id }).from(fileJob)).length;
    const before = await jobs();
    const upload = (body: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/persons/import',
        payload: body,
        headers: { ...officer.headers, 'content-type': 'text/csv', 'accept-language': 'zh-CN' },
      });
    const unclosed = await upload(
      `所属区划代码,地址,姓名,身份证号,出生日期\n${fx.villageA.code},"五凤村1号,张三,,1990-01-01\n`,
    );
    expect(unclosed.statusCode).toBe(422);
    expect(unclosed.json().title).toMatch(/CSV 文件格式有误/);
    const nul = await upload(
      `所属区划代码,地址,姓名,身份证号,出生日期\n${fx.villageA.code},五凤村1号,张\u0000三,,1990-01-01\n`,
    );
    expect(nul.statusCode).toBe(422);
    expect(nul.json().errors).toEqual([{ row: 2, field: '姓名', message: '不能包含空字符（NUL）' }]);
    expect(await jobs()).toBe(before);
  });
});
