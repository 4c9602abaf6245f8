import type { Role } from '@fangkong/domain';

/** What a route may require. `public` needs no login; `authenticated` needs only a login. */
export const PERMISSIONS = [
  'regions.read',
  'regions.manage',
  'grids.read',
  'users.read',
  'users.manage',
  'auditLogs.read',
  'keyPersons.read',
  'keyPersons.manage',
  'keyPersons.policy',
  'healthChecks.record',
  'triage.manage',
  'leads.read',
  'leads.manage',
  'dailyReports.read',
  'dailyReports.submit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

const everyone: Permission[] = ['regions.read', 'grids.read', 'dailyReports.read'];
/** Those who run key-person files: see them, open and change them, record checks, work leads. */
const keyPersonOffice: Permission[] = ['keyPersons.read', 'keyPersons.manage', 'healthChecks.record', 'leads.read', 'leads.manage'];

/** Deny by default: a role has exactly the permissions listed here. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([...everyone, 'regions.manage', 'users.read', 'users.manage', 'auditLogs.read', 'dailyReports.submit', ...keyPersonOffice, 'keyPersons.policy', 'triage.manage']),
  commander: new Set<Permission>([...everyone, 'users.read', 'auditLogs.read', 'dailyReports.submit', ...keyPersonOffice, 'keyPersons.policy']),
  // The township health centre answers triage tasks; township staff see and close them too.
  townshipOfficer: new Set<Permission>([...everyone, 'users.read', 'dailyReports.submit', ...keyPersonOffice, 'triage.manage']),
  villageCadre: new Set<Permission>([...everyone, 'dailyReports.submit', ...keyPersonOffice]),
  // Grid workers check on their key persons and see the leads of their village; opening a file is the cadres' call.
  gridWorker: new Set<Permission>([...everyone, 'keyPersons.read', 'healthChecks.record', 'leads.read']),
  doctor: new Set<Permission>([...everyone, 'keyPersons.read', 'healthChecks.record', 'triage.manage']),
  checkpointStaff: new Set<Permission>(everyone),
  // Inspectors spot-check the truth of the files; they change nothing.
  inspector: new Set<Permission>([...everyone, 'keyPersons.read', 'leads.read']),
  viewer: new Set<Permission>(everyone),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role]?.has(permission) ?? false;
}
