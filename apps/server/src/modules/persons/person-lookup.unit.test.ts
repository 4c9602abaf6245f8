import { describe, expect, it } from 'vitest';
import { initialsPattern } from './name-initials.js';
import { lookupOf } from './person-lookup.js';

describe('what a typed look-up means', () => {
  it('reads a full ID number, its last digits, pinyin initials and a name apart', () => {
    expect(lookupOf('510121 19800101 0010')).toEqual({ idNumber: '510121198001010010' });
    expect(lookupOf('0010')).toEqual({ idTail: '0010' });
    expect(lookupOf('02002x')).toEqual({ idTail: '02002x' });
    expect(lookupOf('zs')).toEqual({ initials: 'zs' });
    expect(lookupOf('张建')).toEqual({ name: '张建' });
    // Too little to search by, or a wrong 18th character: nothing is searched.
    expect(lookupOf('001')).toBeUndefined();
    expect(lookupOf('z')).toBeUndefined();
    expect(lookupOf('510121198001010011')).toBeUndefined();
  });
});

describe('pinyin initials as a PostgreSQL regular expression (same syntax as JavaScript for classes)', () => {
  const matches = (initials: string, name: string) => new RegExp(initialsPattern(initials)).test(name);
  it('matches a name by the initials of its first characters, in order', () => {
    expect(matches('zjg', '张建国')).toBe(true);
    expect(matches('zj', '张建国')).toBe(true);
    expect(matches('ZJG', '张建国')).toBe(true);
    expect(matches('jg', '张建国')).toBe(false);
    expect(matches('lxy', '李秀英')).toBe(true);
  });
  it('finds a polyphonic surname under each of its readings', () => {
    expect(matches('sx', '单雄')).toBe(true);
    expect(matches('dx', '单雄')).toBe(true);
    expect(matches('zg', '曾国')).toBe(true);
  });
});
