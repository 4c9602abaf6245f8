// The one way the server writes a simple workbook: a list of columns (header in zh-CN and en-US,
// width, cell), the rows, and around them the lines every export shares — a title, who exported it
// and when, a total. Every workbook is written by ExcelJS's streaming writer, row by row, so that a
// sheet of a county's register costs no more memory than one of ten rows; small sheets are merely
// collected into a Buffer. Send it with downloadHeaders (files/download.ts) for the Chinese file name.
// The township's two-row merged layout (统计表, 排查进度) is files/official-sheet.ts, on the same writer.
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Locale } from '@fangkong/domain';
import type { Actor } from '../auth/actor.js';
import { exportedByLine } from './exported-by.js';

export type CellValue = string | number | boolean | Date | null | undefined;

/** One column: its header per locale (no `en`: the header stays Chinese, as on a paper form), width and the cell of a row. */
export interface Column<R> {
  zh: string;
  en?: string;
  width?: number;
  cell: (row: R, locale: Locale) => CellValue;
}

/** One sheet: from the top, title, exported-by line, further lines, header, rows, total. */
export interface Sheet<R> {
  name: string;
  /** A bold first line. */
  title?: string;
  /** The line naming who exported it and when (the injected clock's time), with an optional note after it. */
  exportedBy?: { actor: Actor; at: Date; note?: string };
  /** Lines after the exported-by line: a site's totals, a form's own wording. */
  lines?: string[];
  columns: Column<R>[];
  /** false: no header row (a template's example rows, a report's text). */
  header?: boolean;
  rows: Iterable<R> | AsyncIterable<R>;
  /** A bold last row. */
  total?: CellValue[];
  /** Styles a written row (wrapping, a fill) before it is committed. */
  style?: (row: ExcelJS.Row, r: R) => void;
}

/** Sheets of different row types in one workbook; build each with `sheet()` so that its rows and cells are checked against each other. */
export type AnySheet = Sheet<any>;

/** A sheet, its row type inferred from its rows. */
export const sheet = <R>(s: Sheet<R>): AnySheet => s;

const TITLE_FONT = { bold: true, size: 14 };
const BOLD = { bold: true };

/**
 * An ExcelJS streaming writer into `stream`, styles kept. Strings inline by default, so that memory
 * stays flat however many rows; shared strings (held whole until the end) keep an empty text cell
 * an empty text rather than no cell, as a spreadsheet program writes it.
 */
export function workbookWriter(stream: Writable, sharedStrings = false) {
  return new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: sharedStrings, useStyles: true });
}

const headerOf = (c: Column<unknown>, locale: Locale) => (locale === 'en-US' ? (c.en ?? c.zh) : c.zh);

async function writeSheet<R>(wb: ExcelJS.stream.xlsx.WorkbookWriter, locale: Locale, s: Sheet<R>) {
  const ws = wb.addWorksheet(s.name);
  // Widths first: a streamed sheet writes its columns with the first committed row.
  s.columns.forEach((c, i) => {
    if (c.width) ws.getColumn(i + 1).width = c.width;
  });
  const line = (values: CellValue[], font?: typeof BOLD) => {
    const r = ws.addRow(values);
    if (font) r.font = font;
    r.commit();
  };
  if (s.title !== undefined) line([s.title], TITLE_FONT);
  if (s.exportedBy) line([exportedByLine(s.exportedBy.actor, s.exportedBy.at) + (s.exportedBy.note ?? '')]);
  for (const l of s.lines ?? []) line([l]);
  if (s.header !== false)
    line(
      s.columns.map((c) => headerOf(c as Column<unknown>, locale)),
      BOLD,
    );
  for await (const r of s.rows) {
    const row = ws.addRow(s.columns.map((c) => c.cell(r, locale)));
    s.style?.(row, r);
    row.commit();
  }
  if (s.total) line(s.total, BOLD);
  ws.commit();
}

/** Writes the sheets into `out` (a response, a file) and resolves once the workbook is complete. */
export async function writeWorkbook(
  out: Writable,
  locale: Locale,
  sheets: AnySheet[],
  opts: { sharedStrings?: boolean } = {},
): Promise<void> {
  const wb = workbookWriter(out, opts.sharedStrings);
  for (const s of sheets) await writeSheet(wb, locale, s);
  await wb.commit();
}

/** The workbook as a stream to send at once; a failure part-way ends the stream with the error. */
export function workbookStream(locale: Locale, sheets: AnySheet[]): PassThrough {
  const out = new PassThrough();
  writeWorkbook(out, locale, sheets).catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/** The workbook as a Buffer, for sheets small enough to hold (those read from one page of a query). */
export async function workbookBuffer(locale: Locale, sheets: AnySheet[]): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeWorkbook(out, locale, sheets, { sharedStrings: true });
  return Buffer.concat(chunks);
}

/** An import template: the headers the import reads and example rows, in Chinese whatever the locale. */
export function templateXlsx(
  name: string,
  headers: readonly string[],
  examples: CellValue[][],
  width: (column: number) => number,
): Promise<Buffer> {
  const columns = headers.map((zh, i): Column<CellValue[]> => ({ zh, width: width(i), cell: (r) => r[i] }));
  return workbookBuffer('zh-CN', [sheet({ name, columns, rows: examples })]);
}
