import { DEFAULT_LOCALE, type Locale } from './locale.js';

const WORDS: Record<Locale, { h: string; m: string }> = {
  'zh-CN': { h: '小时', m: '分' },
  'en-US': { h: 'h', m: 'min' },
};

/**
 * A span of whole minutes as a person reads it, the same on every page (a countdown, a lateness):
 * "2 小时 0 分", "45 分" — never "1h59m". The sign is dropped: the caller says 剩余 or 已超时.
 */
export function formatDuration(minutes: number, locale: Locale = DEFAULT_LOCALE): string {
  const total = Math.abs(Math.trunc(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  const w = WORDS[locale];
  return h > 0 ? `${h} ${w.h} ${m} ${w.m}` : `${m} ${w.m}`;
}

/** Whole minutes from `now` to `deadline` (negative once it has passed), as a countdown shows them. */
export function minutesUntil(deadline: Date | string, now: Date): number {
  const ms = new Date(deadline).getTime() - now.getTime();
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}
