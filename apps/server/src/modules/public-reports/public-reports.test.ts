import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { domainMessages, makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildPerson, buildRiskArea, buildUser } from '../../../test/factories.js';
import { PUBLIC_LIMITS } from './public-reports.guard.js';

const id = (n: number) =>
  makeIdNumber({ regionCode: '510121', birthDate: '1988-05-06', sequence: 2 * n + 1, sex: 'male' });
const zh = (key: string, params: Record<string, string> = {}) =>
  Object.entries(params).reduce((m, [k, v]) => m.replace(`{${k}}`, v), domainMessages['zh-CN'][key]!);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

describe('public self-reports and tips', async () => {
  const clock = new Date('2026-12-07T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let area: Awaited<ReturnType<typeof buildRiskArea>>;
  let township: Session;
  let village: Session;
  let ip = 1;
  /** Each test sends from its own address, so that the limits of one do not reach another. */
  const send = (url: string, payload: Record<string, unknown>, remoteAddress = `10.0.0.${ip}`) =>
    app.inject({ method: 'POST', url, payload, remoteAddress });
  const count = async (table: string) =>
    Number((await db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n);
  const report = (over: Record<string, unknown> = {}) => ({
    name: '张返乡',
    idNumber: id(11),
    phone: '13912345678',
    riskAreaId: area.id,
    fromPlace: '某省某市',
    arrivalDate: '2026-12-06',
    travelMode: 'train',
    regionId: county.villageA.id,
    address: '五凤村3组12号',
    ...over,
  });
  const tip = (over: Record<string, unknown> = {}) => ({
    anonymous: false,
    reporterName: '热心群众',
    reporterPhone: '13787654321',
    what: '有人从外地返回未报备',
    regionId: county.villageA.id,
    address: '五凤村5组',
    ...over,
  });
  const leadsOf = async (s: Session, q = '') =>
    (await app.inject({ url: `/api/v1/leads?pageSize=100${q}`, headers: s.headers })).json().items as {
      id: string;
      name: string;
      regionName: string;
      status: string;
      resolution: string | null;
      sources: { source: string; detail: Record<string, unknown> }[];
    }[];

  beforeAll(async () => {
    county = await buildCounty(db);
    area = await buildRiskArea(db, county.county, { name: '某省某市某区' });
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'village', role: 'villageCadre', region: county.villageA });
    township = await loginAs(app, 'township');
    village = await loginAs(app, 'village');
  });

  it('lists the county places and risk areas without login', async () => {
    const res = await app.inject({ url: '/api/public/report-options' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.county).toBe('金堂县');
    expect(body.regions.map((r: { name: string }) => r.name)).toEqual(['淮口街道', '五凤村', '官仓街道', '石板村']);
    expect(body.riskAreas).toEqual([{ id: area.id, name: '某省某市某区', level: 'high' }]);
  });

  it('turns a self-report with companions into leads of the village, deduplicated with open leads and persons', async () => {
    ip = 2;
    const known = await buildPerson(db, county.villageA, { name: '李同行', idNumber: id(21) });
    const first = await send(
      '/api/public/self-reports',
      report({ idNumber: id(12), companions: [{ name: '李同行', idNumber: id(21) }] }),
    );
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().receipt).toMatch(/^R[A-Z2-9]{8}$/);
    const again = await send(
      '/api/public/self-reports',
      report({ idNumber: id(12), companions: [{ name: '王同行', idNumber: id(22), phone: '13600001111' }] }),
    );
    expect(again.statusCode, again.body).toBe(201);
    const leads = (await leadsOf(village, '&q=同行')).concat(await leadsOf(village, '&q=张返乡'));
    expect(leads.map((l) => l.name).sort()).toEqual(['张返乡', '李同行', '王同行']);
    const main = leads.find((l) => l.name === '张返乡')!;
    expect(main.regionName).toBe('五凤村');
    expect(main.sources.map((s) => s.source)).toEqual(['selfReport', 'selfReport']);
    expect(main.sources[0]!.detail).toMatchObject({
      riskArea: '某省某市某区',
      travelMode: 'train',
      arrivalDate: '2026-12-06',
    });
    const [linked] = await db
      .execute<{ person_id: string }>(sql`SELECT person_id FROM lead WHERE name = '李同行'`)
      .then((r) => r.rows);
    expect(linked!.person_id).toBe(known.id);
  });

  it('places a report at the township when the village is not known', async () => {
    ip = 3;
    const res = await send('/api/public/self-reports', report({ idNumber: id(13), regionId: county.townshipA.id }));
    expect(res.statusCode, res.body).toBe(201);
    const [l] = await leadsOf(township, `&q=${id(13)}`);
    expect(l!.regionName).toBe('淮口街道');
    expect(await leadsOf(village, `&q=${id(13)}`)).toEqual([]);
  });

  it('refuses bad input field by field and stores nothing', async () => {
    ip = 4;
    const before = [await count('lead'), await count('public_report'), await count('audit_log')];
    const bad = await send(
      '/api/public/self-reports',
      report({ idNumber: '510121198805061234', phone: '1391234567', arrivalDate: '2026-12-09' }),
    );
    expect(bad.statusCode).toBe(422);
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['idNumber', 'phone']);
    const future = await send('/api/public/self-reports', report({ idNumber: id(14), arrivalDate: '2026-12-09' }));
    expect(future.json().errors).toEqual([{ field: 'arrivalDate', message: '日期不能晚于今天' }]);
    const outside = await send('/api/public/self-reports', report({ idNumber: id(14), regionId: area.id }));
    expect(outside.json().errors[0]).toMatchObject({ field: 'regionId', message: zh('publicReport.regionUnknown') });
    expect([await count('lead'), await count('public_report'), await count('audit_log')]).toEqual(before);
  });

  it('asks a question once an address has sent too much, and takes each answer once', async () => {
    ip = 5;
    for (let i = 0; i < PUBLIC_LIMITS.ip; i++)
      expect((await send('/api/public/tips', tip({ anonymous: true, what: `第${i}条` }))).statusCode).toBe(201);
    const leadsBefore = await count('lead');
    const held = await Promise.all(
      Array.from({ length: 20 }, () => send('/api/public/tips', tip({ anonymous: true }))),
    );
    for (const r of held)
      expect(r.json().errors[0]).toMatchObject({ field: 'challenge', message: zh('publicReport.challengeRequired') });
    expect(await count('lead')).toBe(leadsBefore);
    const q = (await app.inject({ url: '/api/public/challenge' })).json();
    const [a, b] = q.question.match(/\d+/g).map(Number);
    const wrong = await send('/api/public/tips', tip({ challenge: { token: q.token, answer: String(a + b + 1) } }));
    expect(wrong.json().errors[0]).toMatchObject({ field: 'challenge', message: zh('publicReport.challengeWrong') });
    const right = await send('/api/public/tips', tip({ challenge: { token: q.token, answer: String(a + b) } }));
    expect(right.statusCode, right.body).toBe(201);
    const replay = await send('/api/public/tips', tip({ challenge: { token: q.token, answer: String(a + b) } }));
    expect(replay.json().errors[0].message).toBe(zh('publicReport.challengeWrong'));
  });

  it('limits one device across addresses', async () => {
    for (let i = 0; i < PUBLIC_LIMITS.device; i++)
      expect((await send('/api/public/tips', tip({ deviceId: 'phone-0001' }), `10.1.0.${i}`)).statusCode).toBe(201);
    const held = await send('/api/public/tips', tip({ deviceId: 'phone-0001' }), '10.1.0.99');
    expect(held.json().errors[0].message).toBe(zh('publicReport.challengeRequired'));
  });

  it('keeps a photo for signed-in users in scope, audited, and refuses other types and sizes', async () => {
    ip = 6;
    const res = await send('/api/public/tips', tip({ subjectName: '赵某', photo: PNG.toString('base64') }));
    expect(res.statusCode, res.body).toBe(201);
    const [l] = await leadsOf(village, '&q=赵某');
    const photoId = l!.sources[0]!.detail.photoId as string;
    const photo = await app.inject({ url: `/api/v1/attachments/${photoId}`, headers: village.headers });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
    expect(await count("audit_log WHERE event = 'attachment.view'")).toBe(1);
    expect((await app.inject({ url: `/api/v1/attachments/${photoId}` })).statusCode).toBe(401);

    const before = [await count('lead'), await count('attachment')];
    const gif = await send('/api/public/tips', tip({ photo: Buffer.from('GIF89a-----').toString('base64') }));
    expect(gif.json().errors[0]).toMatchObject({ field: 'photo', message: zh('publicReport.photoType') });
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    const large = await send('/api/public/tips', tip({ photo: big.toString('base64') }));
    expect(large.json().errors[0]).toMatchObject({
      field: 'photo',
      message: zh('publicReport.photoTooLarge', { mb: '5' }),
    });
    const huge = await send('/api/public/tips', tip({ photo: 'A'.repeat(20 * 1024 * 1024) }));
    expect(huge.statusCode).toBe(413);
    expect([await count('lead'), await count('attachment')]).toEqual(before);
  });

  it('hides the reporter from the village and lets the township mark the tip malicious', async () => {
    ip = 7;
    await send('/api/public/tips', tip({ subjectName: '钱某' }));
    const [seenByVillage] = await leadsOf(village, '&q=钱某');
    expect(seenByVillage!.sources[0]!.detail.reporter).toBeNull();
    expect(JSON.stringify(seenByVillage)).not.toContain('热心群众');
    const [seenByTownship] = await leadsOf(township, '&q=钱某');
    expect(seenByTownship!.sources[0]!.detail.reporter).toEqual({ name: '热心群众', phone: '137****4321' });

    const reporter = await app.inject({
      url: `/api/v1/leads/${seenByVillage!.id}/reporter`,
      headers: township.headers,
    });
    expect(reporter.json()).toEqual({ name: '热心群众', phone: '13787654321' });
    expect(await count("audit_log WHERE event = 'lead.reporterView'")).toBe(1);
    const hidden = await app.inject({ url: `/api/v1/leads/${seenByVillage!.id}/reporter`, headers: village.headers });
    expect(hidden.statusCode).toBe(403);

    const byVillage = await app.inject({
      method: 'POST',
      url: `/api/v1/leads/${seenByVillage!.id}/malicious`,
      headers: village.headers,
    });
    expect(byVillage.statusCode).toBe(403);
    const marked = await app.inject({
      method: 'POST',
      url: `/api/v1/leads/${seenByVillage!.id}/malicious`,
      headers: township.headers,
    });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ status: 'dismissed', resolution: 'malicious' });
    const [notTip] = await leadsOf(township, '&q=张返乡');
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/leads/${notTip!.id}/malicious`,
      headers: township.headers,
    });
    expect(refused.json().errors[0].message).toBe(zh('publicReport.notTip'));
  });
});
