/**
 * The 2-digit province-level codes of GB/T 2260 that start a region code or a resident ID number:
 * mainland provinces, plus 71 Taiwan, 81 Hong Kong, 82 Macao, 83 (residence permits for HK/Macao/Taiwan
 * residents) and 91 (foreigners' permanent residence ID).
 */
export const PROVINCE_CODES: readonly string[] = Object.freeze([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  '71',
  '81',
  '82',
  '83',
  '91',
]);

const PROVINCE_CODE_SET = new Set(PROVINCE_CODES);

function range(from: number, to: number): string[] {
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(String(n));
  return out;
}

/** True when the first two characters of `code` are a valid province-level code. */
export function hasProvinceCodePrefix(code: string): boolean {
  return PROVINCE_CODE_SET.has(code.slice(0, 2));
}
