// The one Asia/Shanghai date module: calendar dates are plain 'YYYY-MM-DD' strings (no time zones,
// no Date arithmetic surprises), and instants are read and written in China Standard Time, UTC+8 all
// year (China has kept no daylight saving since 1991). Every "today", date, day window and date or
// time shown in a file or on screen goes through here, on the server and in the web app alike.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for Gregorian leap years (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in the given month (1-12) of the given year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when year/month/day name a real Gregorian calendar date. */
export function isValidCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** True when `text` is a real calendar date written as 'YYYY-MM-DD'. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  return isValidCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

function utcMidnight(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`expected 'YYYY-MM-DD', got '${date}'`);
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

/** An instant's UTC+8 wall clock, as an ISO string ('YYYY-MM-DDTHH:mm:ss.sssZ', the Z a lie). */
const shanghaiClock = (instant: Date | string | number) =>
  new Date(new Date(instant).getTime() + SHANGHAI_OFFSET_MS).toISOString();

/** The Shanghai calendar date ('YYYY-MM-DD') of an instant: from 16:00 UTC on, the next day. */
export function shanghaiDateOf(instant: Date | string | number): string {
  return shanghaiClock(instant).slice(0, 10);
}

/** Date and time of an instant in Shanghai, as a file or a screen shows it: 'YYYY-MM-DD HH:mm' (with ':ss' on request). */
export function shanghaiDateTimeOf(instant: Date | string | number, opts: { seconds?: boolean } = {}): string {
  const c = shanghaiClock(instant);
  return `${c.slice(0, 10)} ${c.slice(11, opts.seconds ? 19 : 16)}`;
}

/** The hour (0–23) of an instant in Shanghai. */
export function shanghaiHourOf(instant: Date | string | number): number {
  return Number(shanghaiClock(instant).slice(11, 13));
}

/** The instant of a Shanghai local time ('HH:MM', '24:00' meaning the next midnight) on a date. */
export function shanghaiInstant(date: string, hhmm: string): Date {
  return new Date(
    utcMidnight(date) + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))) * 60_000 - SHANGHAI_OFFSET_MS,
  );
}

/** The date `n` days after (or before, when negative) `date`. */
export function addDays(date: string, n: number): string {
  return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** Resolves an optional "today" (Date or 'YYYY-MM-DD') to a 'YYYY-MM-DD' string, defaulting to now in China. */
export function resolveToday(today?: Date | string): string {
  if (today === undefined) return shanghaiDateOf(new Date());
  if (typeof today === 'string') {
    if (!isIsoDate(today)) throw new RangeError(`today must be 'YYYY-MM-DD', got '${today}'`);
    return today;
  }
  return shanghaiDateOf(today);
}
