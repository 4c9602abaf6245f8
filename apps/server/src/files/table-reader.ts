import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { Problem } from '../http/problem.js';

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

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return String(value.result ?? '');
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if (value instanceof Date) return value.toISOString().slice(0, 10);
  }
  return String(value);
}

export interface ReadOptions {
  /** Column names the file should have: the header is the first row holding two of them (a title row above it is skipped). */
  knownHeaders?: readonly string[];
  /** The file's header → the column name the importer reads (the user's column mapping); '' drops the column. */
  mapping?: Record<string, string>;
}

/** A merged cell's value is its first column's: the others of the merge are not columns of their own. */
const isMergedTail = (cell: ExcelJS.Cell) => cell.isMerged && cell.master.address !== cell.address;

async function loadWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
  } catch {
    // Not an .xlsx (a renamed .xls, .ods or PDF, a broken zip): one clear error, nothing written.
    throw new Problem(415, 'unsupportedMediaType');
  }
  // An .ods or .docx renamed .xlsx is a zip that loads without a worksheet.
  if (!workbook.worksheets[0]) throw new Problem(415, 'unsupportedMediaType');
  return workbook;
}

/** The header row (below a title, when `known` names are given) and its names by column. */
function sheetHeaders(sheet: ExcelJS.Worksheet, known: Set<string>) {
  let headerRow = 1;
  if (known.size) {
    for (let n = 1; n <= Math.min(HEADER_SEARCH_ROWS, sheet.rowCount); n++) {
      let hits = 0;
      sheet.getRow(n).eachCell((cell) => { if (!isMergedTail(cell) && known.has(cellText(cell.value).trim())) hits++; });
      if (hits >= 2) { headerRow = n; break; }
    }
  }
  const headers: string[] = [];
  sheet.getRow(headerRow).eachCell((cell, col) => {
    const name = cellText(cell.value).trim();
    if (name && !isMergedTail(cell) && !headers.includes(name)) headers[col] = name;
  });
  return { headerRow, headers };
}

/** The header names of a file, in column order, for the user to map to the importer's columns. */
export async function readHeaders(body: Buffer, contentType: string, opts: ReadOptions = {}): Promise<string[]> {
  if (contentType.startsWith(XLSX_MIME)) return sheetHeaders((await loadWorkbook(body)).worksheets[0]!, new Set(opts.knownHeaders ?? [])).headers.filter(Boolean);
  const records: string[][] = parse(body, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true, to_line: 1 });
  return (records[0] ?? []).map((h) => h.trim()).filter(Boolean);
}

/** Reads the first sheet of an .xlsx file or a CSV (UTF-8, BOM tolerated) into header-keyed rows. */
export async function readTable(body: Buffer, contentType: string, opts: ReadOptions = {}): Promise<TableRow[]> {
  const mapped = (h: string) => (opts.mapping && Object.hasOwn(opts.mapping, h) ? opts.mapping[h]! : h);
  if (contentType.startsWith(XLSX_MIME)) {
    const sheet = (await loadWorkbook(body)).worksheets[0]!;
    const { headerRow, headers } = sheetHeaders(sheet, new Set(opts.knownHeaders ?? []));
    const names = headers.map((h) => (h ? mapped(h) : h));
    const rows: TableRow[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber <= headerRow) return;
      const values: Record<string, string> = {};
      names.forEach((h, col) => h && (values[h] = cellText(row.getCell(col).value).trim()));
      if (Object.values(values).some(Boolean)) rows.push({ row: rowNumber, values });
    });
    return rows;
  }
  const records: string[][] = parse(body, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  const [header, ...data] = records;
  if (!header) return [];
  return data.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries(header.flatMap((h, col) => (mapped(h.trim()) ? [[mapped(h.trim()), cells[col] ?? '']] : []))),
  }));
}

/** The value of the first column whose header is one of `names`. */
export function pick(values: Record<string, string>, names: readonly string[]): string {
  for (const name of names) if (values[name] !== undefined) return values[name]!;
  return '';
}
