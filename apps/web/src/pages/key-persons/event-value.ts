import type { TFunction } from 'i18next';

/**
 * A file event's from/to value in words: the server stores codes ('homeIsolation',
 * 'active') and for 建档 "measure start..end"; the person reads 居家隔离医学观察 2026-12-07 至 2026-12-20.
 */
export function eventValue(t: TFunction, kind: string, value: string | null): string {
  if (!value) return '';
  if (kind === 'measureChanged') return t(`keyPersons.measures.${value}`, { defaultValue: value });
  if (kind === 'statusChanged') return t(`keyPersons.statuses.${value}`, { defaultValue: value });
  if (kind === 'categoryChanged') return t(`keyPersons.categories.${value}`, { defaultValue: value });
  if (kind === 'created') {
    const [measure, range] = value.split(' ');
    const [start, end] = (range ?? '').split('..');
    const words = t(`keyPersons.measures.${measure}`, { defaultValue: measure ?? '' });
    return start && end ? `${words} ${t('keyPersons.dateRange', { start, end })}` : words;
  }
  return value;
}
