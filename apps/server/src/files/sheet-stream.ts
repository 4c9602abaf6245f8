import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { Problem } from '../http/problem.js';
import { checkZipLimits, sheetsLast } from './zip-guard.js';

/** The most rows (header included), columns and filled cells an uploaded sheet may have. */
export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 100;
export const MAX_CELLS = 500_000;

/** One row of a sheet: its 1-based number as the user sees it, and its cells' text by 1-based column. */
export interface RawRow {
  row: number;
  cells: string[];
}

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

/** Counts rows, columns and cells against the limits, refusing (422, the limit in words) at the first one passed. */
function limiter() {
  let cells = 0;
  return (row: number, columns: number, filled: number) => {
    if (row > MAX_ROWS) throw new Problem(422, 'upload.tooManyRows', [], { rows: MAX_ROWS });
    if (columns > MAX_COLUMNS) throw new Problem(422, 'upload.tooManyColumns', [], { columns: MAX_COLUMNS });
    cells += filled;
    if (cells > MAX_CELLS) throw new Problem(422, 'upload.tooManyCells', [], { cells: MAX_CELLS });
  };
}

/**
 * The rows of the first sheet of an .xlsx, read as a stream (only the shared strings are held
 * whole) after its zip passed the size limits; `stopAfter` rows at most. Not an .xlsx: 415.
 */
export async function* xlsxRows(body: Buffer, stopAfter = Infinity): AsyncGenerator<RawRow> {
  const entries = await checkZipLimits(body);
  const check = limiter();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([sheetsLast(body, entries)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  // A workbook of inline strings has no shared strings part: without this, ExcelJS would wait
  // for one by spooling every sheet to a temporary file.
  if (!entries.some((e) => /^xl\/sharedStrings\.xml$/i.test(e.name)))
    (reader as unknown as { sharedStrings: string[] }).sharedStrings = [];
  let sawSheet = false;
  try {
    for await (const sheet of reader) {
      sawSheet = true;
      for await (const row of sheet) {
        const cells: string[] = [];
        let filled = 0;
        let columns = 0;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          columns = Math.max(columns, col);
          if (columns > MAX_COLUMNS) return;
          const text = cellText(cell.value);
          if (text) {
            cells[col] = text;
            filled++;
          }
        });
        check(row.number, columns, filled);
        yield { row: row.number, cells };
        if (row.number >= stopAfter) return;
      }
      return; // the first sheet only
    }
  } catch (e) {
    if (e instanceof Problem) throw e;
    // A renamed .xls, .ods or PDF, a broken zip: one clear error, nothing written.
    throw new Problem(415, 'unsupportedMediaType');
  }
  if (!sawSheet) throw new Problem(415, 'unsupportedMediaType');
}

/** The records of a CSV (UTF-8, BOM tolerated), read as a stream under the same limits. */
export async function* csvRows(body: Buffer, stopAfter = Infinity): AsyncGenerator<RawRow> {
  const check = limiter();
  const parser = Readable.from([body]).pipe(
    parse({ bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, max_record_size: 1_000_000 }),
  );
  let n = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      n++;
      check(
        n,
        record.length,
        record.reduce((k, c) => (c ? k + 1 : k), 0),
      );
      // 1-based columns, as in a sheet
      yield { row: n, cells: [undefined as unknown as string, ...record] };
      if (n >= stopAfter) return;
    }
  } catch (e) {
    if (e instanceof Problem) throw e;
    // A broken CSV (an unclosed quote, say) is one clear 422 naming the line, not a 500.
    const line = (e as { lines?: number }).lines;
    throw new Problem(422, 'csv.malformed', [], { line: typeof line === 'number' ? line : n + 1 });
  } finally {
    parser.destroy();
  }
}
