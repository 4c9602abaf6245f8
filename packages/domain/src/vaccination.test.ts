import { describe, expect, it } from 'vitest';
import { ageGroupOf, ageOn, doseKindOf } from './vaccination.js';

describe('vaccination age groups and dose kinds', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('2010-03-05', '2022-03-04')).toBe(11);
    expect(ageOn('2010-03-05', '2022-03-05')).toBe(12);
    expect(ageOn('2008-02-29', '2022-02-28')).toBe(13);
  });
  it('puts each age in one group and leaves under-3s out', () => {
    const day = '2022-06-01';
    expect(ageGroupOf('2020-06-02', day)).toBeNull();
    expect(ageGroupOf('2019-06-01', day)).toBe('3-11');
    expect(ageGroupOf('2010-06-02', day)).toBe('3-11');
    expect(ageGroupOf('2010-06-01', day)).toBe('12-17');
    expect(ageGroupOf('2004-06-01', day)).toBe('18-59');
    expect(ageGroupOf('1962-06-02', day)).toBe('18-59');
    expect(ageGroupOf('1962-06-01', day)).toBe('60-79');
    expect(ageGroupOf('1942-06-01', day)).toBe('80+');
    expect(ageGroupOf('1920-01-01', day)).toBe('80+');
  });
  it('knows first, full and booster doses per vaccine', () => {
    expect(doseKindOf('inactivated', 1)).toBe('first');
    expect(doseKindOf('inactivated', 2)).toBe('full');
    expect(doseKindOf('inactivated', 3)).toBe('booster');
    expect(doseKindOf('adenovirus', 1)).toBe('full');
    expect(doseKindOf('recombinantProtein', 2)).toBe('primary');
    expect(doseKindOf('recombinantProtein', 3)).toBe('full');
  });
});
