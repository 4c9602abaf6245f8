import { describe, expect, it } from 'vitest';
import { isRole, ROLE_LABELS, ROLES, roleLabel } from './roles.js';

describe('roles', () => {
  it('has a zh-CN and en-US label for every role', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      expect(Object.keys(ROLE_LABELS[locale]).sort()).toEqual([...ROLES].sort());
      for (const r of ROLES) expect(ROLE_LABELS[locale][r].length).toBeGreaterThan(1);
    }
    // Two roles with one word would be told apart by nobody choosing between them.
    for (const locale of ['zh-CN', 'en-US'] as const)
      expect(new Set(Object.values(ROLE_LABELS[locale])).size).toBe(ROLES.length);
  });

  it('roleLabel defaults to zh-CN', () => {
    expect(roleLabel('gridWorker')).toBe('网格员');
    expect(roleLabel('gridWorker', 'en-US')).toBe('Grid worker');
  });

  it('isRole', () => {
    expect(isRole('doctor')).toBe(true);
    expect(isRole('Doctor')).toBe(false);
    expect(isRole('superuser')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
