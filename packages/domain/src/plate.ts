// Vehicle plates (车牌号码) of mainland China (GA 36): ordinary 7-character plates and
// 8-character new-energy plates (新能源). Canonical form: no separator, upper case ('川A12345').
import { toHalfWidth } from './half-width.js';
import type { ParseResult } from './result.js';

export interface PlateProvince {
  /** The one-character abbreviation on the plate, e.g. '川'. */
  readonly abbreviation: string;
  /** The province-level division, e.g. '四川'. */
  readonly name: string;
  /** Its two digits at the head of every region code below it (GB/T 2260), e.g. '51'. */
  readonly code: string;
}

/** The 31 mainland province-level abbreviations, in the order of the usual plate keyboard. */
export const PLATE_PROVINCES: readonly PlateProvince[] = Object.freeze(
  (
    [
      ['京', '北京', '11'],
      ['津', '天津', '12'],
      ['沪', '上海', '31'],
      ['渝', '重庆', '50'],
      ['冀', '河北', '13'],
      ['豫', '河南', '41'],
      ['云', '云南', '53'],
      ['辽', '辽宁', '21'],
      ['黑', '黑龙江', '23'],
      ['湘', '湖南', '43'],
      ['皖', '安徽', '34'],
      ['鲁', '山东', '37'],
      ['新', '新疆', '65'],
      ['苏', '江苏', '32'],
      ['浙', '浙江', '33'],
      ['赣', '江西', '36'],
      ['鄂', '湖北', '42'],
      ['桂', '广西', '45'],
      ['甘', '甘肃', '62'],
      ['晋', '山西', '14'],
      ['蒙', '内蒙古', '15'],
      ['陕', '陕西', '61'],
      ['吉', '吉林', '22'],
      ['闽', '福建', '35'],
      ['贵', '贵州', '52'],
      ['粤', '广东', '44'],
      ['青', '青海', '63'],
      ['藏', '西藏', '54'],
      ['川', '四川', '51'],
      ['宁', '宁夏', '64'],
      ['琼', '海南', '46'],
    ] as const
  ).map(([abbreviation, name, code]) => Object.freeze({ abbreviation, name, code })),
);

/** The plate abbreviation of the province a region code lies in ('510121' → '川'), if mainland. */
export function plateProvinceOfRegion(regionCode: string): string | undefined {
  return PLATE_PROVINCES.find((p) => regionCode.startsWith(p.code))?.abbreviation;
}

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
