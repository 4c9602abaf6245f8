import { rolesWith } from '@fangkong/domain';
import type { Role } from './api/types';
import {
  ADMIN_ROLES,
  ALL_ROLES,
  AUDIT_ROLES,
  CHECK_ROLES,
  COUNTY_SETTING_ROLES,
  DASHBOARD_ROLES,
  DISPATCH_ROLES,
  FIELD_ROLES,
  GRID_MANAGERS,
  KEY_PERSON_ROLES,
  LEAD_ROLES,
  POLICY_ROLES,
  REGISTER_ROLES,
  ROLE_GRANTERS,
  SESSION_ROLES,
  SUPERVISION_ROLES,
  TRIAGE_ROLES,
} from './auth/roles';
import type { Messages } from './i18n/zh-CN';
import { CHECKPOINT_READERS, CHECKPOINT_REGISTRARS, ENTRY_READERS } from './pages/checkpoints/roles';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  /** Who sees the menu entry and may open the page. */
  roles: readonly Role[];
}

/**
 * The signed-in screens, as the menu lists them; routes.tsx gives each its page. Kept apart from
 * the pages so that a page (the home page's shortcuts) can name the others without a cycle.
 */
export const NAV_ITEMS = [
  { path: '/', labelKey: 'nav.home', roles: ALL_ROLES },
  { path: '/my-households', labelKey: 'nav.myHouseholds', roles: FIELD_ROLES },
  { path: '/screening', labelKey: 'nav.screening', roles: REGISTER_ROLES },
  { path: '/register', labelKey: 'nav.register', roles: REGISTER_ROLES },
  { path: '/risk-areas', labelKey: 'nav.riskAreas', roles: rolesWith('riskAreas.read') },
  { path: '/regions', labelKey: 'nav.regions', roles: rolesWith('regions.read') },
  { path: '/grids', labelKey: 'nav.grids', roles: GRID_MANAGERS },
  { path: '/dashboard', labelKey: 'nav.dashboard', roles: DASHBOARD_ROLES },
  { path: '/key-persons', labelKey: 'nav.keyPersons', roles: KEY_PERSON_ROLES },
  { path: '/checks', labelKey: 'nav.checks', roles: CHECK_ROLES },
  { path: '/leads', labelKey: 'nav.leads', roles: LEAD_ROLES },
  { path: '/observation-sites', labelKey: 'nav.sites', roles: KEY_PERSON_ROLES },
  { path: '/triage', labelKey: 'nav.triage', roles: TRIAGE_ROLES },
  { path: '/county-settings', labelKey: 'nav.countySettings', roles: COUNTY_SETTING_ROLES },
  { path: '/daily-reports', labelKey: 'nav.dailyReports', roles: rolesWith('dailyReports.read') },
  { path: '/checkpoint-entry', labelKey: 'nav.checkpointEntry', roles: CHECKPOINT_REGISTRARS },
  { path: '/checkpoints', labelKey: 'nav.checkpoints', roles: CHECKPOINT_READERS },
  { path: '/checkpoint-log', labelKey: 'nav.checkpointLog', roles: ENTRY_READERS },
  { path: '/users', labelKey: 'nav.users', roles: [...ADMIN_ROLES, ...ROLE_GRANTERS] },
  { path: '/audit-logs', labelKey: 'nav.auditLogs', roles: AUDIT_ROLES },
  { path: '/online-users', labelKey: 'nav.onlineUsers', roles: SESSION_ROLES },
  { path: '/security-policy', labelKey: 'nav.securityPolicy', roles: POLICY_ROLES },
  { path: '/account', labelKey: 'nav.account', roles: ALL_ROLES },
  { path: '/command', labelKey: 'nav.command', roles: DISPATCH_ROLES },
  { path: '/supervision', labelKey: 'nav.supervision', roles: SUPERVISION_ROLES },
  { path: '/venues', labelKey: 'nav.venues', roles: rolesWith('measures.read') },
  { path: '/gatherings', labelKey: 'nav.gatherings', roles: rolesWith('measures.read') },
  { path: '/community-logs', labelKey: 'nav.communityLogs', roles: rolesWith('measures.read') },
  { path: '/supplies', labelKey: 'nav.supplies', roles: rolesWith('supplies.read') },
  { path: '/vaccinations', labelKey: 'nav.vaccinations', roles: rolesWith('persons.read') },
  { path: '/sentinels', labelKey: 'nav.sentinels', roles: rolesWith('sentinels.read') },
  { path: '/sentinel-sale', labelKey: 'nav.sentinelSale', roles: rolesWith('sentinelSales.record') },
  { path: '/incidents', labelKey: 'nav.incidents', roles: KEY_PERSON_ROLES },
] as const satisfies readonly NavItem[];

export type NavPath = (typeof NAV_ITEMS)[number]['path'];
