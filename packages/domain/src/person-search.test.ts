import { describe, expect, it } from 'vitest';
import { classifyPersonSearch } from './person-search.js';
import { makeIdNumber } from './id-number.js';

describe('classifyPersonSearch', () => {
  const id = makeIdNumber({ regionCode: '510121', birthDate: '1980-05-06', sequence: 123, sex: 'male' });
  it('recognises whole ID numbers, also full-width and with a lower-case x', () => {
    expect(classifyPersonSearch(id)).toEqual({ kind: 'idNumber', value: id });
    const wide = [...id].map((c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0)).join('');
    expect(classifyPersonSearch(wide)).toEqual({ kind: 'idNumber', value: id });
  });
  it('converts a legacy 15-digit number to the 18-digit form', () => {
    expect(classifyPersonSearch('510121800506123')).toEqual({
      kind: 'idNumber',
      value: makeIdNumber({ regionCode: '510121', birthDate: '1980-05-06', sequence: 123, sex: 'male' }),
    });
  });
  it('reads phones with +86 and spaces', () => {
    expect(classifyPersonSearch('+86 138 1234 5678')).toEqual({ kind: 'phone', value: '13812345678' });
  });
  it('takes other digit strings as the last digits of an ID number', () => {
    expect(classifyPersonSearch('1234')).toEqual({ kind: 'idSuffix', value: '1234' });
    expect(classifyPersonSearch('123x')).toEqual({ kind: 'idSuffix', value: '123X' });
  });
  it('takes anything else as a name, keeping · and rare characters', () => {
    expect(classifyPersonSearch(' 阿依古丽·买买提 ')).toEqual({ kind: 'name', value: '阿依古丽·买买提' });
    expect(classifyPersonSearch('𠮷田')).toEqual({ kind: 'name', value: '𠮷田' });
  });
});
