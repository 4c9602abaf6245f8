// What each role may do: the one list that the server enforces and the web app's menus read.
import { ROLES, type Role } from './roles.js';

/** What a route may require. */
export const PERMISSIONS = [
  'regions.read',
  'regions.manage',
  'grids.read',
  'grids.manage',
  'users.read',
  'users.manage',
  'roles.assign',
  'sessions.manage',
  'securityPolicy.manage',
  'auditLogs.read',
  'auditLogs.export',
  'keyPersons.read',
  'keyPersons.manage',
  'keyPersons.policy',
  'healthChecks.record',
  'triage.manage',
  'leads.read',
  'leads.manage',
  'leads.markMalicious',
  'checkpoints.read',
  'checkpoints.manage',
  'checkpointEntries.create',
  'checkpointEntries.read',
  'checkpointEntries.export',
  'dailyReports.read',
  'dailyReports.submit',
  'dailyReports.remind',
  'dailyReports.settings',
  'countySettings.read',
  'dashboard.read',
  'persons.read',
  'persons.readFull',
  'persons.manage',
  'riskAreas.read',
  'riskAreas.manage',
  'screening.read',
  'screening.manageRounds',
  'screening.visit',
  'dutyShifts.manageOffice',
  'chains.manage',
  'command.manage',
  'dispatches.send',
  'dispatches.reply',
  'volunteers.manage',
  'inspections.read',
  'inspections.record',
  'supervision.manage',
  'findings.rectify',
  'measures.read',
  'measures.manage',
  'measures.record',
  'supplies.read',
  'supplies.record',
  'supplies.manage',
  'sentinels.read',
  'sentinels.manage',
  'sentinelSales.record',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = [
  'regions.read',
  'grids.read',
  'riskAreas.read',
  'dailyReports.read',
  'countySettings.read',
];
/** Reads the register masked and follows the rounds' progress. */
const register: Permission[] = ['persons.read', 'screening.read'];
/** Works households in the field: keeps the register true and records visits. */
const field: Permission[] = [...register, 'persons.readFull', 'persons.manage', 'screening.visit'];
/** Those who run key-person files: see them, open and change them, record checks, work leads. */
/** 社会面管控: venues under orders and their checks, gatherings. Registering venues and issuing orders is for cadres and above; recording what was found is field work too. */
const measuresOffice: Permission[] = ['measures.read', 'measures.manage', 'measures.record'];
/** 物资保障: see stores and stock, record movements; managing adds stores and the county's catalogue. */
const suppliesRecord: Permission[] = ['supplies.read', 'supplies.record'];
const suppliesManage: Permission[] = [...suppliesRecord, 'supplies.manage'];
/** 哨点监测: the sites, their sales and the villages' spikes; registering sites and binding their accounts is for the township and above. */
const sentinelsManage: Permission[] = ['sentinels.read', 'sentinels.manage'];
const keyPersonOffice: Permission[] = [
  'keyPersons.read',
  'keyPersons.manage',
  'healthChecks.record',
  'leads.read',
  'leads.manage',
];

/** Deny by default: a role has exactly the permissions listed here. */
export const rolePermissions: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  // 三员分立: the system administrator keeps accounts, regions and settings and reads no one's personal data.
  admin: new Set<Permission>([
    ...everyone,
    'regions.manage',
    'grids.manage',
    'users.read',
    'users.manage',
    'riskAreas.manage',
    'checkpoints.read',
    'checkpoints.manage',
    'dutyShifts.manageOffice',
    'chains.manage',
    'command.manage',
  ]),
  // The security administrator grants roles, watches and ends sessions and sets the password policy.
  securityAdmin: new Set<Permission>([
    'regions.read',
    'users.read',
    'roles.assign',
    'sessions.manage',
    'securityPolicy.manage',
  ]),
  // The audit administrator reads and exports the audit log, and nothing else reads it.
  auditAdmin: new Set<Permission>(['regions.read', 'auditLogs.read', 'auditLogs.export']),
  commander: new Set<Permission>([
    ...everyone,
    ...register,
    ...keyPersonOffice,
    'persons.readFull',
    'users.read',
    'riskAreas.manage',
    'screening.manageRounds',
    'dailyReports.submit',
    'dailyReports.remind',
    'dashboard.read',
    'leads.markMalicious',
    'keyPersons.policy',
    'dailyReports.settings',
    'checkpoints.read',
    'checkpoints.manage',
    'checkpointEntries.read',
    'checkpointEntries.export',
    'dutyShifts.manageOffice',
    'chains.manage',
    'command.manage',
    'dispatches.send',
    'dispatches.reply',
    'volunteers.manage',
    'inspections.read',
    'supervision.manage',
    ...measuresOffice,
    ...suppliesManage,
    ...sentinelsManage,
  ]),
  // The township health centre answers triage tasks; township staff see and close them too.
  townshipOfficer: new Set<Permission>([
    ...everyone,
    ...field,
    ...keyPersonOffice,
    'grids.manage',
    'users.read',
    'screening.manageRounds',
    'dailyReports.submit',
    'dailyReports.remind',
    'dashboard.read',
    'leads.markMalicious',
    'triage.manage',
    'checkpoints.read',
    'checkpoints.manage',
    'checkpointEntries.create',
    'checkpointEntries.read',
    'checkpointEntries.export',
    'dutyShifts.manageOffice',
    'chains.manage',
    'command.manage',
    'dispatches.send',
    'dispatches.reply',
    'volunteers.manage',
    'inspections.read',
    'findings.rectify',
    ...measuresOffice,
    ...suppliesManage,
    ...sentinelsManage,
  ]),
  villageCadre: new Set<Permission>([
    ...everyone,
    ...field,
    ...keyPersonOffice,
    'grids.manage',
    'dailyReports.submit',
    'checkpoints.read',
    'checkpointEntries.create',
    'checkpointEntries.read',
    'dutyShifts.manageOffice',
    'dispatches.reply',
    'volunteers.manage',
    'inspections.read',
    'findings.rectify',
    ...measuresOffice,
    ...suppliesRecord,
    'sentinels.read',
  ]),
  // Grid workers check on their key persons and see the leads of their village; opening a file is the cadres' call.
  gridWorker: new Set<Permission>([
    ...everyone,
    ...field,
    'keyPersons.read',
    'healthChecks.record',
    'leads.read',
    'measures.read',
    'measures.record',
  ]),
  // The village doctor sees whom they treat in full but does not keep the register.
  doctor: new Set<Permission>([
    ...everyone,
    ...register,
    'persons.readFull',
    'keyPersons.read',
    'healthChecks.record',
    'triage.manage',
    ...suppliesRecord,
  ]),
  checkpointStaff: new Set<Permission>([
    ...everyone,
    'checkpoints.read',
    'checkpointEntries.create',
    'checkpointEntries.read',
    ...suppliesRecord,
  ]),
  // Inspectors spot-check the truth of the files and change none of them; they record inspections and findings and verify rectifications.
  inspector: new Set<Permission>([
    ...everyone,
    ...register,
    'keyPersons.read',
    'leads.read',
    'dashboard.read',
    'checkpoints.read',
    'checkpointEntries.read',
    'inspections.read',
    'inspections.record',
    'supervision.manage',
    'measures.read',
    'supplies.read',
  ]),
  viewer: new Set<Permission>([...everyone, ...register, 'measures.read']),
  // A sentinel pharmacy or clinic records the real-name sales of its own site and sees nothing else of anyone.
  sentinel: new Set<Permission>([...everyone, 'sentinelSales.record']),
};

/** True when the role holds the permission. */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && (rolePermissions[role]?.has(permission) ?? false);
}

/** The roles that hold a permission, in the order of ROLES (for menus and role pickers). */
export function rolesWith(permission: Permission): readonly Role[] {
  return ROLES.filter((role) => can(role, permission));
}
