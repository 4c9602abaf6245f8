import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildResident, buildUser } from '../../../test/factories.js';
import { shanghaiDateOf, makeIdNumber } from '@fangkong/domain';
import { uuidv7 } from '../../db/ids.js';
import { riskArea } from '../../db/schema/index.js';
import { blindIndexes } from '../../security/personal-data-crypto.js';
import { inClear } from '../../../test/personal-data.js';

const RESIDENTS = [
  ['510121198001010010', '张建国'],
  ['510121198502020022', '李秀英'],
  ['510121199003030036', '王小明'],
] as const;
const OUTSIDER = '420106198805050055';

describe('checkpoint entries', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cp: Awaited<ReturnType<typeof buildCheckpoint>>;
  let staff: Session;
  let officer: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    cp = await buildCheckpoint(db, county.villageA, { name: '五凤村路口' });
    for (const [id, name] of RESIDENTS) await buildResident(db, county.villageA, id, name, '13812345678');
    await buildUser(db, { username: 'staff', role: 'checkpointStaff', region: county.townshipA });
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await db
      .insert(riskArea)
      .values({ id: uuidv7(), regionPath: county.county.path, name: '武汉市', level: 'high', startsOn: '2020-01-01' });
    staff = await loginAs(app, 'staff');
    officer = await loginAs(app, 'officer');
  });
  const post = (payload: Record<string, unknown>, lang = 'zh-CN', at = cp.id) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/checkpoints/${at}/entries`,
      payload,
      headers: { ...staff.headers, 'accept-language': lang },
    });
  const car = (over: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    kind: 'vehicle',
    plate: '川A·12345',
    direction: 'in',
    origin: '成都市',
    decision: 'pass',
    recordedAt: new Date().toISOString(),
    occupants: RESIDENTS.map(([idNumber]) => ({ idNumber, temperature: '36.5' })),
    ...over,
  });
  const count = async (table: string) =>
    Number((await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`))).rows[0]!.n);

  it('registers a car with three residents filled in from the register, masked, audited and counted', async () => {
    const res = await post(car());
    expect(res.statusCode).toBe(201);
    const e = res.json();
    expect(e).toMatchObject({
      plate: '川A12345',
      local: true,
      persons: 3,
      decision: 'pass',
      checkpointName: '五凤村路口',
      recordedByName: 'staff',
    });
    expect(e.occupants.map((o: { name: string }) => o.name)).toEqual(['张建国', '李秀英', '王小明']);
    expect(e.occupants[0]).toMatchObject({
      idNumber: '510121********0010',
      sex: 'male',
      birthDate: '1980-01-01',
      phone: '138****5678',
      temperature: 36.5,
      local: true,
      fever: false,
      leadId: null,
    });
    expect(e.occupants[1].sex).toBe('female');
    const audit = await db.execute(sql`SELECT event, target_id FROM audit_log WHERE event = 'checkpointEntry.create'`);
    expect(audit.rows).toEqual([{ event: 'checkpointEntry.create', target_id: e.id }]);
    const stat = (
      await db.execute(
        sql`SELECT vehicles, persons, local_persons, local_vehicles FROM checkpoint_stat WHERE checkpoint_id = ${cp.id}`,
      )
    ).rows;
    expect(stat).toEqual([{ vehicles: 1, persons: 3, local_persons: 3, local_vehicles: 1 }]);
    const day = (
      await db.execute(
        sql`SELECT day, vehicles, persons, local_persons FROM checkpoint_stat_day WHERE checkpoint_id = ${cp.id}`,
      )
    ).rows;
    expect(day).toEqual([{ day: shanghaiDateOf(new Date()), vehicles: 1, persons: 3, local_persons: 3 }]);
  });

  it('stores an entry submitted twice, or twice at once, only once', async () => {
    const body = car({ plate: '川A22222' });
    const before = { e: await count('checkpoint_entry'), o: await count('checkpoint_occupant') };
    const [a, b] = await Promise.all([post(body), post(body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const again = await post(body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(body.id);
    expect(await count('checkpoint_entry')).toBe(before.e + 1);
    expect(await count('checkpoint_occupant')).toBe(before.o + 3);
    const audits = await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE target_id = ${body.id}`);
    expect(audits.rows[0]!.n).toBe(1);
  });

  it('stores a burst of entries at two posts, a replay inside it, once each and counts them exactly', async () => {
    const second = await buildCheckpoint(db, county.villageA, { name: '五凤村二组路口' });
    const statOf = async () =>
      (
        await db.execute(
          sql`SELECT checkpoint_id, sum(vehicles)::int AS v, sum(persons)::int AS p FROM checkpoint_stat_day GROUP BY 1`,
        )
      ).rows as { checkpoint_id: string; v: number; p: number }[];
    const before = {
      e: await count('checkpoint_entry'),
      o: await count('checkpoint_occupant'),
      a: await count('audit_log'),
      stat: await statOf(),
    };
    const bodies = Array.from({ length: 40 }, (_, i) => car({ plate: `川A3${String(i).padStart(4, '0')}` }));
    const replayed = bodies[7]!;
    const res = await Promise.all([
      ...bodies.map((b, i) => post(b, 'zh-CN', i % 2 ? second.id : cp.id)),
      post(replayed, 'zh-CN', second.id),
    ]);
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(40);
    expect(res.filter((r) => r.statusCode === 200).map((r) => r.json().id)).toEqual([replayed.id]);
    expect(await count('checkpoint_entry')).toBe(before.e + 40);
    expect(await count('checkpoint_occupant')).toBe(before.o + 120);
    expect(
      (
        await db.execute(
          sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'checkpointEntry.create' AND target_id IN ${bodies.map((b) => b.id)}`,
        )
      ).rows[0]!.n,
    ).toBe(40);
    const gained = (await statOf()).map((s) => ({
      id: s.checkpoint_id,
      v: s.v - (before.stat.find((b) => b.checkpoint_id === s.checkpoint_id)?.v ?? 0),
      p: s.p - (before.stat.find((b) => b.checkpoint_id === s.checkpoint_id)?.p ?? 0),
    }));
    expect(gained.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: cp.id, v: 20, p: 60 },
        { id: second.id, v: 20, p: 60 },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
  });

  it("reports every bad field at once in the user's language and writes nothing", async () => {
    const before = await count('checkpoint_entry');
    const res = await post(
      car({
        plate: '川I12345',
        occupants: [
          { idNumber: RESIDENTS[0][0], temperature: 43.5 },
          { idNumber: '110105194912310021', temperature: 36.6 },
        ],
      }),
      'en-US',
    );
    expect(res.statusCode).toBe(422);
    const errors = Object.fromEntries(
      res.json().errors.map((x: { field: string; message: string }) => [x.field, x.message]),
    );
    expect(errors).toEqual({
      plate: 'The plate number is not valid',
      'occupants.0.temperature': 'The temperature must be between 34.0 and 43.0 °C',
      'occupants.1.idNumber': 'The check digit of the ID number is wrong',
    });
    const noPlate = await post(
      car({
        plate: '',
        decision: 'hold',
        occupants: [
          { idNumber: OUTSIDER, temperature: 36.5 },
          { idNumber: OUTSIDER, temperature: 36.5, name: 'x' },
        ],
      }),
    );
    expect(noPlate.json().errors.map((x: { field: string }) => x.field)).toEqual([
      'plate',
      'holdOutcome',
      'occupants.1.idNumber',
    ]);
    const unnamed = await post(car({ occupants: [{ idNumber: OUTSIDER, temperature: 36.5 }] }));
    expect(unnamed.json().errors).toEqual([{ field: 'occupants.0.name', message: '此项为必填' }]);
    expect(await count('checkpoint_entry')).toBe(before);
  });

  it('raises a lead for an occupant from a risk area or with a fever, in the right region', async () => {
    const res = await post(
      car({
        plate: '鄂A88888',
        origin: '湖北省武汉市',
        decision: 'hold',
        holdOutcome: 'placement',
        occupants: [
          { idNumber: OUTSIDER, name: '赵外地', temperature: 36.5, phone: '13900001111' },
          { idNumber: RESIDENTS[0][0], temperature: '37.8' },
        ],
      }),
    );
    expect(res.statusCode).toBe(201);
    const [outsider, resident] = res.json().occupants;
    expect(outsider).toMatchObject({ riskArea: true, fever: false, local: false });
    expect(resident).toMatchObject({ riskArea: true, fever: true, local: true });
    const leads = await db.execute(
      sql`SELECT l.name, l.region_path::text AS path, s.source, s.reasons, s.source_ref FROM lead l JOIN lead_source s ON s.lead_id = l.id ORDER BY l.name`,
    );
    expect(leads.rows).toEqual([
      {
        name: '张建国',
        path: county.villageA.path,
        source: 'checkpoint',
        reasons: ['riskArea', 'fever'],
        source_ref: res.json().id,
      },
      { name: '赵外地', path: cp.regionPath, source: 'checkpoint', reasons: ['riskArea'], source_ref: res.json().id },
    ]);
    const stat = (await db.execute(sql`SELECT sum(held)::int AS held, sum(fevers)::int AS fevers FROM checkpoint_stat`))
      .rows[0];
    expect(stat).toEqual({ held: 1, fevers: 1 });
  });

  it('raises one lead for a feverish entry submitted twice at once, and keeps no lead of the loser', async () => {
    const idNumber = makeIdNumber({ regionCode: '420106', birthDate: '1991-07-07', sequence: 321, sex: 'female' });
    const body = car({ plate: '川A77777', occupants: [{ idNumber, name: '钱发热', temperature: 38.4 }] });
    const [a, b] = await Promise.all([post(body), post(body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const leads = await db.execute(
      sql`SELECT l.id, (SELECT count(*)::int FROM lead_source s WHERE s.lead_id = l.id) AS sources FROM lead l WHERE l.id_number_bidx = ${blindIndexes('idNumber', idNumber)[0]}`,
    );
    expect(leads.rows).toEqual([{ id: expect.any(String), sources: 1 }]);
    const stored = await db.execute(sql`SELECT lead_id FROM checkpoint_occupant WHERE entry_id = ${body.id}`);
    expect(stored.rows).toEqual([{ lead_id: leads.rows[0]!.id }]);
  });

  it('refuses a closed checkpoint but keeps an entry recorded offline before it closed, with its time', async () => {
    const closedAt = new Date(Date.now() - 3_600_000);
    const closed = await buildCheckpoint(db, county.villageA, { name: '已撤卡口', status: 'closed', closedAt });
    const now = await post(car(), 'zh-CN', closed.id);
    expect(now.statusCode).toBe(409);
    expect(now.json().title).toBe('该卡口已关闭，不能登记');
    const early = new Date(closedAt.getTime() - 5 * 3_600_000).toISOString();
    const late = await post(car({ recordedAt: early, plate: '川C55555' }), 'zh-CN', closed.id);
    expect(late.statusCode).toBe(201);
    expect(late.json().recordedAt).toBe(early);
    expect(
      (await post(car({ recordedAt: new Date(Date.now() + 3_600_000).toISOString() }))).json().errors[0].field,
    ).toBe('recordedAt');
  });

  it('takes a paper entry back as far as any field record (14 days), and refuses one older or ahead of the clock with the same words', async () => {
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    expect((await post(car({ recordedAt: daysAgo(10), plate: '川C10010' }))).statusCode).toBe(201);
    const old = await post(car({ recordedAt: daysAgo(14.1), plate: '川C10011' }));
    expect(old.statusCode).toBe(422);
    expect(old.json().errors).toEqual([
      expect.objectContaining({ field: 'recordedAt', message: '时间过早，超过可补录的期限（14天）' }),
    ]);
    const ahead = await post(car({ recordedAt: new Date(Date.now() + 10 * 60_000).toISOString(), plate: '川C10012' }));
    expect(ahead.json().errors).toEqual([
      expect.objectContaining({ field: 'recordedAt', message: '时间晚于当前时间，请核对手机时间' }),
    ]);
    expect(
      (await post(car({ recordedAt: new Date(Date.now() + 60_000).toISOString(), plate: '川C10013' }))).statusCode,
    ).toBe(201); // a phone a minute fast
  });

  it('offers the last occupants of a plate seen before, and residents by name, both audited', async () => {
    const last = await app.inject({
      url: `/api/v1/checkpoint-entries/last-occupants?plate=${encodeURIComponent('川a12345')}`,
      headers: staff.headers,
    });
    expect(last.json().occupants.map((o: { idNumber: string }) => o.idNumber)).toEqual(RESIDENTS.map(([id]) => id));
    const none = await app.inject({
      url: `/api/v1/checkpoint-entries/last-occupants?plate=${encodeURIComponent('川A99999')}`,
      headers: staff.headers,
    });
    expect(none.json()).toEqual({ entryId: null, recordedAt: null, occupants: [] });
    const byName = await app.inject({
      url: `/api/v1/checkpoint-entries/residents?name=${encodeURIComponent('李秀英')}`,
      headers: staff.headers,
    });
    // Only what the form needs: the ID number and phone masked, no birth date.
    expect(byName.json().items).toEqual([
      {
        personId: expect.any(String),
        name: '李秀英',
        idNumber: '510121********0022',
        phone: '138****5678',
        local: true,
        regionName: '五凤村',
      },
    ]);
    const views = await db.execute(
      sql`SELECT event, count(*)::int AS n FROM audit_log WHERE event LIKE 'person.%' GROUP BY event ORDER BY event`,
    );
    expect(views.rows).toEqual([
      { event: 'person.lookup', n: 1 },
      { event: 'person.view', n: 1 },
    ]);
  });

  it("finds residents of the staff's area by the last digits of the ID number or by pinyin initials, masked, and registers them by pick", async () => {
    const elsewhere = await buildResident(db, county.villageB, '510121199204040046', '张思远');
    const find = (q: string) =>
      app.inject({ url: `/api/v1/checkpoint-entries/residents?q=${encodeURIComponent(q)}`, headers: staff.headers });
    const names = async (q: string) => ((await find(q)).json().items as { name: string }[]).map((r) => r.name);
    expect((await find('0036')).json().items).toEqual([
      {
        personId: expect.any(String),
        name: '王小明',
        idNumber: '510121********0036',
        phone: '138****5678',
        local: true,
        regionName: '五凤村',
      },
    ]);
    expect(await names('30036')).toEqual(['王小明']);
    expect(await names('zjg')).toEqual(['张建国']);
    expect(await names('ZJ')).toEqual(['张建国']);
    expect(await names('lxy')).toEqual(['李秀英']);
    // Out of the staff's township: neither by tail nor by initials nor in full.
    expect(await names('0046')).toEqual([]);
    expect(await names('zsy')).toEqual([]);
    expect(await names(elsewhere.idNumber)).toEqual([]);
    expect(await names('12')).toEqual([]);
    const lookups = await db.execute(
      sql`SELECT detail->>'by' AS by, detail->>'found' AS found FROM audit_log WHERE event = 'person.lookup' AND detail->>'via' = 'checkpoint' ORDER BY id`,
    );
    expect(lookups.rows.slice(-8).map((r) => r.by)).toEqual([
      'idTail',
      'idTail',
      'initials',
      'initials',
      'initials',
      'idTail',
      'initials',
      'idNumber',
    ]);

    const picked = (await find('0022')).json().items[0].personId as string;
    const res = await post(car({ plate: '川A33333', occupants: [{ personId: picked, temperature: '36.4' }] }));
    expect(res.statusCode).toBe(201);
    expect(res.json().occupants[0]).toMatchObject({ name: '李秀英', idNumber: '510121********0022', local: true });
    const stored = await db.execute(sql`SELECT id_number FROM checkpoint_occupant WHERE entry_id = ${res.json().id}`);
    expect(inClear(stored.rows as { id_number: string }[])).toEqual([{ id_number: '510121198502020022' }]);
    // A person picked outside the staff's area, or none at all, is refused on the field.
    const refused = await post(
      car({ occupants: [{ personId: elsewhere.id, temperature: '36.4' }, { temperature: '36.5' }] }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'occupants.0.idNumber',
      'occupants.1.idNumber',
    ]);
  });

  it('searches the log by plate and ID number, masks it, and shows one entry in full with an audit row', async () => {
    const byId = await app.inject({ url: `/api/v1/checkpoint-entries?idNumber=${OUTSIDER}`, headers: officer.headers });
    expect(byId.json().total).toBe(1);
    expect(byId.json().items[0].occupants[0].idNumber).toBe('420106********0055');
    const byPlate = await app.inject({
      url: `/api/v1/checkpoint-entries?plate=${encodeURIComponent('川a1')}`,
      headers: officer.headers,
    });
    expect(byPlate.json().items.map((e: { plate: string }) => e.plate)).toEqual(['川A12345']);
    const full = await app.inject({
      url: `/api/v1/checkpoint-entries/${byId.json().items[0].id}`,
      headers: officer.headers,
    });
    expect(full.json().occupants[0]).toMatchObject({ idNumber: OUTSIDER, phone: '13900001111' });
    const views = await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'checkpointEntry.view'`);
    expect(views.rows[0]!.n).toBe(1);
  });

  it('exports the log to xlsx, one row per occupant, with the exporter named and audited', async () => {
    const res = await app.inject({
      url: `/api/v1/checkpoint-entries/export?plate=${encodeURIComponent('鄂A')}`,
      headers: officer.headers,
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(1).getCell(1).value)).toMatch(/^导出人: officer/);
    expect(ws.rowCount).toBe(4);
    const header = (ws.getRow(2).values as string[]).slice(1);
    const row = (n: number) => Object.fromEntries(header.map((h, i) => [h, ws.getRow(n).getCell(i + 1).value]));
    // Codes become the words a county officer reads; the ledger holds every field the staff checked.
    expect(row(3)).toMatchObject({
      类型: '车辆',
      车牌号: '鄂A88888',
      方向: '进入',
      处置: '留验',
      留验去向: '集中隔离点',
      序号: 1,
      身份证号: OUTSIDER,
      电话: '13900001111',
      风险地区: '是',
      发热: '',
    });
    expect(row(4)).toMatchObject({ 序号: 2, 身份证号: RESIDENTS[0][0], 发热: '是', 本地: '是' });
    expect(row(4)['性别']).toMatch(/^[男女]$/);
    const exports = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'checkpointEntry.export'`,
    );
    expect(exports.rows[0]!.n).toBe(1);
  });
});
