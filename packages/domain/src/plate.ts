// Vehicle plates (车牌号码) of mainland China (GA 36): ordinary 7-character plates and
// 8-character new-energy plates (新能源). Canonical form: no separator, upper case ('川A12345').
import { toHalfWidth } from './half-width.js';
import type { ParseResult } from './result.js';

export interface PlateProvince {
  /** The one-character abbreviation on the plate, e.g. '川'. */
  readonly abbreviation: string;
  /** The province-level division, e.g. '四川'. */
  readonly name: string;
}

/** The 31 mainland province-level abbreviations, in the order of the usual plate keyboard. */
export const PLATE_PROVINCES: readonly PlateProvince[] = Object.freeze(
  (
    [
      ['京', '北京'], ['津', '天津'], ['沪', '上海'], ['渝', '重庆'], ['冀', '河北'], ['豫', '河南'],
      ['云', '云南'], ['辽', '辽宁'], ['黑', '黑龙江'], ['湘', '湖南'], ['皖', '安徽'], ['鲁', '山东'],
      ['新', '新疆'], ['苏', '江苏'], ['浙', '浙江'], ['赣', '江西'], ['鄂', '湖北'], ['桂', '广西'],
      ['甘', '甘肃'], ['晋', '山西'], ['蒙', '内蒙古'], ['陕', '陕西'], ['吉', '吉林'], ['闽', '福建'],
      ['贵', '贵州'], ['粤', '广东'], ['青', '青海'], ['藏', '西藏'], ['川', '四川'], ['宁', '宁夏'],
      ['琼', '海南'],
    ] as const
  ).map(([abbreviation, name]) => Object.freeze({ abbreviation, name })),
);

const PROVINCE_NAMES = new Map(PLATE_PROVINCES.map((p) => [p.abbreviation, p.name]));

/** Why a plate was rejected; UIs translate `plate.<reason>`. */
export const PLATE_ERRORS = ['empty', 'province', 'format'] as const;
export type PlateError = (typeof PLATE_ERRORS)[number];

export interface ParsedPlate {
  /** Canonical form, e.g. '川A12345'. */
  readonly plate: string;
  /** The province abbreviation, e.g. '川'. */
  readonly province: string;
  /** The province name, e.g. '四川'. */
  readonly provinceName?: string;
  readonly newEnergy: boolean;
}

export type PlateResult = ParseResult<ParsedPlate, PlateError>;

// Letters on plates never include I or O (they look like 1 and 0).
const L = 'A-HJ-NP-Z';
const AN = `${L}0-9`;
/** Issuing-authority letter + 5 alphanumerics, or + 4 alphanumerics and 挂/学/警/港/澳 (still 7 characters). */
const ORDINARY = new RegExp(`^[${L}](?:[${AN}]{5}|[${AN}]{4}[挂学警港澳])$`);
/** Small new-energy: D/F, a letter or digit, 4 digits. Large new-energy: 5 digits then D/F. */
const NEW_ENERGY = new RegExp(`^[${L}](?:[DF][${AN}]\\d{4}|\\d{5}[DF])$`);

/** Converts full-width characters, removes spaces and middle dots (·•・), and upper-cases letters. */
export function normalizePlate(raw: string): string {
  return toHalfWidth(raw)
    .replace(/[\s\u00b7\u2022\u2027\u2219\u22c5\u30fb\uff65.]/g, '')
    .toUpperCase();
}

/** Parses a plate number; value.plate is the canonical form without separator. */
export function parsePlate(raw: string | null | undefined): PlateResult {
  const plate = typeof raw === 'string' ? normalizePlate(raw) : '';
  if (plate === '') return { ok: false, reason: 'empty' };
  const province = String.fromCodePoint(plate.codePointAt(0) ?? 0);
  const provinceName = PROVINCE_NAMES.get(province);
  if (provinceName === undefined) return { ok: false, reason: 'province' };
  const rest = plate.slice(province.length);
  const newEnergy = rest.length === 7 && NEW_ENERGY.test(rest);
  if (!newEnergy && !ORDINARY.test(rest)) return { ok: false, reason: 'format' };
  return { ok: true, value: { plate, province, provinceName, newEnergy } };
}

/** True when `raw` is a valid plate number. */
export function isValidPlate(raw: string | null | undefined): boolean {
  return parsePlate(raw).ok;
}

/** Formats a plate for display with a middle dot after the second character ('川A·12345'); invalid input is returned unchanged. */
export function formatPlate(raw: string): string {
  const parsed = parsePlate(raw);
  if (!parsed.ok) return raw;
  const { plate } = parsed.value;
  return `${plate.slice(0, 2)}·${plate.slice(2)}`;
}
