// The 基础台账表 import on files an office suite wrote: test/fixtures/ledger-libreoffice.xlsx was made by
// LibreOffice (test/fixtures/make-libreoffice-ledger.mjs, which lists its rows), with a title row merged
// over every column, 手机号 merged over two columns, rich-text cells, a date cell and a date as a serial.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parseIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { importLedgerAndWait } from '../../../test/jobs.js';
import { buildCounty, buildGrid, buildUser } from '../../../test/factories.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { inClear } from '../../../test/personal-data.js';
import { blindIndexes } from '../../security/personal-data-crypto.js';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url));

describe('基础台账表 import of a LibreOffice file', async () => {
  const { app, db } = await testApp();
  let cadre: Session;
  beforeAll(async () => {
    const county = await buildCounty(db);
    await buildGrid(db, county.villageA, '第一网格');
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    cadre = await loginAs(app, 'cadre');
  });
  const upload = (body: Buffer, type = XLSX_MIME) => importLedgerAndWait(app, cadre.headers, body, type);

  it('accepts exactly the good rows and names each bad row with its field and reason', async () => {
    const res = await upload(fixture('ledger-libreoffice.xlsx'));
    expect(res.statusCode).toBe(200);
    const r = res.json();
    // Rows 3–13 below the title (1) and the header (2); row 9 is empty and not counted.
    expect(r).toMatchObject({ rows: 10, accepted: 6, createdHouseholds: 3, createdPersons: 6, linked: 0 });
    expect(r.errors.map((e: { row: number; field: string; message: string }) => [e.row, e.field, e.message])).toEqual([
      [8, '身份证号', '身份证号校验位错误'],
      [11, '身份证号', '身份证号中的出生日期无效'],
      [12, '手机号', expect.any(String)],
      [13, '出生日期', expect.any(String)],
    ]);
    const legacy = parseIdNumber('510121500708222');
    expect(legacy.ok && legacy.value.idNumber).toHaveLength(18);
    const stored =
      await db.execute(sql`SELECT p.name, p.id_number, p.sex, p.birth_date, p.phone, p.vulnerable_groups, p.guardian_name, h.address, h.head_person_id = p.id AS head, h.grid_id IS NOT NULL AS in_grid
      FROM person p JOIN household h ON h.id = p.household_id ORDER BY h.address, p.birth_date`);
    expect(inClear(stored.rows)).toEqual([
      {
        name: '李秀英',
        id_number: legacy.ok ? legacy.value.idNumber : null,
        sex: 'female',
        birth_date: '1950-07-08',
        phone: null,
        vulnerable_groups: [],
        guardian_name: null,
        address: '五凤村1号',
        head: false,
        in_grid: true,
      },
      {
        name: '张三',
        id_number: '510121197002030414',
        sex: 'male',
        birth_date: '1970-02-03',
        phone: '13800138000',
        vulnerable_groups: ['subsistenceAllowance', 'disabled'],
        guardian_name: null,
        address: '五凤村1号',
        head: true,
        in_grid: true,
      },
      {
        name: '张小宝',
        id_number: null,
        sex: null,
        birth_date: '2021-01-01',
        phone: null,
        vulnerable_groups: [],
        guardian_name: '张三',
        address: '五凤村1号',
        head: false,
        in_grid: true,
      },
      {
        name: '𠮷田',
        id_number: null,
        sex: null,
        birth_date: '1960-01-01',
        phone: null,
        vulnerable_groups: ['elderlyAlone'],
        guardian_name: null,
        address: '五凤村2号',
        head: false,
        in_grid: true,
      },
      {
        name: '阿依古丽·买买提',
        id_number: '510121199512120072',
        sex: 'male',
        birth_date: '1995-12-12',
        phone: null,
        vulnerable_groups: [],
        guardian_name: null,
        address: '五凤村2号',
        head: true,
        in_grid: true,
      },
      {
        name: '王五',
        id_number: expect.stringMatching(/^51012119880808123[\dX]$/),
        sex: 'male',
        birth_date: '1988-08-08',
        phone: '13800138001',
        vulnerable_groups: [],
        guardian_name: null,
        address: '五凤村3号',
        head: true,
        in_grid: true,
      },
    ]);
  });

  it('creates nothing when the same file is imported again', async () => {
    expect((await upload(fixture('ledger-libreoffice.xlsx'))).json()).toMatchObject({
      accepted: 6,
      createdHouseholds: 0,
      createdPersons: 0,
      linked: 6,
    });
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM person`)).rows[0]).toEqual({ n: 6 });
  });

  it('refuses an .ods file renamed .xlsx with one clear error and writes nothing', async () => {
    const res = await upload(fixture('ledger-libreoffice.ods'));
    expect(res.statusCode).toBe(415);
    expect(res.json().title).toBe('不支持的文件类型，请上传 .xlsx 或 .csv 文件');
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM person`)).rows[0]).toEqual({ n: 6 });
  });

  it('refuses a file above the limit before reading it, saying the limit', async () => {
    const res = await upload(Buffer.alloc(21 * 1024 * 1024, 0x50));
    expect(res.statusCode).toBe(413);
    expect(res.json().title).toBe('文件超过 20 MB，请按村或网格拆分后分批导入');
  });

  it("matches the file's headers to the ledger columns, by name and by the names offices use", async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/import/columns',
      payload: fixture('ledger-libreoffice.xlsx'),
      headers: { ...cadre.headers, 'content-type': XLSX_MIME },
    });
    expect(res.statusCode).toBe(200);
    const found = res.json();
    expect(found.mapping.map((m: { header: string }) => m.header)).toEqual([
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
    expect(found.mapping.every((m: { header: string; column: string }) => m.header === m.column)).toBe(true);
    const csv = Buffer.from(
      '村代码,门牌,名字,证件号码,联系方式\n510121001001,五凤村9号,赵六,510121196001010011,13700137000\n',
    );
    const suggested = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/persons/import/columns',
        payload: csv,
        headers: { ...cadre.headers, 'content-type': 'text/csv' },
      })
    ).json();
    expect(suggested.mapping).toEqual([
      { header: '村代码', column: null },
      { header: '门牌', column: null },
      { header: '名字', column: '姓名' },
      { header: '证件号码', column: '身份证号' },
      { header: '联系方式', column: '手机号' },
    ]);
  });

  it('imports with the mapping the user chose, and refuses a mapping to a column the ledger does not have', async () => {
    const csv = Buffer.from(
      '村代码,门牌,名字,证件,联系方式\n510121001001,五凤村9号,赵六,510121196001010011,13700137000\n',
    );
    const post = (mapping: Record<string, string>) =>
      importLedgerAndWait(
        app,
        cadre.headers,
        csv,
        'text/csv',
        `?mapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      );
    const bad = await post({ 村代码: '户籍地' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('mapping');
    // Without the mapping nothing in this file is understood; with it, the row is accepted whole.
    const res = await post({ 村代码: '所属区划代码', 门牌: '地址', 名字: '姓名', 证件: '身份证号', 联系方式: '' });
    expect(res.json()).toMatchObject({ rows: 1, accepted: 1, createdPersons: 1, errors: [] });
    const stored = await db.execute(
      sql`SELECT p.name, p.phone, h.address FROM person p JOIN household h ON h.id = p.household_id WHERE p.id_number_bidx = ${blindIndexes('idNumber', '510121196001010011')[0]}`,
    );
    expect(inClear(stored.rows)).toEqual([{ name: '赵六', phone: null, address: '五凤村9号' }]);
  });
});
