import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, shanghaiDateOf, makeIdNumber } from '@fangkong/domain';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildPerson, buildUser } from '../../../test/factories.js';
import { blindIndexes } from '../../security/personal-data-crypto.js';

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('协查').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('leads', async () => {
  const clock = new Date('2024-02-20T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let grid: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    township = await loginAs(app, 'township');
    grid = await loginAs(app, 'grid');
  });
  const upload = (body: Buffer | string, query = 'issuer=县卫健局&batch=2024-07', type = XLSX) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/leads/import?${query}`,
      payload: body,
      headers: { ...township.headers, 'content-type': type },
    });

  it('imports a list: matches by ID number, else name + phone, and leaves the unmatched to the township', async () => {
    const byId = await buildPerson(db, county.villageA, { name: '王返乡', idNumber: '510121199003071233' });
    const byPhone = await buildPerson(db, county.villageA, { name: '李外出', phone: '13811112222' });
    const file = await xlsx([
      ['序号', '姓名', '身份证号', '手机号', '现居住地址', '备注'],
      ['1', '王返乡', '510121199003071233', '', '五凤村3组', '途经高风险地区'],
      ['2', '李外出', '', '138 1111 2222', '', ''],
      ['3', '赵不详', '', '13933334444', '淮口镇某小区', ''],
    ]);
    const res = await upload(file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 3, matched: 2, unmatched: 1, created: 3, merged: 0, ignored: [], errors: [] });
    const leads = (await app.inject({ url: '/api/v1/leads?status=open', headers: township.headers })).json();
    expect(leads.total).toBe(3);
    const byName = Object.fromEntries(leads.items.map((l: { name: string }) => [l.name, l]));
    expect(byName['王返乡']).toMatchObject({
      personId: byId.id,
      regionName: '五凤村',
      deadline: '2024-02-20T04:00:00.000Z',
      overdue: false,
    });
    expect(byName['王返乡'].idNumber).not.toContain('19900307');
    expect(byName['王返乡'].sources[0]).toMatchObject({
      source: 'assistRequest',
      reasons: ['listed'],
      detail: { issuer: '县卫健局', batch: '2024-07', matched: 'idNumber', note: '途经高风险地区' },
    });
    expect(byName['李外出']).toMatchObject({ personId: byPhone.id, regionName: '五凤村' });
    expect(byName['赵不详']).toMatchObject({ personId: null, regionName: '淮口街道', regionLevel: 'township' });
    // The grid worker of the village sees the village's leads, not the township's unmatched one.
    expect((await app.inject({ url: '/api/v1/leads', headers: grid.headers })).json().total).toBe(2);
  });

  it('makes two lists naming the same person one lead with two sources', async () => {
    const res = await upload('姓名,身份证号\n王返乡,510121199003071233\n', 'issuer=县公安局', 'text/csv');
    expect(res.json()).toMatchObject({ matched: 1, created: 0, merged: 1 });
    const leads = (await app.inject({ url: '/api/v1/leads?q=王返乡', headers: township.headers })).json();
    expect(leads.total).toBe(1);
    expect(leads.items[0].sources.map((s: { detail: { issuer: string } }) => s.detail.issuer)).toEqual([
      '县卫健局',
      '县公安局',
    ]);
  });

  it('refuses a list with bad rows with 422 and every bad row, importing nothing', async () => {
    const before = (await db.execute(sql`SELECT count(*)::int AS n FROM lead_source`)).rows[0]!.n;
    const bad = await upload(
      '姓名,身份证号,手机号\n张三,510121199003071234,\n,,\n李四,,12345\n张三,510121199003071233,\n',
      'issuer=x',
      'text/csv',
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().title).toBe('名单中有 3 行有误，未导入任何一行');
    expect(bad.json().errors.map((e: { row: number; field: string }) => `${e.row} ${e.field}`)).toEqual([
      '2 idNumber',
      '3 name',
      '4 phone',
    ]);
    expect((await upload('姓名\n张三\n', '', 'text/csv')).statusCode).toBe(422);
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM lead_source`)).rows[0]!.n).toBe(before);
  });

  it('verifies a lead into a key person, dismisses another with a reason, and refuses to resolve twice', async () => {
    const leads = (await app.inject({ url: '/api/v1/leads?status=open', headers: township.headers })).json().items;
    const wang = leads.find((l: { name: string }) => l.name === '王返乡');
    const zhao = leads.find((l: { name: string }) => l.name === '赵不详');
    const verify = (id: string, payload: Record<string, unknown>) =>
      app.inject({ method: 'POST', url: `/api/v1/leads/${id}/verify`, payload, headers: township.headers });
    // A measure cannot start on a day that has not come: a field error, and the lead stays open.
    const ahead = await app.inject({
      method: 'POST',
      url: `/api/v1/leads/${wang.id}/verify`,
      payload: { category: 'returnee', measure: 'homeIsolation', startDate: addDays(shanghaiDateOf(new Date()), 1) },
      headers: { ...township.headers, 'accept-language': 'zh-CN' },
    });
    expect(ahead.statusCode).toBe(422);
    expect(ahead.json().errors).toEqual([{ field: 'startDate', message: '日期不能晚于今天' }]);
    expect((await app.inject({ url: `/api/v1/leads/${wang.id}`, headers: township.headers })).json().status).toBe(
      'open',
    );
    const ok = await verify(wang.id, { category: 'returnee', measure: 'homeIsolation', startDate: '2024-02-20' });
    expect(ok.statusCode, ok.body).toBe(200);
    const file = (
      await app.inject({ url: `/api/v1/key-persons/${ok.json().keyPersonId}`, headers: township.headers })
    ).json();
    expect(file).toMatchObject({
      name: '王返乡',
      source: 'assistRequest',
      plannedEndDate: '2024-03-04',
      regionName: '五凤村',
    });
    expect(
      (await verify(wang.id, { category: 'returnee', measure: 'homeIsolation', startDate: '2024-02-20' })).statusCode,
    ).toBe(409);
    expect(
      (await verify(zhao.id, { category: 'returnee', measure: 'homeIsolation', startDate: '2024-02-20' })).json()
        .errors,
    ).toEqual([{ field: 'personId', message: '此项为必填' }]);
    const dismissed = await app.inject({
      method: 'POST',
      url: `/api/v1/leads/${zhao.id}/dismiss`,
      payload: { reason: '经核实未返乡' },
      headers: township.headers,
    });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', resolution: '经核实未返乡' });
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE event LIKE 'lead.%' ORDER BY at, id`);
    expect(audit.rows.map((r) => r.event)).toEqual(['lead.import', 'lead.import', 'lead.verify', 'lead.dismiss']);
  });

  it('lists the imported lists with their progress, and sends one back row by row as 协查反馈表 (audited)', async () => {
    const lists = (await app.inject({ url: '/api/v1/leads/lists', headers: township.headers })).json().items;
    // Newest first; the person both lists name is one lead, verified once, counted in each list.
    expect(
      lists.map((l: Record<string, unknown>) => [
        l.issuer,
        l.batch,
        l.rows,
        l.verified,
        l.dismissed,
        l.open,
        l.overdue,
      ]),
    ).toEqual([
      ['县公安局', null, 1, 1, 0, 0, 0],
      ['县卫健局', '2024-07', 3, 1, 1, 1, 0],
    ]);
    // The village's grid worker sees the list's rows in the village only, and may not send it back.
    const forGrid = (await app.inject({ url: '/api/v1/leads/lists', headers: grid.headers })).json().items;
    expect(forGrid.find((l: { issuer: string }) => l.issuer === '县卫健局')).toMatchObject({ rows: 2, dismissed: 0 });
    const listId = lists[1].listId;
    expect(
      (await app.inject({ url: `/api/v1/leads/lists/${listId}/feedback`, headers: grid.headers })).statusCode,
    ).toBe(403);

    const res = await app.inject({ url: `/api/v1/leads/lists/${listId}/feedback`, headers: township.headers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('协查反馈表-县卫健局-2024-07.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(2).getCell(1).value)).toContain('共 3 人，已核查 2 人，未完成 1 人');
    const cells = (n: number) => (ws.getRow(n).values as unknown[]).slice(1, 8);
    expect([4, 5, 6].map(cells)).toEqual([
      [2, '王返乡', '510121199003071233', '', '五凤村3组', '五凤村', '已核实，居家隔离医学观察'],
      [3, '李外出', '', '13811112222', '', '五凤村', '核查中'],
      [4, '赵不详', '', '13933334444', '淮口镇某小区', '淮口街道', '已排除：经核实未返乡'],
    ]);
    const exported = await db.execute(sql`SELECT target_id, detail FROM audit_log WHERE event = 'lead.feedbackExport'`);
    expect(exported.rows).toEqual([{ target_id: listId, detail: { issuer: '县卫健局', rows: 3 } }]);
    // Not a list, or none of its rows in scope: nothing to send.
    expect(
      (await app.inject({ url: `/api/v1/leads/lists/${county.villageA.id}/feedback`, headers: township.headers }))
        .statusCode,
    ).toBe(404);
  });

  it("neither touches nor reveals another township's lead: a row about a person outside the scope goes to the county", async () => {
    await buildUser(db, { username: 'township-b', role: 'townshipOfficer', region: county.townshipB });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    const [townshipB, commander] = [await loginAs(app, 'township-b'), await loginAs(app, 'commander')];
    const other = await buildPerson(db, county.villageB, { name: '外镇人', idNumber: '11010519491231002X' });
    const unregistered = makeIdNumber({ regionCode: '110105', birthDate: '1949-12-31', sequence: 3, sex: 'male' });
    const first = await app.inject({
      method: 'POST',
      url: '/api/v1/leads/import?issuer=B',
      payload: `姓名,身份证号\n${other.name},${other.idNumber}\n未登记,${unregistered}\n`,
      headers: { ...townshipB.headers, 'content-type': 'text/csv' },
    });
    expect(first.json()).toMatchObject({ matched: 1, unmatched: 1, created: 2 });
    const sourcesOf = async () =>
      (
        await db.execute(
          sql`SELECT s.detail->>'note' AS note FROM lead_source s JOIN lead l ON l.id = s.lead_id WHERE l.region_path <@ ${county.townshipB.path}::ltree`,
        )
      ).rows;
    const before = await sourcesOf();

    const res = await upload(
      `姓名,身份证号,备注\n${other.name},${other.idNumber},注入的备注\n未登记,${unregistered},注入的备注\n`,
      'issuer=A',
      'text/csv',
    );
    expect(res.statusCode, res.body).toBe(200);
    // As if nobody were known: nothing says the person is registered, or listed, elsewhere.
    expect(res.json()).toEqual({ rows: 2, matched: 0, unmatched: 2, created: 2, merged: 0, ignored: [], errors: [] });
    expect(await sourcesOf()).toEqual(before);
    const mine = (
      await app.inject({ url: `/api/v1/leads?q=${encodeURIComponent('外镇人')}`, headers: township.headers })
    ).json();
    expect(mine.total).toBe(0);
    const atCounty = (
      await app.inject({
        url: `/api/v1/leads?q=${encodeURIComponent('外镇人')}&status=open`,
        headers: commander.headers,
      })
    ).json().items;
    expect(atCounty.map((l: { regionLevel: string }) => l.regionLevel).sort()).toEqual(['county', 'village']);
  });

  it('keeps one open lead per person: listed before being registered, then registered, then on a second list', async () => {
    const header = ['姓名', '身份证号', '手机号'];
    const idNumber = makeIdNumber({ regionCode: '110101', birthDate: '1990-03-07', sequence: 88, sex: 'male' });
    const first = await upload(
      await xlsx([header, ['孙先报', idNumber, ''], ['周某', '', '13700001111']]),
      'issuer=县教育局',
    );
    expect(first.json()).toMatchObject({ created: 2, merged: 0 });
    const p = await buildPerson(db, county.villageA, { name: '孙先报', idNumber });
    const second = await upload(
      await xlsx([
        header,
        ['孙先报', idNumber, ''],
        ['吴新', '', '13700002222'],
        ['郑新', '', '13700003333'],
        ['周某', '', '13700001111'],
        ['钱新', '', '13700004444'],
      ]),
      'issuer=县卫健局',
    );
    expect(second.json()).toMatchObject({ rows: 5, created: 3, merged: 2 });
    const open = (
      await db.execute<{ person_id: string | null; region_path: string }>(
        sql`SELECT person_id, region_path::text FROM lead WHERE id_number_bidx = ${blindIndexes('idNumber', idNumber)[0]} AND status = 'open'`,
      )
    ).rows;
    expect(open).toEqual([{ person_id: p.id, region_path: county.villageA.path }]);
  });

  describe('a typical list as the bureaus send it', () => {
    const sourcesOf = async (name: string) =>
      (
        await db.execute<{ detail: Record<string, unknown> }>(
          sql`SELECT s.detail FROM lead_source s JOIN lead l ON l.id = s.lead_id WHERE l.name = ${name} ORDER BY s.created_at`,
        )
      ).rows.map((r) => r.detail);
    const count = async () =>
      (await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM lead_source`)).rows[0]!.n;

    it('skips the title rows above the header, ignores 性别 and names it, and reads the synonyms', async () => {
      const p = await buildPerson(db, county.villageA, {
        name: '钱标题',
        idNumber: makeIdNumber({ regionCode: '510121', birthDate: '1985-01-02', sequence: 41, sex: 'male' }),
      });
      const file = await xlsx([
        ['关于协查来自重点地区返乡人员的通知（第12批）'],
        ['下发单位：县疫情防控指挥部　　2024年2月20日'],
        ['序号', '名字', '性别', '公民身份号码', '联系电话', '途经地', '到达日期', '备注'],
        ['1', '钱标题', '男', p.idNumber!, '', '某市某区', '2024-02-18', ''],
        ['2', '孙未登', '女', '', '13955556666', '', '', '自驾'],
      ]);
      const res = await upload(file, 'issuer=县指挥部');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({
        rows: 2,
        matched: 1,
        unmatched: 1,
        created: 2,
        merged: 0,
        ignored: ['性别'],
        errors: [],
      });
      // Rows keep their numbers in the file (the 协查反馈表 refers to them).
      expect(await sourcesOf('钱标题')).toEqual([
        expect.objectContaining({
          row: 4,
          matched: 'idNumber',
          origin: '某市某区',
          arrivedAt: '2024-02-18',
          note: null,
        }),
      ]);
      expect(await sourcesOf('孙未登')).toEqual([expect.objectContaining({ row: 5, note: '自驾', matched: null })]);
      expect((await sourcesOf('孙未登'))[0]).not.toHaveProperty('origin');
    });

    it('asks for the mapping when 姓名 is not found or a field has two columns, imports nothing, then imports with the chosen mapping', async () => {
      const before = await count();
      const unnamed = await upload(
        await xlsx([
          ['人员', '身份证号', '手机号'],
          ['周无名', '', '13811110000'],
        ]),
        'issuer=x',
      );
      expect(unnamed.statusCode, unnamed.body).toBe(200);
      expect(unnamed.json()).toMatchObject({ mappingNeeded: true, headers: ['人员', '身份证号', '手机号'] });
      expect(unnamed.json().fields.slice(0, 3)).toEqual([
        { field: 'name', required: true, column: null, candidates: [] },
        { field: 'idNumber', required: false, column: '身份证号', candidates: ['身份证号'] },
        { field: 'phone', required: false, column: '手机号', candidates: ['手机号'] },
      ]);
      const twoPhones = await xlsx([
        ['协查名单'],
        ['姓名', '手机号', '联系电话', '性别'],
        ['吴两号', '13822223333', '13844445555', '男'],
      ]);
      const asked = await upload(twoPhones, 'issuer=x');
      expect(asked.json().fields.find((f: { field: string }) => f.field === 'phone')).toEqual({
        field: 'phone',
        required: false,
        column: null,
        candidates: ['手机号', '联系电话'],
      });
      expect(await count()).toBe(before);

      const mapping = encodeURIComponent(JSON.stringify({ name: '姓名', phone: '联系电话' }));
      const done = await upload(twoPhones, `issuer=x&mapping=${mapping}`);
      expect(done.json()).toEqual({
        rows: 1,
        matched: 0,
        unmatched: 1,
        created: 1,
        merged: 0,
        ignored: ['手机号', '性别'],
        errors: [],
      });
      const lead = (
        await app.inject({ url: `/api/v1/leads?q=${encodeURIComponent('吴两号')}`, headers: township.headers })
      ).json().items[0];
      expect(lead.phone).toMatch(/^138\*+5555$/);
      // A header of the user's own naming, found by the mapping.
      const renamed = await upload(
        await xlsx([['第3批'], ['人员', '证号'], ['郑自定', '']]),
        `issuer=x&mapping=${encodeURIComponent(JSON.stringify({ name: '人员', idNumber: '证号' }))}`,
      );
      expect(renamed.json()).toMatchObject({ rows: 1, created: 1, ignored: [] });
      // A mapping naming a column the file does not have: a field error, nothing imported.
      const wrong = await upload(twoPhones, `issuer=x&mapping=${encodeURIComponent(JSON.stringify({ name: '名字' }))}`);
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json().errors).toEqual([{ field: 'mapping', message: '缺少必需的列：名字' }]);
      expect(await count()).toBe(before + 2);
    });

    it('offers the template, which imports as it is', async () => {
      const res = await app.inject({ url: '/api/v1/leads/import-template', headers: township.headers });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as never);
      const header = (wb.worksheets[0]!.getRow(1).values as string[]).slice(1);
      expect(header).toEqual(['序号', '姓名', '身份证号', '手机号', '地址', '来源地', '抵达时间', '备注']);
      wb.worksheets[0]!.addRow(['1', '冯模板', '', '13866667777', '', '', '', '']);
      const back = await upload(Buffer.from(await wb.xlsx.writeBuffer()), 'issuer=x');
      expect(back.json()).toMatchObject({ rows: 1, created: 1, ignored: [] });
      expect((await app.inject({ url: '/api/v1/leads/import-template', headers: grid.headers })).statusCode).toBe(403);
    });
  });
});
