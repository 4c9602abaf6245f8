import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildCounty, buildUser } from '../../test/factories.js';
import { xlsxBomb } from '../../test/xlsx-bomb.js';
import { XLSX_MIME, readTable } from './table-reader.js';
import { warmParseWorkers } from './parse-workers.js';

// Spreadsheet bombs and oversized sheets, on every route that reads an upload: refused before
// they are parsed, with the limit in words, and nothing written.
describe('upload limits', async () => {
  const { app, db } = await testApp();
  let cadre: Session;
  let admin: Session;
  beforeAll(async () => {
    const county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'root', role: 'admin', region: county.county });
    cadre = await loginAs(app, 'cadre');
    admin = await loginAs(app, 'root');
    // Started once, as on a running server: the timings below are about the files, not a thread's start.
    await warmParseWorkers();
  });
  const post = (url: string, body: Buffer, session: Session, type = XLSX_MIME) =>
    app.inject({ method: 'POST', url, payload: body, headers: { ...session.headers, 'content-type': type } });
  const jobs = async () => (await db.execute(sql`SELECT count(*)::int AS n FROM file_job`)).rows[0];

  it('refuses an .xlsx that unpacks beyond 60 MB in moments, as 413 saying the limit, on each upload route', async () => {
    const bomb = await xlsxBomb(70);
    expect(bomb.length).toBeLessThan(20 * 2 ** 20);
    const before = await jobs();
    for (const [url, session] of [
      ['/api/v1/persons/import', cadre],
      ['/api/v1/persons/import/columns', cadre],
      ['/api/v1/regions/import', admin],
    ] as const) {
      const started = performance.now();
      const res = await post(url, bomb, session);
      expect(performance.now() - started, url).toBeLessThan(5_000);
      expect(res.statusCode, url).toBe(413);
      expect(res.json().type).toBe('https://fangkong.dev/problems/upload.unpackedTooLarge');
      expect(res.json().title).toBe('表格解压后超过 60 MB，请按村或网格拆分后分批导入');
    }
    expect(await jobs()).toEqual(before);
  }, 60_000);

  it('refuses a bomb whose directory lies about its sizes', async () => {
    const res = await post('/api/v1/persons/import', await xlsxBomb(5, { lie: true }), cadre);
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('https://fangkong.dev/problems/upload.unpackedTooLarge');
  });

  it('refuses a sheet of more than 100 columns, and a CSV of more than 200000 rows, as 422 saying the limit', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(Array.from({ length: 101 }, (_, i) => `列${i}`));
    // ExcelJS writes the sheet ahead of its shared strings: read in that order, the sheet would be
    // spooled to a temporary file, left behind by the refusal.
    const ours = () => readdirSync(tmpdir()).filter((f) => f.startsWith(`tmp-${process.pid}-`));
    const spooled = ours();
    const wide = await post('/api/v1/persons/import', Buffer.from(await wb.xlsx.writeBuffer()), cadre, XLSX_MIME);
    expect(wide.statusCode).toBe(422);
    expect(wide.json().title).toBe('表格超过 100 列，请只保留需要导入的列');
    expect(ours()).toEqual(spooled);
    const long = Buffer.from(`姓名,身份证号\n${'张三,510121196001010011\n'.repeat(200_000)}`);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/import',
      payload: long,
      headers: { ...cadre.headers, 'content-type': 'text/csv', 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().title).toBe('The sheet has more than 200000 rows; split it and import the parts');
  }, 60_000);

  it('reads a large sheet off the request thread: /api/health keeps answering meanwhile', async () => {
    // 100000 rows × 3 columns: within the limits, and seconds of reading.
    const big = Buffer.from(`姓名,身份证号,联系电话\n${'张三,510121196001010011,13800138000\n'.repeat(100_000)}`);
    let read = false;
    const reading = readTable(big, 'text/csv').finally(() => (read = true));
    const latencies: number[] = [];
    while (!read) {
      const started = performance.now();
      const health = await app.inject({ url: '/api/health' });
      latencies.push(performance.now() - started);
      expect(health.statusCode).toBe(200);
      await new Promise((r) => setTimeout(r, 10));
    }
    expect((await reading).length).toBe(100_000);
    // Read on the request thread, the sheet held every answer back until it was done (one answer in
    // 3 s); off it, answers keep coming. No tight time bound: CI machines are slower or busier than this one.
    expect(latencies.length).toBeGreaterThan(3);
    expect(Math.max(...latencies)).toBeLessThan(2_000);
  }, 60_000);
});
