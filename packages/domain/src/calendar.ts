// Calendar helpers on plain 'YYYY-MM-DD' strings (no time zones, no Date arithmetic surprises).

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

const CHINA_UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date ('YYYY-MM-DD') of an instant in China Standard Time (UTC+8, no DST). */
export function chinaDateOf(instant: Date): string {
  return new Date(instant.getTime() + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** Resolves an optional "today" (Date or 'YYYY-MM-DD') to a 'YYYY-MM-DD' string, defaulting to now in China. */
export function resolveToday(today?: Date | string): string {
  if (today === undefined) return chinaDateOf(new Date());
  if (typeof today === 'string') {
    if (!isIsoDate(today)) throw new RangeError(`today must be 'YYYY-MM-DD', got '${today}'`);
    return today;
  }
  return chinaDateOf(today);
}
