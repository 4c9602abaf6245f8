import { describe, expect, it } from 'vitest';
import {
  isRegionCode,
  isWithinScope,
  parentCodeOf,
  regionCodeOfPathLabel,
  regionLevelOfCode,
  regionPathLabel,
  regionPathOf,
} from './region-code.js';

const COUNTY = '510121000000';
const TOWNSHIP = '510121001000';
const VILLAGE = '510121001001';
const GROUP = '510121001001001';

describe('regionLevelOfCode', () => {
  it('classifies by trailing zeros and length', () => {
    expect(regionLevelOfCode(COUNTY)).toBe('county');
    expect(regionLevelOfCode(TOWNSHIP)).toBe('township');
    expect(regionLevelOfCode(VILLAGE)).toBe('village');
    expect(regionLevelOfCode(GROUP)).toBe('group');
    expect(regionLevelOfCode('110105003000')).toBe('township');
    expect(regionLevelOfCode('510121100200')).toBe('village'); // village code 200 ends in zeros but not 000
    expect(regionLevelOfCode('510121010000')).toBe('township');
    expect(regionLevelOfCode('510121001001010')).toBe('group');
  });

  it.each([
    [''],
    ['510121'], // 6-digit county code alone is not a statistical code
    ['51012100100'], // 11
    ['5101210010011'], // 13
    ['51012100100100'], // 14
    ['5101210010010011'], // 16
    ['51012100100A'],
    ['５１０１２１００１００１'],
    [' 510121001001'],
    ['990121001001'], // no such province
    ['510100000000'], // a prefecture, not a county
    ['510121000001'], // village without a township
    ['510121001001000'], // group digits 000
    ['510121001000001'], // group under a township directly
    ['510121000000001'], // group under a county directly
  ])('rejects %j', (code) => {
    expect(regionLevelOfCode(code)).toBeNull();
    expect(isRegionCode(code)).toBe(false);
  });

  it('isRegionCode accepts every level', () => {
    for (const c of [COUNTY, TOWNSHIP, VILLAGE, GROUP]) expect(isRegionCode(c)).toBe(true);
  });
});

describe('parentCodeOf', () => {
  it('walks up one level at a time', () => {
    expect(parentCodeOf(GROUP)).toBe(VILLAGE);
    expect(parentCodeOf(VILLAGE)).toBe(TOWNSHIP);
    expect(parentCodeOf(TOWNSHIP)).toBe(COUNTY);
    expect(parentCodeOf(COUNTY)).toBeNull();
    expect(parentCodeOf('510121203215')).toBe('510121203000');
  });
  it('is null for invalid codes', () => {
    expect(parentCodeOf('abc')).toBeNull();
    expect(parentCodeOf('510121000001')).toBeNull();
  });
});

describe('regionPathLabel / regionPathOf', () => {
  it('builds ltree labels per level', () => {
    expect(regionPathLabel(COUNTY)).toBe('c510121');
    expect(regionPathLabel(TOWNSHIP)).toBe('t510121001');
    expect(regionPathLabel(VILLAGE)).toBe('v510121001001');
    expect(regionPathLabel(GROUP)).toBe('g510121001001001');
  });

  it('labels only contain ltree-safe characters', () => {
    for (const c of [COUNTY, TOWNSHIP, VILLAGE, GROUP]) expect(regionPathLabel(c)).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it('builds full paths from the county down', () => {
    expect(regionPathOf(COUNTY)).toBe('c510121');
    expect(regionPathOf(TOWNSHIP)).toBe('c510121.t510121001');
    expect(regionPathOf(VILLAGE)).toBe('c510121.t510121001.v510121001001');
    expect(regionPathOf(GROUP)).toBe('c510121.t510121001.v510121001001.g510121001001001');
  });

  it('throws on invalid codes', () => {
    expect(() => regionPathLabel('510121000001')).toThrow(RangeError);
    expect(() => regionPathOf('x')).toThrow(RangeError);
  });

  it('regionCodeOfPathLabel inverts regionPathLabel', () => {
    for (const c of [COUNTY, TOWNSHIP, VILLAGE, GROUP]) expect(regionCodeOfPathLabel(regionPathLabel(c))).toBe(c);
    expect(regionCodeOfPathLabel('t510121001')).toBe('510121001000');
  });

  it.each([
    '',
    'c',
    'x510121',
    'c5101210',
    't510121',
    'v510121001',
    'g510121001001',
    't510121000',
    'C510121',
    'c990121',
  ])('regionCodeOfPathLabel rejects %j', (label) => {
    expect(regionCodeOfPathLabel(label)).toBeNull();
  });
});

describe('isWithinScope', () => {
  it('matches the scope itself and its descendants', () => {
    expect(isWithinScope('c1', 'c1')).toBe(true);
    expect(isWithinScope('c1.t2', 'c1')).toBe(true);
    expect(isWithinScope('c1.t2.v3', 'c1')).toBe(true);
    expect(isWithinScope('c1.t2.v3', 'c1.t2')).toBe(true);
  });

  it('works label-wise, not character-wise', () => {
    expect(isWithinScope('c1.t22', 'c1.t2')).toBe(false);
    expect(isWithinScope('c12', 'c1')).toBe(false);
    expect(isWithinScope('c1.t2', 'c1.t')).toBe(false);
  });

  it('does not match ancestors, siblings, or an empty scope', () => {
    expect(isWithinScope('c1', 'c1.t2')).toBe(false);
    expect(isWithinScope('c1.t3', 'c1.t2')).toBe(false);
    expect(isWithinScope('c1', '')).toBe(false);
    expect(isWithinScope('', '')).toBe(false);
  });

  it('works with real paths', () => {
    const village = regionPathOf(VILLAGE);
    expect(isWithinScope(village, regionPathOf(TOWNSHIP))).toBe(true);
    expect(isWithinScope(village, regionPathOf('510121002000'))).toBe(false);
    expect(isWithinScope(regionPathOf(TOWNSHIP), village)).toBe(false);
  });
});
