import { ROLES, type Role } from '@fangkong/domain';

/** Every role, in the order they are offered in selects. */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Roles allowed to manage users and import regions. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** Roles allowed to read the audit log. */
export const AUDIT_ROLES: readonly Role[] = ['admin', 'commander'];
/** Roles that see the command dashboard. */
export const DASHBOARD_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'inspector'];

/** Roles that read the population register and follow screening rounds (server: persons.read, screening.read). */
export const REGISTER_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre', 'gridWorker', 'doctor', 'inspector', 'viewer'];
/** Roles that may see full ID numbers and phones, audited (server: persons.readFull). */
export const FULL_VIEW_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre', 'gridWorker', 'doctor'];
/** Roles that visit households in the field (server: screening.visit). */
export const FIELD_ROLES: readonly Role[] = ['admin', 'townshipOfficer', 'villageCadre', 'gridWorker'];

/** Roles that see key-person files and line lists (keyPersons.read on the server). */
export const KEY_PERSON_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre', 'gridWorker', 'doctor', 'inspector'];
/** Roles that manage key-person files: team, trajectory, contacts, services, notices (keyPersons.manage). */
export const KEY_PERSON_MANAGERS: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre'];
/** Roles of the township health centre's triage (triage.manage). */
export const TRIAGE_ROLES: readonly Role[] = ['admin', 'townshipOfficer', 'doctor'];
/** Roles that take checks on a round (healthChecks.record). */
export const CHECK_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre', 'gridWorker', 'doctor'];
/** Roles that see the lead inbox (leads.read). */
export const LEAD_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre', 'gridWorker', 'inspector'];

export function hasRole(role: Role | undefined, allowed: readonly Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
/** Roles that remind the villages and townships below of a missing daily report (dailyReports.remind). */
export const REMIND_ROLES: readonly Role[] = ['admin', 'commander', 'townshipOfficer'];
