// Body temperature (体温) in degrees Celsius, as read from a thermometer: one decimal place.
import { toHalfWidth } from './half-width.js';
import type { ParseResult } from './result.js';

/** 发热: a body temperature at or above this value (°C) counts as fever. */
export const FEVER_THRESHOLD_C = 37.3;
/** Lowest plausible body temperature accepted (°C, inclusive). */
export const TEMPERATURE_MIN_C = 34.0;
/** Highest plausible body temperature accepted (°C, inclusive). */
export const TEMPERATURE_MAX_C = 43.0;

/** Why a temperature was rejected; UIs translate `temperature.<reason>`. */
export const TEMPERATURE_ERRORS = ['empty', 'format', 'range'] as const;
export type TemperatureError = (typeof TEMPERATURE_ERRORS)[number];

export type TemperatureResult = ParseResult<number, TemperatureError>;

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$/;

/** Parses a temperature ('36.5', '36,5', '３６．５', '36.5℃' or a number), rounded to one decimal, 34.0–43.0 °C. */
export function parseTemperature(input: string | number | null | undefined): TemperatureResult {
  let text: string;
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return { ok: false, reason: 'format' };
    text = String(input);
    // Exponent notation only appears for values far outside the plausible range.
    if (/e/i.test(text)) return { ok: false, reason: 'range' };
  } else if (typeof input === 'string') {
    text = toHalfWidth(input)
      .trim()
      .replace(/\s*(?:℃|°\s*C|°|C|度)$/i, '')
      .trim()
      .replace(/[,，。]/, '.');
    if (text === '') return { ok: false, reason: 'empty' };
  } else {
    return { ok: false, reason: 'empty' };
  }
  const m = DECIMAL.exec(text);
  if (!m) return { ok: false, reason: 'format' };
  const value = roundToTenths(m[1] === '-', m[2]!, m[3] ?? '');
  if (value < TEMPERATURE_MIN_C || value > TEMPERATURE_MAX_C) return { ok: false, reason: 'range' };
  return { ok: true, value };
}

/** True when the temperature (°C) is a fever: at or above FEVER_THRESHOLD_C (37.3). */
export function isFever(celsius: number): boolean {
  return celsius >= FEVER_THRESHOLD_C;
}

/** Rounds a decimal given as digit strings to one decimal place, half away from zero, without float drift. */
function roundToTenths(negative: boolean, whole: string, fraction: string): number {
  let tenths = Number(whole) * 10 + Number(fraction[0] ?? '0');
  if (Number(fraction[1] ?? '0') >= 5) tenths += 1;
  const value = tenths / 10;
  return negative && value !== 0 ? -value : value;
}
