import { describe, expect, it } from 'vitest';
import { isMobilePhone, maskPhone, normalizePhone, parsePhone } from './phone.js';

describe('normalizePhone', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+86-138-1234-5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['0086 13812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['86 138 1234 5678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['＋８６　１３８１２３４５６７８', '13812345678'],
    [' 138-1234-5678 ', '13812345678'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePhone(raw)).toBe(expected);
  });

  it('keeps a leading 86 that is not a country prefix', () => {
    expect(normalizePhone('86123456')).toBe('86123456');
    expect(normalizePhone('861234567890')).toBe('861234567890');
  });
});

describe('parsePhone', () => {
  it('accepts mobiles with every valid second digit 3-9', () => {
    for (const d of '3456789') {
      expect(parsePhone(`1${d}812345678`)).toEqual({ ok: true, value: `1${d}812345678` });
    }
  });

  it('accepts +86 / 0086 / 86 prefixes and full-width input', () => {
    expect(parsePhone('+86 138 1234 5678')).toEqual({ ok: true, value: '13812345678' });
    expect(parsePhone('0086-13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(parsePhone('8619912345678')).toEqual({ ok: true, value: '19912345678' });
    expect(parsePhone('１５９ １２３４ ５６７８')).toEqual({ ok: true, value: '15912345678' });
  });

  it('empty', () => {
    expect(parsePhone('')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone('  ')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone('+86')).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone(undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(parsePhone(null)).toEqual({ ok: false, reason: 'empty' });
  });

  it('characters', () => {
    expect(parsePhone('1381234567a')).toEqual({ ok: false, reason: 'characters' });
    expect(parsePhone('138.1234.5678')).toEqual({ ok: false, reason: 'characters' });
    expect(parsePhone('(138)12345678')).toEqual({ ok: false, reason: 'characters' });
    expect(parsePhone('+1 13812345678')).toEqual({ ok: false, reason: 'characters' });
  });

  it('length', () => {
    expect(parsePhone('1381234567')).toEqual({ ok: false, reason: 'length' });
    expect(parsePhone('138123456789')).toEqual({ ok: false, reason: 'length' });
    expect(parsePhone('+86138123456789')).toEqual({ ok: false, reason: 'length' });
  });

  it('prefix: not 1[3-9], which also rejects landlines', () => {
    expect(parsePhone('12812345678')).toEqual({ ok: false, reason: 'prefix' });
    expect(parsePhone('10812345678')).toEqual({ ok: false, reason: 'prefix' });
    expect(parsePhone('23812345678')).toEqual({ ok: false, reason: 'prefix' });
    expect(parsePhone('028-84921234')).toEqual({ ok: false, reason: 'prefix' }); // Chengdu landline, 11 digits
    expect(parsePhone('010-12345678')).toEqual({ ok: false, reason: 'prefix' });
  });

  it('isMobilePhone', () => {
    expect(isMobilePhone('+8613812345678')).toBe(true);
    expect(isMobilePhone('02884921234')).toBe(false);
  });
});

describe('maskPhone', () => {
  it('keeps the first 3 and last 4 digits', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
  });
  it('masks other lengths without leaking short numbers', () => {
    expect(maskPhone('')).toBe('');
    expect(maskPhone('1234567')).toBe('*******');
    expect(maskPhone('02884921234')).toBe('028****1234');
  });
});
