import { describe, expect, it } from 'vitest';
import { isFever, parseTemperature } from './temperature.js';

const ok = (value: number) => ({ ok: true, value });
const no = (reason: string) => ({ ok: false, reason });

describe('parseTemperature', () => {
  it.each([
    ['36.5', 36.5],
    ['36,5', 36.5],
    ['36，5', 36.5],
    ['36。5', 36.5],
    ['３６．５', 36.5],
    ['３６，５', 36.5],
    [' 36.5 ', 36.5],
    ['36.5℃', 36.5],
    ['36.5 °C', 36.5],
    ['36.5°', 36.5],
    ['36.5c', 36.5],
    ['36.5度', 36.5],
    ['37', 37],
    ['37.', 37],
    ['+37.0', 37],
    ['037.3', 37.3],
  ])('%j → %d', (input, value) => {
    expect(parseTemperature(input)).toEqual(ok(value));
  });

  it('accepts numbers', () => {
    expect(parseTemperature(36.5)).toEqual(ok(36.5));
    expect(parseTemperature(37)).toEqual(ok(37));
    expect(parseTemperature(37.3)).toEqual(ok(37.3));
  });

  it('rounds to one decimal, half up, without float drift', () => {
    expect(parseTemperature('36.45')).toEqual(ok(36.5));
    expect(parseTemperature('36.44')).toEqual(ok(36.4));
    expect(parseTemperature('37.25')).toEqual(ok(37.3));
    expect(parseTemperature(36.45)).toEqual(ok(36.5));
    expect(parseTemperature(37.25)).toEqual(ok(37.3));
    expect(parseTemperature('36.96')).toEqual(ok(37));
    expect(parseTemperature(0.1 + 36.2)).toEqual(ok(36.3));
  });

  it('range boundaries are inclusive: 34.0 and 43.0 pass, 33.9 and 43.1 fail', () => {
    expect(parseTemperature('34.0')).toEqual(ok(34));
    expect(parseTemperature('43.0')).toEqual(ok(43));
    expect(parseTemperature(34)).toEqual(ok(34));
    expect(parseTemperature(43)).toEqual(ok(43));
    expect(parseTemperature('33.9')).toEqual(no('range'));
    expect(parseTemperature('43.1')).toEqual(no('range'));
    expect(parseTemperature(33.9)).toEqual(no('range'));
    expect(parseTemperature(43.1)).toEqual(no('range'));
  });

  it('range: implausible values', () => {
    expect(parseTemperature('0')).toEqual(no('range'));
    expect(parseTemperature('-36.5')).toEqual(no('range'));
    expect(parseTemperature('365')).toEqual(no('range')); // forgotten decimal point
    expect(parseTemperature('98.6')).toEqual(no('range')); // Fahrenheit
    expect(parseTemperature(1e25)).toEqual(no('range'));
    expect(parseTemperature(1e-9)).toEqual(no('range'));
  });

  it('format', () => {
    for (const bad of ['abc', '36.5.1', '36,5,1', '.5', '36 5', '三十六', '36.5F', '0x24', '3e1']) {
      expect(parseTemperature(bad), bad).toEqual(no('format'));
    }
    expect(parseTemperature(Number.NaN)).toEqual(no('format'));
    expect(parseTemperature(Number.POSITIVE_INFINITY)).toEqual(no('format'));
  });

  it('empty', () => {
    expect(parseTemperature('')).toEqual(no('empty'));
    expect(parseTemperature('   ')).toEqual(no('empty'));
    expect(parseTemperature('℃')).toEqual(no('empty'));
    expect(parseTemperature(undefined)).toEqual(no('empty'));
    expect(parseTemperature(null)).toEqual(no('empty'));
  });
});

describe('isFever', () => {
  it('is true at and above 37.3 °C', () => {
    expect(isFever(37.2)).toBe(false);
    expect(isFever(37.3)).toBe(true);
    expect(isFever(37.4)).toBe(true);
    expect(isFever(36.5)).toBe(false);
    expect(isFever(39)).toBe(true);
  });
  it('agrees with parsed values', () => {
    const t = parseTemperature('37,3');
    expect(t.ok && isFever(t.value)).toBe(true);
    const u = parseTemperature('37.25'); // rounds to 37.3
    expect(u.ok && isFever(u.value)).toBe(true);
    const v = parseTemperature('37.24');
    expect(v.ok && isFever(v.value)).toBe(false);
  });
});
