import type { Role } from '@fangkong/domain';

/** What a route may require. `public` needs no login; `authenticated` needs only a login. */
export const PERMISSIONS = [
  'regions.read',
  'regions.manage',
  'grids.read',
  'users.read',
  'users.manage',
  'auditLogs.read',
  'checkpoints.read',
  'checkpoints.manage',
  'checkpointEntries.create',
  'checkpointEntries.read',
  'checkpointEntries.export',
  'dailyReports.read',
  'dailyReports.submit',
  'dashboard.read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

const everyone: Permission[] = ['regions.read', 'grids.read', 'dailyReports.read'];

/** Deny by default: a role has exactly the permissions listed here. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  // The administrator sets up posts but reads no one's crossings.
  admin: new Set<Permission>([...everyone, 'regions.manage', 'users.read', 'users.manage', 'auditLogs.read', 'dailyReports.submit', 'dashboard.read', 'checkpoints.read', 'checkpoints.manage']),
  commander: new Set<Permission>([...everyone, 'users.read', 'auditLogs.read', 'dailyReports.submit', 'dashboard.read', 'checkpoints.read', 'checkpoints.manage', 'checkpointEntries.read', 'checkpointEntries.export']),
  townshipOfficer: new Set<Permission>([...everyone, 'users.read', 'dailyReports.submit', 'dashboard.read', 'checkpoints.read', 'checkpoints.manage', 'checkpointEntries.create', 'checkpointEntries.read', 'checkpointEntries.export']),
  // Village cadres staff their village's posts (seed 004: village cadres on every shift).
  villageCadre: new Set<Permission>([...everyone, 'dailyReports.submit', 'checkpoints.read', 'checkpointEntries.create', 'checkpointEntries.read']),
  gridWorker: new Set<Permission>(everyone),
  doctor: new Set<Permission>(everyone),
  checkpointStaff: new Set<Permission>([...everyone, 'checkpoints.read', 'checkpointEntries.create', 'checkpointEntries.read']),
  // Inspectors check that posts are staffed and registering (seed 000), and spot-check entries.
  inspector: new Set<Permission>([...everyone, 'dashboard.read', 'checkpoints.read', 'checkpointEntries.read']),
  viewer: new Set<Permission>(everyone),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role]?.has(permission) ?? false;
}
