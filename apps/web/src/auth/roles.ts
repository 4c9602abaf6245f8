import { ROLES, type Role } from '@fangkong/domain';

/** Every role, in the order they are offered in selects. */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Roles allowed to manage users and import regions. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** Roles allowed to read the audit log. */
export const AUDIT_ROLES: readonly Role[] = ['admin', 'commander'];
/** Roles that see the command dashboard. */
export const DASHBOARD_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'inspector'];

export function hasRole(role: Role | undefined, allowed: readonly Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
