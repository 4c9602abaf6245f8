import { describe, expect, it } from 'vitest';
import { isRegionLevel, REGION_LEVEL_LABELS, REGION_LEVELS, regionLevelLabel } from './region-level.js';

describe('region levels', () => {
  it('are ordered from the top down', () => {
    expect(REGION_LEVELS).toEqual(['county', 'township', 'village', 'group']);
  });
  it('have labels in both locales', () => {
    expect(REGION_LEVEL_LABELS['zh-CN']).toEqual({ county: '县', township: '乡镇/街道', village: '村/社区', group: '村民小组/小区' });
    expect(Object.keys(REGION_LEVEL_LABELS['en-US'])).toEqual([...REGION_LEVELS]);
    expect(regionLevelLabel('village')).toBe('村/社区');
    expect(regionLevelLabel('group', 'en-US')).toBe('Group');
  });
  it('isRegionLevel', () => {
    expect(isRegionLevel('township')).toBe(true);
    expect(isRegionLevel('province')).toBe(false);
    expect(isRegionLevel(3)).toBe(false);
  });
});
