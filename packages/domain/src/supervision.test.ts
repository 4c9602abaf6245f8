import { describe, expect, it } from 'vitest';
import {
  defaultChecklist,
  findingActions,
  isFindingOverdue,
  nextFindingStatus,
  PLACE_KINDS,
  seededSample,
} from './supervision.js';

describe('finding life', () => {
  it('moves assigned → rectifying → reported → closed, and sends a report back', () => {
    expect(nextFindingStatus('assigned', 'start')).toBe('rectifying');
    expect(nextFindingStatus('rectifying', 'report')).toBe('reported');
    expect(nextFindingStatus('assigned', 'report')).toBe('reported');
    expect(nextFindingStatus('reported', 'verify')).toBe('closed');
    expect(nextFindingStatus('reported', 'sendBack')).toBe('rectifying');
  });
  it('refuses what the life does not allow', () => {
    expect(nextFindingStatus('assigned', 'verify')).toBeNull();
    expect(nextFindingStatus('closed', 'report')).toBeNull();
    expect(nextFindingStatus('reported', 'start')).toBeNull();
    expect(findingActions('closed')).toEqual([]);
    expect(findingActions('reported')).toEqual(['verify', 'sendBack']);
  });
  it('is overdue from the day after its deadline while the rectification is owed (即知即改 = today)', () => {
    expect(isFindingOverdue({ status: 'assigned', deadline: '2026-12-07' }, '2026-12-07')).toBe(false);
    expect(isFindingOverdue({ status: 'rectifying', deadline: '2026-12-07' }, '2026-12-08')).toBe(true);
    expect(isFindingOverdue({ status: 'reported', deadline: '2026-12-07' }, '2026-12-08')).toBe(false);
    expect(isFindingOverdue({ status: 'closed', deadline: '2026-12-01' }, '2026-12-08')).toBe(false);
    expect(isFindingOverdue({ status: 'assigned', deadline: '2026-12-01', waiting: true }, '2026-12-08')).toBe(false);
  });
  it('draws the same distinct sample from the same seed, within the population', () => {
    const a = seededSample(42, 1000, 10);
    expect(a).toEqual(seededSample(42, 1000, 10));
    expect(a).not.toEqual(seededSample(43, 1000, 10));
    expect(new Set(a).size).toBe(10);
    for (const i of a) expect(i >= 0 && i < 1000).toBe(true);
    expect(seededSample(1, 3, 10).sort()).toEqual([0, 1, 2]);
    expect(seededSample(1, 0, 5)).toEqual([]);
  });
});

describe('default checklists', () => {
  it('words every item of every kind in both locales', () => {
    for (const kind of PLACE_KINDS)
      for (const locale of ['zh-CN', 'en-US'] as const)
        for (const item of defaultChecklist(kind, locale)) expect(item.label).not.toBe(item.key);
    expect(defaultChecklist('checkpoint', 'zh-CN').map((i) => i.label)).toContain('24小时有人值守');
  });
});
