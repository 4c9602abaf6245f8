import { describe, expect, it } from 'vitest';
import { chinaDateOf, daysInMonth, isIsoDate, isLeapYear, isValidCalendarDate, resolveToday } from './calendar.js';

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

  it('chinaDateOf uses UTC+8', () => {
    expect(chinaDateOf(new Date('2025-06-15T15:59:59Z'))).toBe('2025-06-15');
    expect(chinaDateOf(new Date('2025-06-15T16:00:00Z'))).toBe('2025-06-16');
  });

  it('resolveToday', () => {
    expect(resolveToday('2025-01-02')).toBe('2025-01-02');
    expect(resolveToday(new Date('2024-12-31T20:00:00Z'))).toBe('2025-01-01');
    expect(resolveToday()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(() => resolveToday('2025-02-30')).toThrow(RangeError);
  });
});
