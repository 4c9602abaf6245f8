import { AlertOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CarOutlined, ClusterOutlined, DashboardOutlined, EnvironmentOutlined, FileSearchOutlined, FileTextOutlined, FormOutlined, HomeOutlined, IdcardOutlined, MedicineBoxOutlined, SettingOutlined, SolutionOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from './api/types';
import { ADMIN_ROLES, ALL_ROLES, AUDIT_ROLES, CHECK_ROLES, DASHBOARD_ROLES, FIELD_ROLES, KEY_PERSON_ROLES, LEAD_ROLES, REGISTER_ROLES, TRIAGE_ROLES } from './auth/roles';
import type { Messages } from './i18n/zh-CN';
import { CHECKPOINT_READERS, CHECKPOINT_REGISTRARS, ENTRY_READERS } from './pages/checkpoints/roles';

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  icon: ReactNode;
  /** Who sees the menu entry and may open the page. */
  roles: readonly Role[];
}

/**
 * The signed-in screens, as the menu lists them; routes.tsx gives each its page. Kept apart from
 * the pages so that a page (the home page's shortcuts) can name the others without a cycle.
 */
export const NAV_ITEMS = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, roles: ALL_ROLES },
  { path: '/my-households', labelKey: 'nav.myHouseholds', icon: <SolutionOutlined />, roles: FIELD_ROLES },
  { path: '/screening', labelKey: 'nav.screening', icon: <FileSearchOutlined />, roles: REGISTER_ROLES },
  { path: '/register', labelKey: 'nav.register', icon: <IdcardOutlined />, roles: REGISTER_ROLES },
  { path: '/risk-areas', labelKey: 'nav.riskAreas', icon: <EnvironmentOutlined />, roles: ALL_ROLES },
  { path: '/regions', labelKey: 'nav.regions', icon: <ClusterOutlined />, roles: ALL_ROLES },
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: <DashboardOutlined />, roles: DASHBOARD_ROLES },
  { path: '/key-persons', labelKey: 'nav.keyPersons', icon: <UserSwitchOutlined />, roles: KEY_PERSON_ROLES },
  { path: '/checks', labelKey: 'nav.checks', icon: <AlertOutlined />, roles: CHECK_ROLES },
  { path: '/leads', labelKey: 'nav.leads', icon: <SolutionOutlined />, roles: LEAD_ROLES },
  { path: '/observation-sites', labelKey: 'nav.sites', icon: <BankOutlined />, roles: KEY_PERSON_ROLES },
  { path: '/triage', labelKey: 'nav.triage', icon: <MedicineBoxOutlined />, roles: TRIAGE_ROLES },
  { path: '/policy', labelKey: 'nav.policy', icon: <SettingOutlined />, roles: KEY_PERSON_ROLES },
  { path: '/daily-reports', labelKey: 'nav.dailyReports', icon: <FileTextOutlined />, roles: ALL_ROLES },
  { path: '/checkpoint-entry', labelKey: 'nav.checkpointEntry', icon: <FormOutlined />, roles: CHECKPOINT_REGISTRARS },
  { path: '/checkpoints', labelKey: 'nav.checkpoints', icon: <CarOutlined />, roles: CHECKPOINT_READERS },
  { path: '/checkpoint-log', labelKey: 'nav.checkpointLog', icon: <BarChartOutlined />, roles: ENTRY_READERS },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ADMIN_ROLES },
  { path: '/audit-logs', labelKey: 'nav.auditLogs', icon: <AuditOutlined />, roles: AUDIT_ROLES },
] as const satisfies readonly NavItem[];

export type NavPath = (typeof NAV_ITEMS)[number]['path'];
