// User roles: the names and their labels. What each may do is in permissions.ts.
import type { Locale } from './locale.js';

export const ROLES = [
  'admin',
  'securityAdmin',
  'auditAdmin',
  'commander',
  'townshipOfficer',
  'villageCadre',
  'gridWorker',
  'doctor',
  'checkpointStaff',
  'inspector',
  'viewer',
  'sentinel',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Locale, Readonly<Record<Role, string>>>> = {
  'zh-CN': {
    admin: '系统管理员',
    securityAdmin: '安全管理员',
    auditAdmin: '审计管理员',
    commander: '指挥部',
    townshipOfficer: '乡镇干部',
    villageCadre: '村干部',
    gridWorker: '网格员',
    doctor: '村医',
    checkpointStaff: '卡口值守人员',
    inspector: '督查人员',
    viewer: '只读用户',
    sentinel: '哨点药店',
  },
  'en-US': {
    admin: 'System administrator',
    securityAdmin: 'Security administrator',
    auditAdmin: 'Audit administrator',
    commander: 'Command',
    townshipOfficer: 'Township officer',
    villageCadre: 'Village cadre',
    gridWorker: 'Grid worker',
    doctor: 'Village doctor',
    checkpointStaff: 'Checkpoint staff',
    inspector: 'Inspector',
    viewer: 'Read-only user',
    sentinel: 'Sentinel pharmacy',
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

/**
 * The three administrators of 等保 separation of duties (三员分立): accounts and settings, security
 * (roles, sessions, password policy), audit. An account holds one role, so never two of these.
 */
export const ADMINISTRATOR_ROLES = ['admin', 'securityAdmin', 'auditAdmin'] as const satisfies readonly Role[];

/** True for the three administrator roles, which no business user holds. */
export function isAdministrator(role: Role): boolean {
  return (ADMINISTRATOR_ROLES as readonly Role[]).includes(role);
}
