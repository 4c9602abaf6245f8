import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildGrid, buildUser } from '../../../test/factories.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { importLedgerAndWait } from '../../../test/jobs.js';
import { inClear } from '../../../test/personal-data.js';

describe('基础台账表 import and export', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let viewer: Session;
  const good = makeIdNumber({ regionCode: '510121', birthDate: '1970-02-03', sequence: 41, sex: 'male' });
  const legacy = makeIdNumber({ regionCode: '510121', birthDate: '1950-07-08', sequence: 22, sex: 'female' });
  const wide = makeIdNumber({ regionCode: '510121', birthDate: '1995-12-12', sequence: 7, sex: 'female' });
  const toWide = (s: string) => [...s].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildGrid(db, county.villageA, '第一网格');
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'viewer', role: 'viewer', region: county.villageA });
    cadre = await loginAs(app, 'cadre');
    viewer = await loginAs(app, 'viewer');
  });

  async function ledger(): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('基础台账表');
    const a = county.villageA.code;
    ws.addRow([
      '所属区划代码',
      '地址',
      '网格',
      '姓名',
      '身份证号',
      '性别',
      '出生日期',
      '手机号',
      '与户主关系',
      '特殊群体',
      '监护人',
    ]);
    ws.addRow([a, '五凤村1号', '第一网格', '张三', good, '', '', '+86 138 0013 8000', '户主', '低保、残疾', '']); // 2 ok
    ws.addRow([a, '五凤村1号', '第一网格', '李秀英', legacy.slice(0, 6) + legacy.slice(8, 17), '', '', '', '', '', '']); // 3 ok, 15 digits
    ws.addRow([a, '五凤村1号', '', '张小宝', '', '', 44197, '', '', '', '张三']); // 4 ok, Excel serial 2021-01-01
    ws.addRow([a, '五凤村2号', '', '阿依古丽·买买提', toWide(wide), '', '', '', '户主', '', '']); // 5 ok, full-width
    ws.addRow([a, '五凤村2号', '', '𠮷田', '', '', '1960-01-01', '', '', '', '']); // 6 ok, rare character
    ws.addRow([a, '五凤村3号', '', '错号', good.slice(0, 17) + (good[17] === '1' ? '2' : '1'), '', '', '', '', '', '']); // 7 check digit
    ws.addRow([a, '五凤村3号', '', '错日期', '510121198502301234', '', '', '', '', '', '']); // 8 birth date
    ws.addRow([]); // empty row: skipped, not an error
    ws.addRow([a, '五凤村3号', '', '无生日', '', '', '', '', '', '', '']); // 10 no birth date
    ws.addRow([county.villageB.code, '石板村1号', '', '外村人', '', '', '1990-01-01', '', '', '', '']); // 11 out of scope
    ws.addRow([a, '五凤村3号', '', '坏手机', '', '', '1990-01-01', '1234', '', '未知群体', '']); // 12 phone + group
    ws.addRow([a, '五凤村1号', '', '张三', good, '', '', '', '', '', '']); // 13 repeats row 2
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const upload = (body: Buffer | string, type = XLSX_MIME) => importLedgerAndWait(app, cadre.headers, body, type);

  it('accepts the good rows and reports each bad one with its field and reason', async () => {
    const res = await upload(await ledger());
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rows: 11, accepted: 5, createdHouseholds: 2, createdPersons: 5, linked: 0 });
    expect(r.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [7, '身份证号'],
      [8, '身份证号'],
      [10, '出生日期'],
      [11, '所属区划代码'],
      [12, '手机号'],
      [12, '特殊群体'],
      [13, '身份证号'],
    ]);
    expect(r.errors[0].message).toMatch(/校验位/);
    const stored =
      await db.execute(sql`SELECT p.name, p.id_number, p.birth_date, p.phone, p.vulnerable_groups, h.address, h.head_person_id = p.id AS head, h.grid_id IS NOT NULL AS in_grid
      FROM person p JOIN household h ON h.id = p.household_id ORDER BY h.address, p.birth_date`);
    expect(inClear(stored.rows)).toEqual([
      {
        name: '李秀英',
        id_number: legacy,
        birth_date: '1950-07-08',
        phone: null,
        vulnerable_groups: [],
        address: '五凤村1号',
        head: false,
        in_grid: true,
      },
      {
        name: '张三',
        id_number: good,
        birth_date: '1970-02-03',
        phone: '13800138000',
        vulnerable_groups: ['subsistenceAllowance', 'disabled'],
        address: '五凤村1号',
        head: true,
        in_grid: true,
      },
      {
        name: '张小宝',
        id_number: null,
        birth_date: '2021-01-01',
        phone: null,
        vulnerable_groups: [],
        address: '五凤村1号',
        head: false,
        in_grid: true,
      },
      {
        name: '𠮷田',
        id_number: null,
        birth_date: '1960-01-01',
        phone: null,
        vulnerable_groups: [],
        address: '五凤村2号',
        head: false,
        in_grid: false,
      },
      {
        name: '阿依古丽·买买提',
        id_number: wide,
        birth_date: '1995-12-12',
        phone: null,
        vulnerable_groups: [],
        address: '五凤村2号',
        head: true,
        in_grid: false,
      },
    ]);
  });

  it('creates nothing when the same file is imported again', async () => {
    const r = (await upload(await ledger())).json();
    expect(r).toMatchObject({ accepted: 5, createdHouseholds: 0, createdPersons: 0, linked: 5 });
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM person`)).rows[0]).toEqual({ n: 5 });
  });

  it('refuses a file that is not a spreadsheet with one clear error', async () => {
    const res = await upload(Buffer.from('this is not a zip file at all'));
    expect(res.statusCode).toBe(415);
  });

  it('exports the ledger masked for a viewer, full for a cadre who asks, and audits both', async () => {
    const read = async (s: Session, full: boolean) => {
      const res = await app.inject({ url: `/api/v1/persons/export${full ? '?full=true' : ''}`, headers: s.headers });
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: string[][] = [];
      wb.worksheets[0]!.eachRow((row) => rows.push((row.values as string[]).slice(1)));
      return rows;
    };
    const masked = await read(viewer, false);
    expect(masked).toHaveLength(6);
    expect(masked.find((r) => r[3] === '张三')![4]).toBe(`510121********${good.slice(-4)}`);
    const full = await read(cadre, true);
    expect(full.find((r) => r[3] === '张三')!.slice(4, 9)).toEqual([good, '男', '1970-02-03', '13800138000', '户主']);
    expect((await app.inject({ url: '/api/v1/persons/export?full=true', headers: viewer.headers })).statusCode).toBe(
      403,
    );
    const audit = await db.execute(
      sql`SELECT detail->>'full' AS full FROM audit_log WHERE event = 'person.export' ORDER BY at`,
    );
    expect(audit.rows).toEqual([{ full: 'false' }, { full: 'true' }]);
  });

  it("gives a template that imports cleanly once its region code is the caller's", async () => {
    const res = await app.inject({ url: '/api/v1/persons/ledger-template', headers: cadre.headers });
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1, 5)).toEqual([
      '所属区划代码',
      '地址',
      '网格',
      '姓名',
    ]);
  });
});
