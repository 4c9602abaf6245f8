// Day counting and check slots of a key person's measure (隔离天数, 一天两测). Days are calendar
// dates in Asia/Shanghai (UTC+8, no daylight saving); day 1 is the start date.
import { addDays, daysBetween, shanghaiDateOf, shanghaiInstant } from './calendar.js';

export const SLOTS = ['am', 'pm'] as const;
export type Slot = (typeof SLOTS)[number];

/** A slot's window in Shanghai local time, 'HH:MM' to 'HH:MM' (closes is exclusive). */
export interface SlotWindow {
  opens: string;
  closes: string;
}
export type SlotWindows = Readonly<Record<Slot, SlotWindow>>;

/** 一天两测: morning check 06:00–12:00, afternoon check 14:00–20:00 (county-configurable). */
export const DEFAULT_SLOT_WINDOWS: SlotWindows = {
  am: { opens: '06:00', closes: '12:00' },
  pm: { opens: '14:00', closes: '20:00' },
};

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Day number of `date` in a measure that started on `start`: the start date is day 1. */
export function dayNumber(start: string, date: string): number {
  return daysBetween(start, date) + 1;
}

/** The last day of a measure of `days` days starting on `start` (14 days from the 1st end on the 14th). */
export function plannedEndOf(start: string, days: number): string {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  return addDays(start, days - 1);
}

/** Length in days of a measure from `start` to `end`, both included. */
export function measureLength(start: string, end: string): number {
  return daysBetween(start, end) + 1;
}

/** Why a set of windows is unusable, or null when the windows are fine. */
export function slotWindowsError(w: SlotWindows): string | null {
  for (const slot of SLOTS) {
    if (!HHMM.test(w[slot].opens) || !HHMM.test(w[slot].closes)) return 'slotWindow.format';
    if (minutesOf(w[slot].opens) >= minutesOf(w[slot].closes)) return 'slotWindow.order';
  }
  return minutesOf(w.am.closes) <= minutesOf(w.pm.opens) ? null : 'slotWindow.overlap';
}

/** When a slot on a date opens and closes. */
export function slotWindowOf(date: string, slot: Slot, windows: SlotWindows = DEFAULT_SLOT_WINDOWS) {
  return { opensAt: shanghaiInstant(date, windows[slot].opens), closesAt: shanghaiInstant(date, windows[slot].closes) };
}

export type SlotState = 'future' | 'open' | 'closed';

/** Whether a slot is still to come, open now, or past its window's end (then a missing check is overdue). */
export function slotState(date: string, slot: Slot, now: Date, windows: SlotWindows = DEFAULT_SLOT_WINDOWS): SlotState {
  const { opensAt, closesAt } = slotWindowOf(date, slot, windows);
  if (now < opensAt) return 'future';
  return now < closesAt ? 'open' : 'closed';
}

export interface SlotRef {
  day: string;
  slot: Slot;
}

/** The slot whose window holds `now`, or null between windows. */
export function openSlotAt(now: Date, windows: SlotWindows = DEFAULT_SLOT_WINDOWS): SlotRef | null {
  const day = shanghaiDateOf(now);
  for (const slot of SLOTS) if (slotState(day, slot, now, windows) === 'open') return { day, slot };
  return null;
}

/** Slots whose window closed in (`after`, `now`], oldest first: what a scheduler run must mark overdue. */
export function slotsClosedBetween(
  after: Date,
  now: Date,
  windows: SlotWindows = DEFAULT_SLOT_WINDOWS,
): (SlotRef & { opensAt: Date; closesAt: Date })[] {
  const out: (SlotRef & { opensAt: Date; closesAt: Date })[] = [];
  for (let day = shanghaiDateOf(after); daysBetween(day, shanghaiDateOf(now)) >= 0; day = addDays(day, 1)) {
    for (const slot of SLOTS) {
      const { opensAt, closesAt } = slotWindowOf(day, slot, windows);
      if (closesAt > after && closesAt <= now) out.push({ day, slot, opensAt, closesAt });
    }
  }
  return out;
}

/** Every slot of a measure, day 1 am to the last day pm. */
export function slotsOfMeasure(start: string, end: string): SlotRef[] {
  const out: SlotRef[] = [];
  for (let day = start; daysBetween(day, end) >= 0; day = addDays(day, 1))
    for (const slot of SLOTS) out.push({ day, slot });
  return out;
}

/**
 * Whether a person may be released at `now`: after the last day's checks, i.e. once both slots
 * of the planned end date are recorded, or the last slot's window has closed, or any later day.
 */
export function releaseDue(
  plannedEnd: string,
  now: Date,
  lastDaySlotsDone: number,
  windows: SlotWindows = DEFAULT_SLOT_WINDOWS,
): boolean {
  const today = shanghaiDateOf(now);
  const d = daysBetween(plannedEnd, today);
  if (d > 0) return true;
  if (d < 0) return false;
  return lastDaySlotsDone >= SLOTS.length || slotState(plannedEnd, 'pm', now, windows) === 'closed';
}
