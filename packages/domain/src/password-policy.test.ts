import { describe, expect, it } from 'vitest';
import { characterClasses, DEFAULT_PASSWORD_POLICY, passwordExpired, passwordProblems } from './password-policy.js';

const keys = (pw: string, user = 'wangli', common: (p: string) => boolean = () => false) =>
  passwordProblems(pw, user, DEFAULT_PASSWORD_POLICY, common).map((p) => p.key);

describe('password policy', () => {
  it('counts the four character classes', () => {
    expect(characterClasses('abc')).toBe(1);
    expect(characterClasses('abcD1')).toBe(3);
    expect(characterClasses('aB1!')).toBe(4);
    expect(characterClasses('密码Ab')).toBe(3);
  });

  it('accepts eight characters of three classes', () => {
    expect(keys('Quiet-river7')).toEqual([]);
    expect(keys('tide42!x')).toEqual([]);
  });

  it('names every rule a weak password breaks', () => {
    expect(keys('12345678')).toEqual(['password.classes']);
    expect(keys('Ab1!')).toEqual(['password.tooShort']);
    expect(keys('password')).toEqual(['password.classes']);
    expect(keys('Wangli-2024')).toEqual(['password.containsUsername']);
    expect(keys('P@ssw0rd', 'x', (p) => p === 'P@ssw0rd')).toEqual(['password.common']);
    expect(passwordProblems('abc', 'u', DEFAULT_PASSWORD_POLICY)).toContainEqual({
      key: 'password.tooShort',
      params: { minimum: 8 },
    });
  });

  it('follows a stricter deployment policy', () => {
    const strict = { ...DEFAULT_PASSWORD_POLICY, minLength: 12, minClasses: 4 };
    expect(passwordProblems('Quiet-river7', 'x', strict).map((p) => p.key)).toEqual([]);
    expect(passwordProblems('Quiet-river', 'x', strict).map((p) => p.key)).toEqual([
      'password.tooShort',
      'password.classes',
    ]);
  });

  it("expires after the policy's days, never when 0", () => {
    const set = new Date('2026-01-01T00:00:00Z');
    expect(passwordExpired(set, new Date('2026-03-31T23:59:59Z'), DEFAULT_PASSWORD_POLICY)).toBe(false);
    expect(passwordExpired(set, new Date('2026-04-01T00:00:00Z'), DEFAULT_PASSWORD_POLICY)).toBe(true);
    expect(passwordExpired(set, new Date('2036-01-01T00:00:00Z'), { ...DEFAULT_PASSWORD_POLICY, maxAgeDays: 0 })).toBe(
      false,
    );
  });
});
