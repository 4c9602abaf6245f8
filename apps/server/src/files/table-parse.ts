// Reading an uploaded table, as done inside a parse worker (table-worker.ts); the request thread
// calls table-reader.ts, which hands the file to a worker.
import { csvRows, xlsxRows, type RawRow } from './sheet-stream.js';
import { cleanCells } from './table-text.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';
/** The largest spreadsheet an import accepts; a bigger one is refused before it is read (fileTooLarge). */
export const UPLOAD_LIMIT_MB = 20;
/** How far down a sheet the header row is looked for (below a title and a unit row, say). */
const HEADER_SEARCH_ROWS = 10;

export interface TableRow {
  /** 1-based row number as the user sees it in the file (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

export interface ReadOptions {
  /** Column names the file should have: the header is the first row holding two of them (a title row above it is skipped). */
  knownHeaders?: readonly string[];
  /** The file's header → the column name the importer reads (the user's column mapping); '' drops the column. */
  mapping?: Record<string, string>;
}

const rowsOf = (body: Buffer, contentType: string, stopAfter?: number) =>
  contentType.startsWith(XLSX_MIME) ? xlsxRows(body, stopAfter) : csvRows(body, stopAfter);

/** The header row (below a title, when `known` names are given) and its names by column. */
function sheetHeaders(rows: RawRow[], known: Set<string>) {
  let header = rows[0];
  if (known.size && rows.length) {
    header =
      rows
        .slice(0, HEADER_SEARCH_ROWS)
        .find((r) => r.cells.filter((c) => c !== undefined && known.has(c.trim())).length >= 2) ?? rows[0];
  }
  const headers: string[] = [];
  header?.cells.forEach((cell, col) => {
    const name = cell?.trim();
    if (name && !headers.includes(name)) headers[col] = name;
  });
  return { headerRow: header?.row ?? 1, headers };
}

/** The header names of a file, in column order, for the user to map to the importer's columns. */
export async function parseHeaders(body: Buffer, contentType: string, opts: ReadOptions = {}): Promise<string[]> {
  const rows: RawRow[] = [];
  for await (const r of rowsOf(body, contentType, HEADER_SEARCH_ROWS)) rows.push(r);
  return sheetHeaders(rows, new Set(opts.knownHeaders ?? [])).headers.filter(Boolean);
}

/**
 * Reads the first sheet of an .xlsx file or a CSV (UTF-8, BOM tolerated) into header-keyed rows,
 * as a stream under the limits of size, rows and columns.
 */
export async function parseTable(body: Buffer, contentType: string, opts: ReadOptions = {}): Promise<TableRow[]> {
  const mapped = (h: string) => (opts.mapping && Object.hasOwn(opts.mapping, h) ? opts.mapping[h]! : h);
  const xlsx = contentType.startsWith(XLSX_MIME);
  const head: RawRow[] = [];
  const rows: TableRow[] = [];
  let names: string[] | null = null;
  let headerRow = 0;
  const take = (r: RawRow) => {
    if (r.row <= headerRow) return;
    const values: Record<string, string> = {};
    names!.forEach((h, col) => h && (values[h] = (r.cells[col] ?? '').trim()));
    // A CSV keeps its blank cells as rows of their own; a sheet's empty rows are skipped.
    if (!xlsx || Object.values(values).some(Boolean)) rows.push({ row: r.row, values });
  };
  const settle = () => {
    const found = sheetHeaders(head, new Set(opts.knownHeaders ?? []));
    headerRow = found.headerRow;
    names = found.headers.map((h) => (h ? mapped(h) : h));
    head.forEach(take);
  };
  for await (const r of rowsOf(body, contentType)) {
    if (names) take(r);
    else if (head.push(r) >= HEADER_SEARCH_ROWS) settle();
  }
  if (!names) settle();
  return cleanCells(rows);
}
