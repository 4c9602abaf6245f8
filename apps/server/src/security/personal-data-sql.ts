// Look-ups over encrypted ID numbers and phones, as drizzle conditions: compare keyed hashes,
// never the stored values (they differ at every write).
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { blindIndexes, tailIndexes, type PersonalKind } from './personal-data-crypto.js';

/** `column` (a `*_bidx` column) is the blind index of `value`. */
export const blindMatch = (column: AnyPgColumn, kind: PersonalKind, value: string): SQL =>
  inArray(column, blindIndexes(kind, value));

/** Blind indexes of several values (one per loaded key each), for `= ANY(…)` in raw SQL. */
export const blindIndexList = (kind: PersonalKind, values: string[]): string[] =>
  values.flatMap((v) => blindIndexes(kind, v));

/** The same as a PostgreSQL array literal, for `= ANY(${…}::text[])` in raw SQL (drizzle would spread a JS array). */
export const blindIndexArray = (kind: PersonalKind, values: string[]): string =>
  `{${blindIndexList(kind, values).join(',')}}`;

const DIGITS = '0123456789';

/**
 * An ID number ending in `suffix` (3 to 17 characters, e.g. what a resident reads out), through
 * the keyed indexes of the last 4 and last 6: 3 or 5 characters try the 10 possible characters
 * before them; more than 6 are matched on their last 6 (an ID number's last 6 are nearly unique
 * within a county; the masked number in the answer shows the rest).
 */
export function idTailMatch(cols: { idNumberT4: AnyPgColumn; idNumberT6: AnyPgColumn }, suffix: string): SQL {
  const s = suffix.trim().toUpperCase();
  if (s.length < 3) return sql`false`;
  if (s.length === 3)
    return inArray(
      cols.idNumberT4,
      [...DIGITS].flatMap((d) => tailIndexes(d + s)),
    );
  if (s.length === 4) return inArray(cols.idNumberT4, tailIndexes(s));
  if (s.length === 5)
    return inArray(
      cols.idNumberT6,
      [...DIGITS].flatMap((d) => tailIndexes(d + s)),
    );
  return inArray(cols.idNumberT6, tailIndexes(s.slice(-6)));
}
