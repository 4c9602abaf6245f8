import { ROLES, rolesWith, type Role } from '@fangkong/domain';

// Read from the domain's one list of permissions (packages/domain/src/permissions.ts), which the
// server enforces; these only shape the menus and buttons.

/** Every role, in the order they are offered in selects. */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Roles allowed to manage users and import regions (users.manage). */
export const ADMIN_ROLES = rolesWith('users.manage');
/** Roles that see the user list (users.read). */
export const USER_READERS = rolesWith('users.read');
/** Roles that grant roles (roles.assign): the security administrator. */
export const ROLE_GRANTERS = rolesWith('roles.assign');
/** Roles that see who is online and end sessions (sessions.manage). */
export const SESSION_ROLES = rolesWith('sessions.manage');
/** Roles that set the password policy (securityPolicy.manage). */
export const POLICY_ROLES = rolesWith('securityPolicy.manage');
/** Roles allowed to read the audit log (auditLogs.read): the audit administrator. */
export const AUDIT_ROLES = rolesWith('auditLogs.read');
/** Roles that see the command dashboard. */
export const DASHBOARD_ROLES = rolesWith('dashboard.read');

/** Roles that read the population register and follow screening rounds (persons.read). */
export const REGISTER_ROLES = rolesWith('persons.read');
/** Roles that may see full ID numbers and phones, audited (persons.readFull). */
export const FULL_VIEW_ROLES = rolesWith('persons.readFull');
/** Roles that visit households in the field (screening.visit). */
export const FIELD_ROLES = rolesWith('screening.visit');

/** Roles that see key-person files and line lists (keyPersons.read). */
export const KEY_PERSON_ROLES = rolesWith('keyPersons.read');
/** Roles that manage key-person files: team, trajectory, contacts, services, notices (keyPersons.manage). */
export const KEY_PERSON_MANAGERS = rolesWith('keyPersons.manage');
/** Roles of the township health centre's triage (triage.manage). */
export const TRIAGE_ROLES = rolesWith('triage.manage');
/** Roles that take checks on a round (healthChecks.record). */
export const CHECK_ROLES = rolesWith('healthChecks.record');
/** Roles that see the lead inbox (leads.read). */
export const LEAD_ROLES = rolesWith('leads.read');

export function hasRole(role: Role | undefined, allowed: readonly Role[]): boolean {
  return role !== undefined && allowed.includes(role);
}
/** Roles that remind the villages and townships below of a missing daily report (dailyReports.remind). */
export const REMIND_ROLES = rolesWith('dailyReports.remind');
/** Roles that draw grids and assign households to them (grids.manage). */
export const GRID_MANAGERS = rolesWith('grids.manage');
/** Who names the people of a region's 包保 chain (chains.manage). */
export const CHAIN_MANAGERS = rolesWith('chains.manage');
/** Who sees 调度 tasks of their level and replies to them (dispatches.reply). */
export const DISPATCH_ROLES = rolesWith('dispatches.reply');
/** Who sets up the command structure and hands tasks down (command.manage, dispatches.send). */
export const COMMAND_MANAGERS = rolesWith('command.manage');
/** Roles that see 县级设置 in the menu: those who keep key persons, set the daily-report rules or manage checkpoints. */
export const COUNTY_SETTING_ROLES: readonly Role[] = ROLES.filter((r) =>
  [rolesWith('keyPersons.read'), rolesWith('dailyReports.settings'), rolesWith('checkpoints.manage')].some((roles) =>
    roles.includes(r),
  ),
);

/** Roles that see inspections and the findings addressed to them (inspections.read). */
export const SUPERVISION_ROLES = rolesWith('inspections.read');
