// Resident ID numbers (居民身份证号, GB 11643): 6-digit region + YYYYMMDD + 3-digit sequence + check digit.
import { isValidCalendarDate, resolveToday } from './calendar.js';
import { SEPARATOR_PATTERN, toHalfWidth } from './half-width.js';
import { hasProvinceCodePrefix } from './province-code.js';
import type { ParseResult } from './result.js';

/** Why an ID number was rejected; UIs translate `idNumber.<reason>`. */
export const ID_NUMBER_ERRORS = ['empty', 'length', 'characters', 'region', 'birthDate', 'checkDigit'] as const;
export type IdNumberError = (typeof ID_NUMBER_ERRORS)[number];

export type Sex = 'male' | 'female';

export interface ParsedIdNumber {
  /** The canonical 18-character number (legacy 15-digit numbers are converted). */
  readonly idNumber: string;
  /** The 6-digit region code of the issuing county. */
  readonly regionCode: string;
  /** 'YYYY-MM-DD'. */
  readonly birthDate: string;
  readonly sex: Sex;
  /** '0'-'9' or 'X'. */
  readonly checkDigit: string;
  /** True when the input was a legacy 15-digit number. */
  readonly legacy15: boolean;
}

export type IdNumberResult = ParseResult<ParsedIdNumber, IdNumberError>;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
const EARLIEST_BIRTH_DATE = '1890-01-01';

/** Converts full-width characters to ASCII, strips spaces and hyphens, and upper-cases a trailing x. */
export function normalizeIdNumber(raw: string): string {
  return toHalfWidth(raw).replace(SEPARATOR_PATTERN, '').replace(/x/g, 'X');
}

/** Computes the ISO 7064 MOD 11-2 check character for the first 17 digits; throws RangeError on other input. */
export function computeIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('computeIdCheckDigit expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Parses and validates a resident ID number (18-digit or legacy 15-digit); `today` defaults to now in China. */
export function parseIdNumber(raw: string | null | undefined, today?: Date | string): IdNumberResult {
  const id = typeof raw === 'string' ? normalizeIdNumber(raw) : '';
  if (id === '') return fail('empty');
  if (!/^[0-9X]+$/.test(id)) return fail('characters');
  if (id.length !== 18 && id.length !== 15) return fail('length');
  const legacy15 = id.length === 15;
  if (legacy15 ? id.includes('X') : !/^\d{17}[\dX]$/.test(id)) return fail('characters');
  if (!hasProvinceCodePrefix(id)) return fail('region');

  const body17 = legacy15 ? `${id.slice(0, 6)}19${id.slice(6, 15)}` : id.slice(0, 17);
  const birthDate = `${body17.slice(6, 10)}-${body17.slice(10, 12)}-${body17.slice(12, 14)}`;
  const validDate = isValidCalendarDate(
    Number(body17.slice(6, 10)),
    Number(body17.slice(10, 12)),
    Number(body17.slice(12, 14)),
  );
  if (!validDate || birthDate < EARLIEST_BIRTH_DATE || birthDate > resolveToday(today)) return fail('birthDate');

  const checkDigit = computeIdCheckDigit(body17);
  if (!legacy15 && id[17] !== checkDigit) return fail('checkDigit');

  return {
    ok: true,
    value: {
      idNumber: body17 + checkDigit,
      regionCode: body17.slice(0, 6),
      birthDate,
      sex: Number(body17[16]) % 2 === 1 ? 'male' : 'female',
      checkDigit,
      legacy15,
    },
  };
}

/** True when `raw` is a valid resident ID number. */
export function isValidIdNumber(raw: string | null | undefined, today?: Date | string): boolean {
  return parseIdNumber(raw, today).ok;
}

/** Masks an ID number for display, keeping the first 6 and last 4 characters ('510121********1234'). */
export function maskIdNumber(id: string): string {
  const n = normalizeIdNumber(id);
  if (n.length <= 10) return '*'.repeat(n.length);
  return n.slice(0, 6) + '*'.repeat(n.length - 10) + n.slice(-4);
}

export interface MakeIdNumberInput {
  /** 6-digit county code starting with a valid province code. */
  readonly regionCode: string;
  /** 'YYYY-MM-DD', a real date from 1890 on. */
  readonly birthDate: string;
  /** 0-999; its last bit is adjusted so the number's parity matches `sex` (odd = male). */
  readonly sequence: number;
  readonly sex: Sex;
}

/** Builds a valid synthetic 18-digit ID number (demo data); throws RangeError on invalid input. */
export function makeIdNumber(input: MakeIdNumberInput): string {
  const { regionCode, birthDate, sequence, sex } = input;
  if (!/^\d{6}$/.test(regionCode) || !hasProvinceCodePrefix(regionCode)) {
    throw new RangeError(`invalid region code '${regionCode}'`);
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) || birthDate < EARLIEST_BIRTH_DATE) {
    throw new RangeError(`invalid birth date '${birthDate}'`);
  }
  if (!Number.isInteger(sequence) || sequence < 0 || sequence > 999) {
    throw new RangeError(`sequence must be an integer 0-999, got ${sequence}`);
  }
  const wantOdd = sex === 'male';
  const seq = (sequence % 2 === 1) === wantOdd ? sequence : sequence ^ 1;
  const body17 = `${regionCode}${m[1]}${m[2]}${m[3]}${String(seq).padStart(3, '0')}`;
  return body17 + computeIdCheckDigit(body17);
}

function fail(reason: IdNumberError): IdNumberResult {
  return { ok: false, reason };
}
