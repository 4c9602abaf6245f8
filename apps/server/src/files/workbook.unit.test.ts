import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { systemActor } from '../auth/actor.js';
import { sheet, templateXlsx, workbookBuffer, workbookStream, writeWorkbook, type Column } from './workbook.js';

type Row = { name: string; n: number };
const columns: Column<Row>[] = [
  { zh: '姓名', en: 'Name', width: 12, cell: (r) => r.name },
  { zh: '人数', en: 'Count', cell: (r, l) => (l === 'en-US' ? r.n * 10 : r.n) },
];
const rows: Row[] = [
  { name: '张三', n: 1 },
  { name: '李四', n: 2 },
];
const at = new Date('2026-12-07T02:03:00Z');

async function read(file: Buffer | Readable) {
  const wb = new ExcelJS.Workbook();
  if (Buffer.isBuffer(file)) await wb.xlsx.load(file as never);
  else await wb.xlsx.read(file);
  return wb;
}
const values = (ws: ExcelJS.Worksheet) => {
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
};

describe('workbook', () => {
  it('writes title, the exported-by line with the given time, lines, header, rows and total, in that order', async () => {
    const actor = { ...systemActor('1'), displayName: '王主任' };
    const file = await workbookBuffer('zh-CN', [
      sheet({
        name: '测试表',
        title: '标题',
        exportedBy: { actor, at, note: '　共 2 人' },
        lines: ['说明'],
        columns,
        rows,
        total: ['合计', 3],
      }),
    ]);
    const ws = (await read(file)).getWorksheet('测试表')!;
    expect(values(ws)).toEqual([
      ['标题'],
      ['导出人: 王主任  2026-12-07 10:03　共 2 人'],
      ['说明'],
      ['姓名', '人数'],
      ['张三', 1],
      ['李四', 2],
      ['合计', 3],
    ]);
    expect(ws.getRow(1).font).toMatchObject({ bold: true, size: 14 });
    expect(ws.getRow(4).getCell(1).font).toMatchObject({ bold: true });
    expect(ws.getRow(7).getCell(2).font).toMatchObject({ bold: true });
    expect(ws.getColumn(1).width).toBe(12);
  });

  it("heads and fills the columns in the reader's language; a header without en stays Chinese", async () => {
    const actor = { ...systemActor('1'), displayName: 'Wang', locale: 'en-US' as const };
    const file = await workbookBuffer('en-US', [
      sheet({
        name: 'Test',
        exportedBy: { actor, at },
        columns: [...columns, { zh: '备注', cell: () => '' }],
        rows: rows.slice(0, 1),
      }),
    ]);
    expect(values((await read(file)).worksheets[0]!)).toEqual([
      ['Exported by: Wang  2026-12-07 10:03'],
      ['Name', 'Count', '备注'],
      ['张三', 10, ''],
    ]);
  });

  it('streams rows from an async source into a file, several sheets in one workbook, and a template reads back as the import sees it', async () => {
    async function* many() {
      for (let n = 1; n <= 5_000; n++) yield { name: `第${n}人`, n };
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'workbook-'));
    try {
      const file = path.join(dir, 'big.xlsx');
      const out = createWriteStream(file);
      const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
      await writeWorkbook(out, 'zh-CN', [
        sheet({ name: '一', columns, rows: many() }),
        sheet({ name: '二', header: false, columns, rows }),
      ]);
      await closed;
      const wb = await read(createReadStream(file));
      expect(wb.getWorksheet('一')!.rowCount).toBe(5_001);
      expect(wb.getWorksheet('一')!.getRow(5_001).values).toEqual([undefined, '第5000人', 5_000]);
      expect(values(wb.getWorksheet('二')!)).toEqual([
        ['张三', 1],
        ['李四', 2],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const template = await read(await templateXlsx('模板', ['姓名', '电话'], [['张三', '13800000000']], (i) => 10 + i));
    expect(values(template.worksheets[0]!)).toEqual([
      ['姓名', '电话'],
      ['张三', '13800000000'],
    ]);
    // A small sheet keeps an empty text cell an empty text (as the exports' readers expect).
    const blank = await read(await templateXlsx('模板', ['姓名', '电话', '备注'], [['', '13800000000', '']], () => 10));
    expect(blank.worksheets[0]!.getRow(2).values).toEqual([undefined, '', '13800000000', '']);
    expect(template.worksheets[0]!.getColumn(2).width).toBe(11);
  });

  it('ends the stream with the error when reading the rows fails part-way', async () => {
    async function* failing() {
      yield rows[0]!;
      throw new Error('query failed');
    }
    const stream = workbookStream('zh-CN', [sheet({ name: 's', columns, rows: failing() })]);
    await expect(
      new Promise((resolve, reject) =>
        stream
          .on('data', () => {})
          .on('end', resolve)
          .on('error', reject),
      ),
    ).rejects.toThrow('query failed');
  });
});
