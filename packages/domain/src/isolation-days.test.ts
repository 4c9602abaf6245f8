import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SLOT_WINDOWS,
  dayNumber,
  measureLength,
  openSlotAt,
  plannedEndOf,
  releaseDue,
  slotState,
  slotWindowOf,
  slotWindowsError,
  slotsClosedBetween,
  slotsOfMeasure,
} from './isolation-days.js';
import { needsTriage } from './key-person.js';
import { addDays, daysBetween, shanghaiDateOf, shanghaiInstant } from './calendar.js';

describe('day arithmetic', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-04-30', 1, '2024-05-01'],
    ['2024-01-01', 0, '2024-01-01'],
  ])('addDays(%s, %i) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it('counts day 1 as the start date across month and year ends', () => {
    expect(dayNumber('2024-01-25', '2024-01-25')).toBe(1);
    expect(dayNumber('2024-01-25', '2024-02-07')).toBe(14);
    expect(dayNumber('2024-02-20', '2024-03-04')).toBe(14); // leap February: 29 days
    expect(dayNumber('2023-02-20', '2023-03-05')).toBe(14);
    expect(dayNumber('2024-12-25', '2025-01-07')).toBe(14);
    expect(dayNumber('2024-01-25', '2024-01-24')).toBe(0);
  });

  it('ends a 14-day measure on day 14, whatever the month', () => {
    expect(plannedEndOf('2024-01-01', 14)).toBe('2024-01-14');
    expect(plannedEndOf('2024-02-20', 14)).toBe('2024-03-04');
    expect(plannedEndOf('2023-02-20', 14)).toBe('2023-03-05');
    expect(plannedEndOf('2024-04-20', 14)).toBe('2024-05-03');
    expect(plannedEndOf('2024-12-25', 14)).toBe('2025-01-07');
    expect(plannedEndOf('2024-05-05', 1)).toBe('2024-05-05');
    expect(measureLength('2024-02-20', '2024-03-04')).toBe(14);
    expect(() => plannedEndOf('2024-01-01', 0)).toThrow(RangeError);
    expect(() => addDays('2023-02-29', 1)).toThrow(RangeError);
    expect(daysBetween('2024-03-04', '2024-02-20')).toBe(-13);
  });
});

