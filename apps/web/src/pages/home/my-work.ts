import type { Role } from '../../api/types';
import { hasRole } from '../../auth/roles';
import type { NavItem, NavPath } from '../../nav';

/**
 * The pages each role opens first, in the order of its day: the home page puts them under the
 * greeting as large buttons, so a checkpoint's staff on a phone is one tap from 卡口登记 instead of
 * two through the menu. The menu still lists everything the role may open.
 */
export const MY_WORK: Readonly<Record<Role, readonly NavPath[]>> = {
  admin: ['/users', '/regions'],
  securityAdmin: ['/users', '/online-users', '/security-policy'],
  auditAdmin: ['/audit-logs'],
  commander: ['/dashboard', '/daily-reports', '/key-persons', '/checkpoint-log'],
  townshipOfficer: ['/dashboard', '/daily-reports', '/screening', '/leads', '/checkpoints'],
  villageCadre: ['/daily-reports', '/screening', '/key-persons', '/leads', '/checks'],
  gridWorker: ['/my-households', '/checks', '/leads'],
  doctor: ['/checks', '/triage', '/key-persons'],
  checkpointStaff: ['/checkpoint-entry', '/checkpoint-log', '/checkpoints'],
  inspector: ['/dashboard', '/daily-reports', '/leads'],
  viewer: ['/daily-reports', '/register'],
  sentinel: ['/sentinel-sale'],
};

/** The role's first pages among the screens it may open, in MY_WORK's order. */
export function myWork(role: Role, items: readonly NavItem[]): NavItem[] {
  return MY_WORK[role].flatMap((path) => items.filter((item) => item.path === path && hasRole(role, item.roles)));
}
