// Statistical division codes (统计用区划代码): 6-digit county (GB/T 2260) + 3 township + 3 village = 12
// digits; Fangkong adds 3 digits for a group (村民小组/小区) = 15 digits. Regions are stored in a
// PostgreSQL ltree whose labels are built here: 'c510121.t510121001.v510121001001.g510121001001001'.
import { hasProvinceCodePrefix } from './province-code.js';
import type { RegionLevel } from './region-level.js';

const LEVEL_PREFIX: Readonly<Record<RegionLevel, string>> = { county: 'c', township: 't', village: 'v', group: 'g' };
const PREFIX_LEVEL: Readonly<Record<string, RegionLevel>> = { c: 'county', t: 'township', v: 'village', g: 'group' };
const LEVEL_DIGITS: Readonly<Record<RegionLevel, number>> = { county: 6, township: 9, village: 12, group: 15 };

/** The level of a 12-digit (county/township/village) or 15-digit (group) region code, or null if invalid. */
export function regionLevelOfCode(code: string): RegionLevel | null {
  if (!/^\d{12}(?:\d{3})?$/.test(code) || !hasProvinceCodePrefix(code)) return null;
  // County-level codes never end in 00 (that would be the prefecture itself).
  if (code.slice(4, 6) === '00') return null;
  const township = code.slice(6, 9);
  const village = code.slice(9, 12);
  if (code.length === 15) {
    return township !== '000' && village !== '000' && code.slice(12) !== '000' ? 'group' : null;
  }
  if (township === '000') return village === '000' ? 'county' : null;
  return village === '000' ? 'township' : 'village';
}

/** True when `code` is a valid 12-digit or 15-digit region code. */
export function isRegionCode(code: string): boolean {
  return regionLevelOfCode(code) !== null;
}

/** The code of the parent region (group→village→township→county), or null for a county or an invalid code. */
export function parentCodeOf(code: string): string | null {
  switch (regionLevelOfCode(code)) {
    case 'group':
      return code.slice(0, 12);
    case 'village':
      return `${code.slice(0, 9)}000`;
    case 'township':
      return `${code.slice(0, 6)}000000`;
    default:
      return null;
  }
}

/** The ltree label of one region ('c510121', 't510121001', 'v510121001001', 'g510121001001001'); throws RangeError if invalid. */
export function regionPathLabel(code: string): string {
  const level = requireLevel(code);
  return LEVEL_PREFIX[level] + code.slice(0, LEVEL_DIGITS[level]);
}

/** The full ltree path from the county down to this region, e.g. 'c510121.t510121001'; throws RangeError if invalid. */
export function regionPathOf(code: string): string {
  requireLevel(code);
  const labels: string[] = [];
  for (let c: string | null = code; c !== null; c = parentCodeOf(c)) labels.unshift(regionPathLabel(c));
  return labels.join('.');
}

/** The region code of an ltree label ('t510121001' → '510121001000'), or null if the label is not a region label. */
export function regionCodeOfPathLabel(label: string): string | null {
  const m = /^([ctvg])(\d+)$/.exec(label);
  if (!m) return null;
  const level = PREFIX_LEVEL[m[1]!]!;
  const digits = m[2]!;
  if (digits.length !== LEVEL_DIGITS[level]) return null;
  const code = level === 'group' ? digits : digits.padEnd(12, '0');
  return regionLevelOfCode(code) === level ? code : null;
}

/** True when an ltree `path` equals `scopePath` or lies below it (label-wise, so 'c1.t22' is not within 'c1.t2'). */
export function isWithinScope(path: string, scopePath: string): boolean {
  if (scopePath === '') return false;
  return path === scopePath || path.startsWith(`${scopePath}.`);
}

function requireLevel(code: string): RegionLevel {
  const level = regionLevelOfCode(code);
  if (level === null) throw new RangeError(`invalid region code '${code}'`);
  return level;
}
