import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLeapYear,
  isValidCalendarDate,
  resolveToday,
  shanghaiDateOf,
  shanghaiDateTimeOf,
  shanghaiHourOf,
  shanghaiInstant,
} from './calendar.js';

describe('calendar', () => {
  it('isLeapYear follows the Gregorian rules', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
  });

  it('daysInMonth', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
  });

  it('isValidCalendarDate', () => {
    expect(isValidCalendarDate(2024, 2, 29)).toBe(true);
    expect(isValidCalendarDate(2023, 2, 29)).toBe(false);
    expect(isValidCalendarDate(2023, 0, 1)).toBe(false);
    expect(isValidCalendarDate(2023, 13, 1)).toBe(false);
    expect(isValidCalendarDate(2023, 4, 31)).toBe(false);
    expect(isValidCalendarDate(2023, 1, 0)).toBe(false);
    expect(isValidCalendarDate(2023, 1.5, 1)).toBe(false);
  });

  it('isIsoDate', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-2-28')).toBe(false);
    expect(isIsoDate('20230228')).toBe(false);
    expect(isIsoDate('2023-02-28T00:00')).toBe(false);
  });

  it('shanghaiDateOf uses UTC+8', () => {
    expect(shanghaiDateOf(new Date('2025-06-15T15:59:59Z'))).toBe('2025-06-15');
    expect(shanghaiDateOf(new Date('2025-06-15T16:00:00Z'))).toBe('2025-06-16');
  });

  it('resolveToday', () => {
    expect(resolveToday('2025-01-02')).toBe('2025-01-02');
    expect(resolveToday(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01');
    expect(resolveToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => resolveToday('2025-02-30')).toThrow(RangeError);
  });
});

describe('shanghaiDateTimeOf', () => {
  it('shows an instant as Shanghai local date and time, across the date line', () => {
    expect(shanghaiDateTimeOf('2026-12-07T13:22:37.965Z')).toBe('2026-12-07 21:22');
    expect(shanghaiDateTimeOf(new Date('2026-12-07T16:05:00Z'))).toBe('2026-12-08 00:05');
  });
});

describe('Asia/Shanghai dates and instants', () => {
  it('turns the date at 16:00 UTC (Shanghai midnight), not at 00:00 UTC', () => {
    expect(shanghaiDateOf(new Date('2026-12-06T23:59:59.999Z'))).toBe('2026-12-07'); // 07:59 on the 7th
    expect(shanghaiDateOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-12-07'); // 08:00: UTC midnight changes nothing
    expect(shanghaiDateOf(new Date('2026-12-07T15:59:59.999Z'))).toBe('2026-12-07');
    expect(shanghaiDateOf(new Date('2026-12-07T16:00:00Z'))).toBe('2026-12-08');
    expect(shanghaiDateOf('2026-12-31T16:00:00Z')).toBe('2027-01-01');
    expect(shanghaiDateOf(Date.UTC(2024, 1, 28, 16))).toBe('2024-02-29');
  });

  it("keeps UTC+8 all year: no daylight saving, whatever the host's zone does in March and November", () => {
    for (const day of ['2026-01-15', '2026-03-08', '2026-03-29', '2026-07-01', '2026-10-25', '2026-11-01']) {
      expect(shanghaiInstant(day, '00:00').toISOString()).toBe(new Date(`${addDays(day, -1)}T16:00:00Z`).toISOString());
      expect(shanghaiInstant(day, '18:00').getTime() - shanghaiInstant(day, '00:00').getTime()).toBe(18 * 3_600_000);
    }
    expect(shanghaiInstant('2026-12-07', '24:00')).toEqual(shanghaiInstant('2026-12-08', '00:00'));
  });

  it('shows an instant as the wall clock in Shanghai, to the minute or the second, and its hour', () => {
    expect(shanghaiDateTimeOf('2026-12-07T10:00:05Z')).toBe('2026-12-07 18:00');
    expect(shanghaiDateTimeOf(new Date('2026-12-07T10:00:05Z'), { seconds: true })).toBe('2026-12-07 18:00:05');
    expect(shanghaiHourOf(new Date('2026-12-07T16:30:00Z'))).toBe(0);
    expect(shanghaiHourOf(new Date('2026-12-07T15:30:00Z'))).toBe(23);
    expect(shanghaiDateTimeOf(shanghaiInstant('2026-12-07', '18:00'))).toBe('2026-12-07 18:00');
  });

  it('adds and counts days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-03-01', -14)).toBe('2026-02-15');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
    expect(daysBetween('2026-01-01', addDays('2026-01-01', 365))).toBe(365);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
