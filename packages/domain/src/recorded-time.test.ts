import { describe, expect, it } from 'vitest';
import { BACK_ENTRY_DAYS, futureDateError, recordedTimeError } from './recorded-time.js';

// 2026-12-07 23:30 in Asia/Shanghai: a date rule that read UTC would still say the 7th.
const now = new Date('2026-12-07T15:30:00Z');

describe('futureDateError: the dates of facts are not in the future (China dates, server clock)', () => {
  it('takes today and the past, refuses tomorrow and later', () => {
    expect(futureDateError('2026-12-07', now)).toBeNull();
    expect(futureDateError('2020-01-23', now)).toBeNull();
    expect(futureDateError('2026-12-08', now)).toBe('date.future');
    expect(futureDateError('2027-01-06', now)).toBe('date.future');
  });

  it('counts in Asia/Shanghai: half an hour later it is the 8th there, and the 8th is today', () => {
    expect(futureDateError('2026-12-08', new Date('2026-12-07T16:00:00Z'))).toBeNull();
  });

  it('with N days ahead allowed, refuses only what lies further', () => {
    expect(futureDateError('2026-12-10', now, 3)).toBeNull();
    expect(futureDateError('2026-12-11', now, 3)).toBe('date.tooFarAhead');
  });
});

describe('recordedTimeError', () => {
  it('allows a fast phone clock by minutes, not days, and back-entry within the limit', () => {
    expect(recordedTimeError(new Date(now.getTime() + 60_000), now)).toBeNull();
    expect(recordedTimeError(new Date(now.getTime() + 3 * 86_400_000), now)).toBe('time.future');
    expect(recordedTimeError(new Date(now.getTime() - (BACK_ENTRY_DAYS + 1) * 86_400_000), now)).toBe('time.tooOld');
  });
});
