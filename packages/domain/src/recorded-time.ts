// When a field record (visit, check, checkpoint entry) says it happened: a phone's clock may run a
// little fast, and paper records are back-entered (补录) for a while, but no further.
import { shanghaiDateOf } from './calendar.js';

/** How far ahead of the server a phone's clock may run. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** How many days back a paper record may be entered. */
export const BACK_ENTRY_DAYS = 14;

/** The message key when `at` is too far in the future or the past of `now`, else null. */
export function recordedTimeError(at: Date, now: Date): 'time.future' | 'time.tooOld' | null {
  if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) return 'time.future';
  if (at.getTime() < now.getTime() - BACK_ENTRY_DAYS * 86_400_000) return 'time.tooOld';
  return null;
}

/**
 * How many days after today a key-person measure may be set to start: none, a file for a later
 * arrival is opened on the day the person arrives (a start date in the future is a typo).
 */
export const START_DAYS_AHEAD = 0;

/**
 * The message key when the date (YYYY-MM-DD, China) of a fact lies more than `daysAhead` days
 * after today in China by `now` (the server's clock), else null: the one rule for the dates of
 * facts (a measure's start, since when travel counts, a trajectory stop), as `recordedTimeError`
 * is for the instants of field records.
 */
export function futureDateError(date: string, now: Date, daysAhead = 0): 'date.future' | 'date.tooFarAhead' | null {
  if (date <= shanghaiDateOf(new Date(now.getTime() + daysAhead * 86_400_000))) return null;
  return daysAhead > 0 ? 'date.tooFarAhead' : 'date.future';
}
