import { describe, expect, it } from 'vitest';
import { ID_NUMBER_ERRORS } from './id-number.js';
import { isLocale, LOCALES } from './locale.js';
import { domainMessages, translate } from './messages.js';
import { PHONE_ERRORS } from './phone.js';
import { PLATE_ERRORS } from './plate.js';
import { TEMPERATURE_ERRORS } from './temperature.js';

describe('domainMessages', () => {
  it('has the same keys in every locale', () => {
    const zh = Object.keys(domainMessages['zh-CN']).sort();
    expect(Object.keys(domainMessages['en-US']).sort()).toEqual(zh);
  });

  it('has a message for every parser reason', () => {
    const keys = [
      ...ID_NUMBER_ERRORS.map((r) => `idNumber.${r}`),
      ...PHONE_ERRORS.map((r) => `phone.${r}`),
      ...PLATE_ERRORS.map((r) => `plate.${r}`),
      ...TEMPERATURE_ERRORS.map((r) => `temperature.${r}`),
    ];
    for (const locale of LOCALES) {
      for (const key of keys) expect(domainMessages[locale][key], `${locale} ${key}`).toBeTruthy();
    }
  });

  it('has the general keys', () => {
    const general = [
      'required',
      'tooLong',
      'tooShort',
      'invalid',
      'notFound',
      'conflict',
      'forbidden',
      'unauthorized',
      'invalidCredentials',
      'accountLocked',
      'csrf',
      'internal',
      'invalidUuid',
      'invalidDate',
      'invalidEnum',
    ];
    for (const locale of LOCALES) for (const key of general) expect(domainMessages[locale][key], key).toBeTruthy();
  });

  it('uses Chinese in zh-CN and no Chinese in en-US', () => {
    for (const [key, text] of Object.entries(domainMessages['zh-CN'])) expect(text, key).toMatch(/[\u4e00-\u9fff]/);
    for (const [key, text] of Object.entries(domainMessages['en-US'])) expect(text, key).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('uses the same placeholders in both locales', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(domainMessages['zh-CN'])) {
      expect(placeholders(domainMessages['en-US'][key]!), key).toEqual(placeholders(domainMessages['zh-CN'][key]!));
    }
  });
});

describe('translate', () => {
  it('looks up a key per locale', () => {
    expect(translate('zh-CN', 'idNumber.checkDigit')).toBe('身份证号校验位错误');
    expect(translate('en-US', 'idNumber.checkDigit')).toBe('The check digit of the ID number is wrong');
    expect(translate('zh-CN', 'required')).toBe('此项为必填');
  });

  it('fills {name} placeholders, leaving unknown ones visible', () => {
    expect(translate('zh-CN', 'tooLong', { maximum: 50 })).toBe('不能超过50个字符');
    expect(translate('en-US', 'tooSmall', { minimum: 1 })).toBe('Must be at least 1');
    expect(translate('en-US', 'tooLong')).toBe('Must be at most {maximum} characters');
    expect(translate('en-US', 'tooLong', { other: 1 })).toBe('Must be at most {maximum} characters');
    expect(translate('en-US', 'tooLong', { maximum: null })).toBe('Must be at most {maximum} characters');
  });

  it('does not read inherited properties as params', () => {
    expect(translate('en-US', 'tooLong', {} as Record<string, string>)).toBe('Must be at most {maximum} characters');
    expect(translate('en-US', 'toString')).toBe('toString');
  });

  it('falls back to the default locale, then to the key', () => {
    expect(translate('fr-FR', 'required')).toBe('此项为必填');
    expect(translate('en-US', 'no.such.key')).toBe('no.such.key');
  });

  it('locale helpers', () => {
    expect(isLocale('en-US')).toBe(true);
    expect(isLocale('en')).toBe(false);
  });
});
