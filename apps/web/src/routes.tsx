import { AuditOutlined, ClusterOutlined, EnvironmentOutlined, FileSearchOutlined, HomeOutlined, IdcardOutlined, SolutionOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy, type ComponentType, type ReactNode } from 'react';
import type { Role } from './api/types';
import { ADMIN_ROLES, ALL_ROLES, AUDIT_ROLES, FIELD_ROLES, REGISTER_ROLES } from './auth/roles';
import type { Messages } from './i18n/zh-CN';

const HomePage = lazy(() => import('./pages/home/HomePage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const AuditLogsPage = lazy(() => import('./pages/audit-logs/AuditLogsPage'));
const MyHouseholdsPage = lazy(() => import('./pages/field/MyHouseholdsPage'));
const ScreeningPage = lazy(() => import('./pages/screening/ScreeningPage'));
const RegisterPage = lazy(() => import('./pages/register/RegisterPage'));
const RiskAreasPage = lazy(() => import('./pages/screening/RiskAreasPage'));

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
  { path: '/users', labelKey: 'nav.users', icon: <TeamOutlined />, roles: ADMIN_ROLES, page: UsersPage },
  { path: '/audit-logs', labelKey: 'nav.auditLogs', icon: <AuditOutlined />, roles: AUDIT_ROLES, page: AuditLogsPage },
];
