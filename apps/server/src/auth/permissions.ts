import type { Role } from '@fangkong/domain';

/** What a route may require. `public` needs no login; `authenticated` needs only a login. */
export const PERMISSIONS = [
  'regions.read',
  'regions.manage',
  'grids.read',
  'users.read',
  'users.manage',
  'auditLogs.read',
  'dailyReports.read',
  'dailyReports.submit',
  'dashboard.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

const everyone: Permission[] = ['regions.read', 'grids.read', 'dailyReports.read'];

/** Deny by default: a role has exactly the permissions listed here. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([...everyone, 'regions.manage', 'users.read', 'users.manage', 'auditLogs.read', 'dailyReports.submit', 'dashboard.read']),
  commander: new Set<Permission>([...everyone, 'users.read', 'auditLogs.read', 'dailyReports.submit', 'dashboard.read']),
  townshipOfficer: new Set<Permission>([...everyone, 'users.read', 'dailyReports.submit', 'dashboard.read']),
  villageCadre: new Set<Permission>([...everyone, 'dailyReports.submit']),
  gridWorker: new Set<Permission>(everyone),
  doctor: new Set<Permission>(everyone),
  checkpointStaff: new Set<Permission>(everyone),
  inspector: new Set<Permission>([...everyone, 'dashboard.read']),
  viewer: new Set<Permission>(everyone),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role]?.has(permission) ?? false;
}
