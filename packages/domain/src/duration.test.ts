import { describe, expect, it } from 'vitest';
import { formatDuration, minutesUntil } from './duration.js';

describe('formatDuration', () => {
  it('writes hours and minutes in Chinese words, never 1h59m', () => {
    expect(formatDuration(119)).toBe('1 小时 59 分');
    expect(formatDuration(120)).toBe('2 小时 0 分');
    expect(formatDuration(45)).toBe('45 分');
    expect(formatDuration(0)).toBe('0 分');
  });
  it('drops the sign (the caller says 剩余 or 已超时) and speaks English when asked', () => {
    expect(formatDuration(-200)).toBe('3 小时 20 分');
    expect(formatDuration(125, 'en-US')).toBe('2 h 5 min');
  });
});

describe('minutesUntil', () => {
  const now = new Date('2026-12-07T10:00:00Z');
  it('counts whole minutes left, and whole minutes over once past', () => {
    expect(minutesUntil('2026-12-07T11:59:30Z', now)).toBe(119);
    expect(minutesUntil('2026-12-07T09:58:30Z', now)).toBe(-2);
    expect(minutesUntil(new Date('2026-12-07T10:00:00Z'), now)).toBe(0);
  });
});