describe('Asia/Shanghai date line', () => {
  it('turns the day at 16:00 UTC, not at UTC midnight', () => {
    expect(shanghaiDateOf(new Date('2024-01-31T15:59:59.999Z'))).toBe('2024-01-31');
    expect(shanghaiDateOf(new Date('2024-01-31T16:00:00.000Z'))).toBe('2024-02-01');
    expect(shanghaiDateOf(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(shanghaiDateOf(new Date('2024-02-29T00:30:00Z'))).toBe('2024-02-29');
  });

  it('places a local time on the right instant, also the next midnight', () => {
    expect(shanghaiInstant('2024-03-01', '06:00').toISOString()).toBe('2024-02-29T22:00:00.000Z');
    expect(shanghaiInstant('2024-03-01', '24:00').toISOString()).toBe('2024-03-01T16:00:00.000Z');
    expect(slotWindowOf('2025-01-01', 'am')).toEqual({
      opensAt: new Date('2024-12-31T22:00:00Z'),
      closesAt: new Date('2025-01-01T04:00:00Z'),
    });
  });
});

describe('slots', () => {
  const day = '2024-02-29';
  it('is future before the window, open inside it, closed at its end exactly', () => {
    expect(slotState(day, 'am', new Date('2024-02-28T21:59:59Z'))).toBe('future');
    expect(slotState(day, 'am', new Date('2024-02-28T22:00:00Z'))).toBe('open');
    expect(slotState(day, 'am', new Date('2024-02-29T03:59:59Z'))).toBe('open');
    expect(slotState(day, 'am', new Date('2024-02-29T04:00:00Z'))).toBe('closed');
    expect(slotState(day, 'pm', new Date('2024-02-29T05:00:00Z'))).toBe('future');
    expect(slotState(day, 'pm', new Date('2024-02-29T12:00:00Z'))).toBe('closed');
  });

  it('finds the open slot, none between windows', () => {
    expect(openSlotAt(new Date('2024-02-29T01:00:00Z'))).toEqual({ day, slot: 'am' });
    expect(openSlotAt(new Date('2024-02-29T07:00:00Z'))).toEqual({ day, slot: 'pm' });
    expect(openSlotAt(new Date('2024-02-29T05:00:00Z'))).toBeNull();
    expect(openSlotAt(new Date('2024-02-29T15:00:00Z'))).toBeNull();
  });

  it('lists the slots that closed since the last run, across midnight and month end', () => {
    const closed = slotsClosedBetween(new Date('2024-02-29T11:00:00Z'), new Date('2024-03-01T05:00:00Z'));
    expect(closed.map((s) => `${s.day} ${s.slot}`)).toEqual(['2024-02-29 pm', '2024-03-01 am']);
    expect(slotsClosedBetween(new Date('2024-02-29T04:00:00Z'), new Date('2024-02-29T11:59:59Z'))).toEqual([]);
    expect(slotsClosedBetween(new Date('2024-02-29T03:00:00Z'), new Date('2024-02-29T04:00:00Z'))).toHaveLength(1);
  });

  it('honours configured windows and refuses bad ones', () => {
    const w = { am: { opens: '07:30', closes: '09:00' }, pm: { opens: '17:00', closes: '24:00' } };
    expect(
      slotsClosedBetween(new Date('2024-02-29T00:00:00Z'), new Date('2024-02-29T16:00:00Z'), w).map((s) => s.slot),
    ).toEqual(['am', 'pm']);
    expect(slotWindowsError(w)).toBeNull();
    expect(slotWindowsError(DEFAULT_SLOT_WINDOWS)).toBeNull();
    expect(slotWindowsError({ ...w, am: { opens: '09:00', closes: '08:00' } })).toBe('slotWindow.order');
    expect(slotWindowsError({ ...w, am: { opens: '07:00', closes: '18:00' } })).toBe('slotWindow.overlap');
    expect(slotWindowsError({ ...w, am: { opens: '7:00', closes: '08:00' } })).toBe('slotWindow.format');
  });

  it('has 28 slots in 14 days', () => {
    const all = slotsOfMeasure('2024-02-20', '2024-03-04');
    expect(all).toHaveLength(28);
    expect(all[0]).toEqual({ day: '2024-02-20', slot: 'am' });
    expect(all[27]).toEqual({ day: '2024-03-04', slot: 'pm' });
  });
});

describe('release', () => {
  it("releases after the last day's checks, not before", () => {
    const end = '2024-03-04';
    expect(releaseDue(end, new Date('2024-03-03T13:00:00Z'), 2)).toBe(false); // day 13
    expect(releaseDue(end, new Date('2024-03-04T01:00:00Z'), 1)).toBe(false);
    expect(releaseDue(end, new Date('2024-03-04T07:00:00Z'), 2)).toBe(true);
    expect(releaseDue(end, new Date('2024-03-04T11:59:00Z'), 1)).toBe(false);
    expect(releaseDue(end, new Date('2024-03-04T12:00:00Z'), 1)).toBe(true);
    expect(releaseDue(end, new Date('2024-03-04T16:00:00Z'), 0)).toBe(true); // next day in Shanghai
  });
});

describe('needsTriage', () => {
  it('sends fevers and red-flag symptoms to triage', () => {
    expect(needsTriage(37.3, [])).toBe(true);
    expect(needsTriage(37.2, [])).toBe(false);
    expect(needsTriage(36.5, ['cough'])).toBe(false);
    expect(needsTriage(36.5, ['shortnessOfBreath'])).toBe(true);
  });
});
