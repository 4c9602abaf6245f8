// The layout a township office sends up: a title row, a row naming the round, the unit and the
// 截止 time, a two-row header whose groups are merged cells, then the figures, subtotals and total.
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { workbookWriter } from './workbook.js';

/** A header column; with `columns` it is a group spanning them, otherwise one column over both header rows. */
export interface HeaderGroup {
  title: string;
  columns?: string[];
  width?: number;
}

export const PERCENT = '0.0%';
const thin = { style: 'thin' } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };
const center = { vertical: 'middle', horizontal: 'center', wrapText: true } as const;

export type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/** Starts a streamed workbook; `finish` commits it. Rows written through `row` are committed at once. */
export function officialWorkbook() {
  const stream = new PassThrough();
  const wb = workbookWriter(stream);
  return { stream, wb, finish: () => wb.commit() };
}

/** Writes title, subtitle and the merged two-row header; returns how many columns the sheet has. */
export function writeOfficialHeader(ws: SheetWriter, title: string, subtitle: string, groups: HeaderGroup[]): number {
  const width = groups.reduce((n, g) => n + (g.columns?.length ?? 1), 0);
  const top: string[] = [];
  const bottom: string[] = [];
  const merges: [number, number, number, number][] = [];
  const widths: number[] = [];
  for (const g of groups) {
    const start = top.length + 1;
    if (g.columns) {
      g.columns.forEach((c, i) => {
        top.push(i === 0 ? g.title : '');
        bottom.push(c);
        widths.push(g.width ?? 10);
      });
      if (g.columns.length > 1) merges.push([3, start, 3, start + g.columns.length - 1]);
    } else {
      top.push(g.title);
      bottom.push('');
      widths.push(g.width ?? 12);
      merges.push([3, start, 4, start]);
    }
  }
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const t = ws.addRow([title]);
  t.height = 30;
  t.getCell(1).font = { bold: true, size: 16 };
  t.getCell(1).alignment = center;
  const s = ws.addRow([subtitle]);
  s.getCell(1).alignment = { horizontal: 'right' };
  const header = [top, bottom].map((values) => {
    const r = ws.addRow(values);
    for (let c = 1; c <= width; c++) Object.assign(r.getCell(c), { font: { bold: true }, alignment: center, border });
    return r;
  });
  // A streamed sheet merges only rows not yet committed.
  ws.mergeCells(1, 1, 1, width);
  ws.mergeCells(2, 1, 2, width);
  for (const [r1, c1, r2, c2] of merges) ws.mergeCells(r1, c1, r2, c2);
  for (const r of [t, s, ...header]) r.commit();
  return width;
}

/** One data row, bordered; `percentColumns` (1-based) are formatted as percentages; `bold` for subtotals. */
export function writeOfficialRow(
  ws: SheetWriter,
  values: (string | number | null)[],
  opts: { percentColumns?: number[]; bold?: boolean } = {},
) {
  const r = ws.addRow(values);
  values.forEach((_v, i) => {
    const cell = r.getCell(i + 1);
    cell.border = border;
    if (opts.bold) cell.font = { bold: true };
    if (opts.percentColumns?.includes(i + 1)) cell.numFmt = PERCENT;
  });
  r.commit();
}
