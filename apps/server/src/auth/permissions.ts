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
  'checkpoints.read',
  'checkpoints.manage',
  'checkpointEntries.create',
  'checkpointEntries.read',
  'checkpointEntries.export',
  'dailyReports.read',
  'dailyReports.submit',
  'dailyReports.remind',
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
/** Those who run key-person files: see them, open and change them, record checks, work leads. */
const keyPersonOffice: Permission[] = ['keyPersons.read', 'keyPersons.manage', 'healthChecks.record', 'leads.read', 'leads.manage'];

/** Deny by default: a role has exactly the permissions listed here. */
export const rolePermissions: Record<Role, ReadonlySet<Permission>> = {
  // The administrator sets up posts but reads no one's crossings.
  admin: new Set<Permission>([...everyone, ...field, ...keyPersonOffice, 'regions.manage', 'users.read', 'users.manage', 'auditLogs.read', 'riskAreas.manage', 'screening.manageRounds', 'dailyReports.submit', 'dailyReports.remind', 'dashboard.read', 'keyPersons.policy', 'triage.manage', 'checkpoints.read', 'checkpoints.manage']),
  commander: new Set<Permission>([...everyone, ...register, ...keyPersonOffice, 'persons.readFull', 'users.read', 'auditLogs.read', 'riskAreas.manage', 'screening.manageRounds', 'dailyReports.submit', 'dailyReports.remind', 'dashboard.read', 'keyPersons.policy', 'checkpoints.read', 'checkpoints.manage', 'checkpointEntries.read', 'checkpointEntries.export']),
  // The township health centre answers triage tasks; township staff see and close them too.
  townshipOfficer: new Set<Permission>([...everyone, ...field, ...keyPersonOffice, 'users.read', 'screening.manageRounds', 'dailyReports.submit', 'dailyReports.remind', 'dashboard.read', 'triage.manage', 'checkpoints.read', 'checkpoints.manage', 'checkpointEntries.create', 'checkpointEntries.read', 'checkpointEntries.export']),
  villageCadre: new Set<Permission>([...everyone, ...field, ...keyPersonOffice, 'dailyReports.submit', 'checkpoints.read', 'checkpointEntries.create', 'checkpointEntries.read']),
  // Grid workers check on their key persons and see the leads of their village; opening a file is the cadres' call.
  gridWorker: new Set<Permission>([...everyone, ...field, 'keyPersons.read', 'healthChecks.record', 'leads.read']),
  // The village doctor sees whom they treat in full but does not keep the register.
  doctor: new Set<Permission>([...everyone, ...register, 'persons.readFull', 'keyPersons.read', 'healthChecks.record', 'triage.manage']),
  checkpointStaff: new Set<Permission>([...everyone, 'checkpoints.read', 'checkpointEntries.create', 'checkpointEntries.read']),
  // Inspectors spot-check the truth of the files; they change nothing.
  inspector: new Set<Permission>([...everyone, ...register, 'keyPersons.read', 'leads.read', 'dashboard.read', 'checkpoints.read', 'checkpointEntries.read']),
  viewer: new Set<Permission>([...everyone, ...register]),
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role]?.has(permission) ?? false;
}
