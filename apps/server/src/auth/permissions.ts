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
  'persons.read',
  'persons.readFull',
  'persons.manage',
  'riskAreas.read',
  'riskAreas.manage',
  'screening.read',
  'screening.manageRounds',
  'screening.visit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

const everyone: Permission[] = ['regions.read', 'grids.read', 'riskAreas.read', 'dailyReports.read'];
/** Reads the register masked and follows the rounds' progress. */
const register: Permission[] = ['persons.read', 'screening.read'];
/** Works households in the field: keeps the register true and records visits. */
const field: Permission[] = [...register, 'persons.readFull', 'persons.manage', 'screening.visit'];

/** Deny by default: a role has exactly the permissions listed here. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set<Permission>([...everyone, ...field, 'regions.manage', 'users.read', 'users.manage', 'auditLogs.read', 'riskAreas.manage', 'screening.manageRounds', 'dailyReports.submit', 'dashboard.read']),
  commander: new Set<Permission>([...everyone, ...register, 'persons.readFull', 'users.read', 'auditLogs.read', 'riskAreas.manage', 'screening.manageRounds', 'dailyReports.submit', 'dashboard.read']),
  townshipOfficer: new Set<Permission>([...everyone, ...field, 'users.read', 'screening.manageRounds', 'dailyReports.submit', 'dashboard.read']),
  villageCadre: new Set<Permission>([...everyone, ...field, 'dailyReports.submit']),
  gridWorker: new Set<Permission>([...everyone, ...field]),
  // The village doctor sees whom they treat in full but does not keep the register.
  doctor: new Set<Permission>([...everyone, ...register, 'persons.readFull']),
  checkpointStaff: new Set<Permission>(everyone),
  inspector: new Set<Permission>([...everyone, ...register, 'dashboard.read']),
  viewer: new Set<Permission>([...everyone, ...register]),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role]?.has(permission) ?? false;
}
