import { AlertOutlined, AuditOutlined, BankOutlined, BarChartOutlined, CarOutlined, ClusterOutlined, DashboardOutlined, EnvironmentOutlined, FileSearchOutlined, FileTextOutlined, FormOutlined, HomeOutlined, IdcardOutlined, MedicineBoxOutlined, SettingOutlined, SolutionOutlined, TeamOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from './api/types';
import { ADMIN_ROLES, ALL_ROLES, AUDIT_ROLES, CHECK_ROLES, DASHBOARD_ROLES, FIELD_ROLES, KEY_PERSON_ROLES, LEAD_ROLES, REGISTER_ROLES, TRIAGE_ROLES } from './auth/roles';
import type { Messages } from './i18n/zh-CN';
import { CHECKPOINT_READERS, CHECKPOINT_REGISTRARS, ENTRY_READERS } from './pages/checkpoints/roles';

const HomePage = lazy(() => import('./pages/home/HomePage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const AuditLogsPage = lazy(() => import('./pages/audit-logs/AuditLogsPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const DailyReportsPage = lazy(() => import('./pages/daily-reports/DailyReportsPage'));
const KeyPersonsPage = lazy(() => import('./pages/key-persons/KeyPersonsPage'));
export const KeyPersonPage = lazy(() => import('./pages/key-persons/KeyPersonPage'));
const CheckRoundPage = lazy(() => import('./pages/key-persons/CheckRoundPage'));
const TriagePage = lazy(() => import('./pages/triage/TriagePage'));
const PolicyPage = lazy(() => import('./pages/policy/PolicyPage'));
export const SitePage = lazy(() => import('./pages/observation-sites/SitePage'));
const ObservationSitesPage = lazy(() => import('./pages/observation-sites/ObservationSitesPage'));
const LeadsPage = lazy(() => import('./pages/leads/LeadsPage'));
export const CheckInPage = lazy(() => import('./pages/check-in/CheckInPage'));
export const ReportPrintPage = lazy(() => import('./pages/daily-reports/ReportPrintPage'));
const MyHouseholdsPage = lazy(() => import('./pages/field/MyHouseholdsPage'));
const ScreeningPage = lazy(() => import('./pages/screening/ScreeningPage'));
export const RegisterPage = lazy(() => import('./pages/register/RegisterPage'));
const RiskAreasPage = lazy(() => import('./pages/screening/RiskAreasPage'));
const CheckpointsPage = lazy(() => import('./pages/checkpoints/CheckpointsPage'));
const RegisterEntryPage = lazy(() => import('./pages/checkpoints/RegisterEntryPage'));
const EntriesLogPage = lazy(() => import('./pages/checkpoints/EntriesLogPage'));

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
  { path: '/my-households', labelKey: 'nav.myHouseholds', icon: <SolutionOutlined />, roles: FIELD_ROLES, page: MyHouseholdsPage },
  { path: '/screening', labelKey: 'nav.screening', icon: <FileSearchOutlined />, roles: REGISTER_ROLES, page: ScreeningPage },
  { path: '/register', labelKey: 'nav.register', icon: <IdcardOutlined />, roles: REGISTER_ROLES, page: RegisterPage },
  { path: '/risk-areas', labelKey: 'nav.riskAreas', icon: <EnvironmentOutlined />, roles: ALL_ROLES, page: RiskAreasPage },
  { path: '/regions', labelKey: 'nav.regions', icon: <ClusterOutlined />, roles: ALL_ROLES, page: RegionsPage },
  { path: '/dashboard', labelKey: 'nav.dashboard', icon: <DashboardOutlined />, roles: DASHBOARD_ROLES, page: DashboardPage },
  { path: '/key-persons', labelKey: 'nav.keyPersons', icon: <UserSwitchOutlined />, roles: KEY_PERSON_ROLES, page: KeyPersonsPage },
  { path: '/checks', labelKey: 'nav.checks', icon: <AlertOutlined />, roles: CHECK_ROLES, page: CheckRoundPage },
  { path: '/leads', labelKey: 'nav.leads', icon: <SolutionOutlined />, roles: LEAD_ROLES, page: LeadsPage },
  { path: '/observation-sites', labelKey: 'nav.sites', icon: <BankOutlined />, roles: KEY_PERSON_ROLES, page: ObservationSitesPage },
  { path: '/triage', labelKey: 'nav.triage', icon: <MedicineBoxOutlined />, roles: TRIAGE_ROLES, page: TriagePage },
  { path: '/policy', labelKey: 'nav.policy', icon: <SettingOutlined />, roles: KEY_PERSON_ROLES, page: PolicyPage },
  { path: '/daily-reports', labelKey: 'nav.dailyReports', icon: <FileTextOutlined />, roles: ALL_ROLES, page: DailyReportsPage },
  { path: '/checkpoint-entry', labelKey: 'nav.checkpointEntry', icon: <FormOutlined />, roles: CHECKPOINT_REGISTRARS, page: RegisterEntryPage },
  { path: '/checkpoints', labelKey: 'nav.checkpoints', icon: <CarOutlined />, roles: CHECKPOINT_READERS, page: CheckpointsPage },
  { path: '/checkpoint-log', labelKey: 'nav.checkpointLog', icon: <BarChartOutlined />, roles: ENTRY_READERS, page: EntriesLogPage },
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ADMIN_ROLES, page: UsersPage },
  { path: '/audit-logs', labelKey: 'nav.auditLogs', icon: <AuditOutlined />, roles: AUDIT_ROLES, page: AuditLogsPage },
];
