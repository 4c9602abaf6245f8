import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv';

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

/** Reads the first sheet of an .xlsx file or a CSV (UTF-8, BOM tolerated) into header-keyed rows. */
export async function readTable(body: Buffer, contentType: string): Promise<TableRow[]> {
  if (contentType.startsWith(XLSX_MIME)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => (headers[col] = cellText(cell.value).trim()));
    const rows: TableRow[] = [];
    sheet.eachRow((row, rowNumber) => {
      if (rowNumber === 1) return;
      const values: Record<string, string> = {};
      headers.forEach((h, col) => h && (values[h] = cellText(row.getCell(col).value).trim()));
      if (Object.values(values).some(Boolean)) rows.push({ row: rowNumber, values });
    });
    return rows;
  }
  const records: string[][] = parse(body, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  const [header, ...data] = records;
  if (!header) return [];
  return data.map((cells, i) => ({
    row: i + 2,
    values: Object.fromEntries(header.map((h, col) => [h.trim(), cells[col] ?? ''])),
  }));
}

/** The value of the first column whose header is one of `names`. */
export function pick(values: Record<string, string>, names: readonly string[]): string {
  for (const name of names) if (values[name] !== undefined) return values[name]!;
  return '';
}
