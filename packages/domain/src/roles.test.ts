import { describe, expect, it } from 'vitest';
import { isRole, ROLE_LABELS, ROLES, roleLabel } from './roles.js';

describe('roles', () => {
  it('lists the nine roles in order', () => {
    expect(ROLES).toEqual([
      'admin',
      'commander',
      'townshipOfficer',
      'villageCadre',
      'gridWorker',
      'doctor',
      'checkpointStaff',
      'inspector',
      'viewer',
    ]);
  });

  it('has a zh-CN and en-US label for every role', () => {
    for (const locale of ['zh-CN', 'en-US'] as const) {
      expect(Object.keys(ROLE_LABELS[locale]).sort()).toEqual([...ROLES].sort());
      for (const r of ROLES) expect(ROLE_LABELS[locale][r].length).toBeGreaterThan(1);
    }
    expect(Object.values(ROLE_LABELS['zh-CN'])).toEqual([
      '系统管理员',
      '指挥部',
      '乡镇干部',
      '村干部',
      '网格员',
      '村医',
      '卡口值守人员',
      '督查人员',
      '只读用户',
    ]);
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
