import { describe, expect, it } from 'vitest';
import { isRegionLevel, REGION_LEVEL_LABELS, REGION_LEVELS, regionLevelLabel } from './region-level.js';

describe('region levels', () => {
  it('have labels in both locales', () => {
    for (const locale of ['zh-CN', 'en-US'] as const)
      expect(Object.keys(REGION_LEVEL_LABELS[locale]).sort()).toEqual([...REGION_LEVELS].sort());
    expect(regionLevelLabel('village')).toBe('村/社区');
    expect(regionLevelLabel('group', 'en-US')).toBe('Group');
  });
  it('isRegionLevel', () => {
    expect(isRegionLevel('township')).toBe(true);
    expect(isRegionLevel('province')).toBe(false);
    expect(isRegionLevel(3)).toBe(false);
  });
});
