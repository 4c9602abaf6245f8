import { readInWorker } from './parse-workers.js';
import type { ReadOptions, TableRow } from './table-parse.js';

export { CSV_MIME, UPLOAD_LIMIT_MB, XLSX_MIME, type ReadOptions, type TableRow } from './table-parse.js';

/** The header names of a file, in column order, for the user to map to the importer's columns. */
export function readHeaders(body: Buffer, contentType: string, opts: ReadOptions = {}): Promise<string[]> {
  return readInWorker({ kind: 'headers', body, contentType, opts });
}

/**
 * Reads the first sheet of an .xlsx file or a CSV (UTF-8, BOM tolerated) into header-keyed rows,
 * as a stream under the limits of size, rows and columns, in a parse worker (PARSE_SLOTS files at
 * a time) so that the server keeps answering while a big sheet is read.
 */
export function readTable(body: Buffer, contentType: string, opts: ReadOptions = {}): Promise<TableRow[]> {
  return readInWorker({ kind: 'table', body, contentType, opts });
}

/** The value of the first column whose header is one of `names`. */
export function pick(values: Record<string, string>, names: readonly string[]): string {
  for (const name of names) if (values[name] !== undefined) return values[name]!;
  return '';
}
