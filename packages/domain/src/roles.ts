// User roles. Permissions are decided by the server; these are the names and their labels.
import type { Locale } from './locale.js';

export const ROLES = [
  'admin',
  'commander',
  'townshipOfficer',
  'villageCadre',
  'gridWorker',
  'doctor',
  'checkpointStaff',
  'inspector',
  'viewer',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Locale, Readonly<Record<Role, string>>>> = {
  'zh-CN': {
    admin: '系统管理员',
    commander: '指挥部',
    townshipOfficer: '乡镇干部',
    villageCadre: '村干部',
    gridWorker: '网格员',
    doctor: '村医',
    checkpointStaff: '卡口值守人员',
    inspector: '督查人员',
    viewer: '只读用户',
  },
  'en-US': {
    admin: 'System administrator',
    commander: 'Command',
    townshipOfficer: 'Township officer',
    villageCadre: 'Village cadre',
    gridWorker: 'Grid worker',
    doctor: 'Village doctor',
    checkpointStaff: 'Checkpoint staff',
    inspector: 'Inspector',
    viewer: 'Read-only user',
  },
};

/** True when `value` is a role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The display label of a role in the given locale (default zh-CN). */
export function roleLabel(role: Role, locale: Locale = 'zh-CN'): string {
  return ROLE_LABELS[locale][role];
}
