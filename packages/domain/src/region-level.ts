// Levels of administrative division (行政区划) that Fangkong manages, from the top down.
import type { Locale } from './locale.js';

export const REGION_LEVELS = ['county', 'township', 'village', 'group'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Readonly<Record<Locale, Readonly<Record<RegionLevel, string>>>> = {
  'zh-CN': { county: '县', township: '乡镇/街道', village: '村/社区', group: '村民小组/小区' },
  'en-US': { county: 'County', township: 'Township', village: 'Village', group: 'Group' },
};

/** True when `value` is a region level. */
export function isRegionLevel(value: unknown): value is RegionLevel {
  return typeof value === 'string' && (REGION_LEVELS as readonly string[]).includes(value);
}

/** The display label of a region level in the given locale (default zh-CN). */
export function regionLevelLabel(level: RegionLevel, locale: Locale = 'zh-CN'): string {
  return REGION_LEVEL_LABELS[locale][level];
}
