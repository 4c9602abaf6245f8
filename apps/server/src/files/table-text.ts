import { normalizeText, textError } from '@fangkong/domain';
import { Problem, type FieldError } from '../http/problem.js';

/**
 * Every cell of an uploaded table through the domain's text layer: normalised to NFC, and a file
 * holding a NUL, control, invisible or direction character (or broken encoding) refused as a whole
 * with each such cell's row and column, before any row is written.
 */
export function cleanCells<T extends { row: number; values: Record<string, string> }>(rows: T[]): T[] {
  const errors: (FieldError & { row: number })[] = [];
  for (const r of rows) {
    for (const [column, value] of Object.entries(r.values)) {
      const error = textError(column) ?? textError(value);
      if (error) errors.push({ row: r.row, field: column, key: `text.${error}` });
      else r.values[column] = normalizeText(value);
    }
  }
  if (errors.length)
    throw new Problem(422, 'import.rejected', errors.slice(0, 100), { rows: new Set(errors.map((e) => e.row)).size });
  return rows;
}
