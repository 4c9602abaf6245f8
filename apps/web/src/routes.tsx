import { AlertOutlined, BankOutlined, AuditOutlined, ClusterOutlined, FileTextOutlined, HomeOutlined, SolutionOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from './api/types';
import { ADMIN_ROLES, ALL_ROLES, AUDIT_ROLES, CHECK_ROLES, KEY_PERSON_ROLES, LEAD_ROLES } from './auth/roles';
import type { Messages } from './i18n/zh-CN';

const HomePage = lazy(() => import('./pages/home/HomePage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const AuditLogsPage = lazy(() => import('./pages/audit-logs/AuditLogsPage'));
const DailyReportsPage = lazy(() => import('./pages/daily-reports/DailyReportsPage'));
const KeyPersonsPage = lazy(() => import('./pages/key-persons/KeyPersonsPage'));
export const KeyPersonPage = lazy(() => import('./pages/key-persons/KeyPersonPage'));
const CheckRoundPage = lazy(() => import('./pages/key-persons/CheckRoundPage'));
const ObservationSitesPage = lazy(() => import('./pages/observation-sites/ObservationSitesPage'));
const LeadsPage = lazy(() => import('./pages/leads/LeadsPage'));
export const CheckInPage = lazy(() => import('./pages/check-in/CheckInPage'));
export const ReportPrintPage = lazy(() => import('./pages/daily-reports/ReportPrintPage'));

export interface NavItem {
  path: string;
  labelKey: `nav.${keyof Messages['nav']}`;
  icon: ReactNode;
  /** Who sees the menu entry and may open the page. */
  roles: readonly Role[];
  page: ComponentType;
}

/** The signed-in screens: the Sider menu and the route table are both built from this list. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/', labelKey: 'nav.home', icon: <HomeOutlined />, roles: ALL_ROLES, page: HomePage },
  { path: '/regions', labelKey: 'nav.regions', icon: <ClusterOutlined />, roles: ALL_ROLES, page: RegionsPage },
  { path: '/key-persons', labelKey: 'nav.keyPersons', icon: <UserSwitchOutlined />, roles: KEY_PERSON_ROLES, page: KeyPersonsPage },
  { path: '/checks', labelKey: 'nav.checks', icon: <AlertOutlined />, roles: CHECK_ROLES, page: CheckRoundPage },
  { path: '/leads', labelKey: 'nav.leads', icon: <SolutionOutlined />, roles: LEAD_ROLES, page: LeadsPage },
  { path: '/observation-sites', labelKey: 'nav.sites', icon: <BankOutlined />, roles: KEY_PERSON_ROLES, page: ObservationSitesPage },
  { path: '/daily-reports', labelKey: 'nav.dailyReports', icon: <FileTextOutlined />, roles: ALL_ROLES, page: DailyReportsPage },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ADMIN_ROLES, page: UsersPage },
  { path: '/audit-logs', labelKey: 'nav.auditLogs', icon: <AuditOutlined />, roles: AUDIT_ROLES, page: AuditLogsPage },
];
