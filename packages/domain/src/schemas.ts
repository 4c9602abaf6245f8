// Shared Zod schemas for server and web. Every issue message is a translation key of messages.ts
// ('required', 'idNumber.checkDigit', …) so that each UI shows it in its own locale.
import { z } from 'zod';
import { isIsoDate } from './calendar.js';
import { parseIdNumber } from './id-number.js';
import { LOCALES } from './locale.js';
import { parsePhone } from './phone.js';
import { parsePlate } from './plate.js';
import { futureDateError } from './recorded-time.js';
import { isRegionCode } from './region-code.js';
import { REGION_LEVELS } from './region-level.js';
import { ROLES } from './roles.js';
import { parseTemperature } from './temperature.js';

/** 'required' when the value is missing, otherwise `fallback`. */
const missingOr = (fallback: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? 'required' : fallback;

const text = () => z.string({ error: missingOr('invalid') });

/** A resident ID number; outputs the canonical 18-character form (15-digit numbers converted). */
export const idNumberSchema = text().transform((raw, ctx) => {
  const result = parseIdNumber(raw);
  if (result.ok) return result.value.idNumber;
  ctx.addIssue({ code: 'custom', message: `idNumber.${result.reason}`, input: raw });
  return z.NEVER;
});

/** A mainland mobile number; outputs the normalized 11 digits. */
export const phoneSchema = text().transform((raw, ctx) => {
  const result = parsePhone(raw);
  if (result.ok) return result.value;
  ctx.addIssue({ code: 'custom', message: `phone.${result.reason}`, input: raw });
  return z.NEVER;
});

/** A vehicle plate; outputs the canonical form without separator ('川A12345'). */
export const plateSchema = text().transform((raw, ctx) => {
  const result = parsePlate(raw);
  if (result.ok) return result.value.plate;
  ctx.addIssue({ code: 'custom', message: `plate.${result.reason}`, input: raw });
  return z.NEVER;
});

/** A body temperature (string or number); outputs °C rounded to one decimal. */
export const temperatureSchema = z
  .union([z.string(), z.number()], { error: missingOr('temperature.format') })
  .transform((raw, ctx) => {
    const result = parseTemperature(raw);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: `temperature.${result.reason}`, input: raw });
    return z.NEVER;
  });

/** Treats '' (an empty query-string value) as absent so that defaults apply. */
const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** Paging of list endpoints: page ≥ 1 (default 1), pageSize 1–200 (default 20); query strings are coerced. */
const pageNumber = (max: number, fallback: number) =>
  z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ error: 'invalidInteger' })
      .int({ error: 'invalidInteger' })
      .min(1, { error: 'tooSmall' })
      .max(max, { error: 'tooBig' })
      .default(fallback),
  );

/** `page` and `pageSize` of a list; lists of regions or grids allow longer pages than lists of people. */
export const pageQuery = ({ defaultSize = 20, maxSize = 200 } = {}) =>
  z.object({ page: pageNumber(Number.MAX_SAFE_INTEGER, 1), pageSize: pageNumber(maxSize, defaultSize) });

export const pageQuerySchema = pageQuery();
export type PageQuery = z.infer<typeof pageQuerySchema>;

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** A UUID (any version, as PostgreSQL accepts), e.g. a record id; never the nil UUID, which names nothing. */
export const uuidSchema = z
  .guid({ error: missingOr('invalidUuid') })
  .refine((id) => id !== NIL_UUID, { error: 'invalidUuid' });

/** A calendar date 'YYYY-MM-DD' that exists (no 2023-02-29). */
export const isoDateSchema = text().refine(isIsoDate, { error: 'invalidDate' });

/** The earliest birth date the register takes (a typo such as 1899 is refused, not stored). */
export const EARLIEST_BIRTH_DATE = '1900-01-01';
/** A birth date: a real date, not before 1900 (not after today is checked against the server's clock). */
export const birthDateSchema = isoDateSchema.refine((d) => d >= EARLIEST_BIRTH_DATE, { error: 'birthDate.tooEarly' });

/** A list of choices where each may appear once. */
export const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((list) => new Set(list as unknown[]).size === list.length, { error: 'duplicateValue' });

/** Whether `date` (YYYY-MM-DD, China) is after the China date of `now` (see `futureDateError`, the rule for dates of facts). */
export const isAfterToday = (date: string, now: Date) => futureDateError(date, now) !== null;

/** A 12-digit (county/township/village) or 15-digit (group) region code. */
export const regionCodeSchema = text().refine(isRegionCode, { error: 'invalidRegionCode' });

export const roleSchema = z.enum(ROLES, { error: missingOr('invalidEnum') });
export const regionLevelSchema = z.enum(REGION_LEVELS, { error: missingOr('invalidEnum') });
export const localeSchema = z.enum(LOCALES, { error: missingOr('invalidEnum') });
export const sexSchema = z.enum(['male', 'female'], { error: missingOr('invalidEnum') });
