import { lazy, type ComponentType } from 'react';
import { NAV_ITEMS, type NavItem, type NavPath } from './nav';

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
const CountySettingsPage = lazy(() => import('./pages/county-settings/CountySettingsPage'));
export const SitePage = lazy(() => import('./pages/observation-sites/SitePage'));
const ObservationSitesPage = lazy(() => import('./pages/observation-sites/ObservationSitesPage'));
const LeadsPage = lazy(() => import('./pages/leads/LeadsPage'));
export const CheckInPage = lazy(() => import('./pages/check-in/CheckInPage'));
export const SelfReportPage = lazy(() => import('./pages/public-reports/SelfReportPage'));
export const TipPage = lazy(() => import('./pages/public-reports/TipPage'));
export const ReportPrintPage = lazy(() => import('./pages/daily-reports/ReportPrintPage'));
const MyHouseholdsPage = lazy(() => import('./pages/field/MyHouseholdsPage'));
const ScreeningPage = lazy(() => import('./pages/screening/ScreeningPage'));
export const RegisterPage = lazy(() => import('./pages/register/RegisterPage'));
const RiskAreasPage = lazy(() => import('./pages/screening/RiskAreasPage'));
const CheckpointsPage = lazy(() => import('./pages/checkpoints/CheckpointsPage'));
const RegisterEntryPage = lazy(() => import('./pages/checkpoints/RegisterEntryPage'));
const EntriesLogPage = lazy(() => import('./pages/checkpoints/EntriesLogPage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const OnlineUsersPage = lazy(() => import('./pages/sessions/OnlineUsersPage'));
const SecurityPolicyPage = lazy(() => import('./pages/security-policy/SecurityPolicyPage'));
const GridsPage = lazy(() => import('./pages/grids/GridsPage'));
const CommandPage = lazy(() => import('./pages/command/CommandPage'));
export const SupervisionPage = lazy(() => import('./pages/supervision/SupervisionPage'));
const VenuesPage = lazy(() => import('./pages/venues/VenuesPage'));
const GatheringsPage = lazy(() => import('./pages/gatherings/GatheringsPage'));
const CommunityLogsPage = lazy(() => import('./pages/community-logs/CommunityLogsPage'));
const SuppliesPage = lazy(() => import('./pages/supplies/SuppliesPage'));
const VaccinationsPage = lazy(() => import('./pages/vaccinations/VaccinationsPage'));
const SentinelsPage = lazy(() => import('./pages/sentinels/SentinelsPage'));
const SentinelSalePage = lazy(() => import('./pages/sentinels/SentinelSalePage'));
const IncidentsPage = lazy(() => import('./pages/key-persons/IncidentsPage'));

const PAGES: Record<NavPath, ComponentType> = {
  '/': HomePage,
  '/my-households': MyHouseholdsPage,
  '/screening': ScreeningPage,
  '/register': RegisterPage,
  '/risk-areas': RiskAreasPage,
  '/regions': RegionsPage,
  '/grids': GridsPage,
  '/dashboard': DashboardPage,
  '/key-persons': KeyPersonsPage,
  '/checks': CheckRoundPage,
  '/leads': LeadsPage,
  '/observation-sites': ObservationSitesPage,
  '/triage': TriagePage,
  '/county-settings': CountySettingsPage,
  '/daily-reports': DailyReportsPage,
  '/checkpoint-entry': RegisterEntryPage,
  '/checkpoints': CheckpointsPage,
  '/checkpoint-log': EntriesLogPage,
  '/users': UsersPage,
  '/audit-logs': AuditLogsPage,
  '/online-users': OnlineUsersPage,
  '/security-policy': SecurityPolicyPage,
  '/account': AccountPage,
  '/command': CommandPage,
  '/supervision': SupervisionPage,
  '/venues': VenuesPage,
  '/gatherings': GatheringsPage,
  '/community-logs': CommunityLogsPage,
  '/supplies': SuppliesPage,
  '/vaccinations': VaccinationsPage,
  '/sentinels': SentinelsPage,
  '/sentinel-sale': SentinelSalePage,
  '/incidents': IncidentsPage,
};

/** The signed-in screens with their pages: the router is built from this list, the menu from nav.tsx. */
export const NAV_ROUTES: readonly (NavItem & { page: ComponentType })[] = NAV_ITEMS.map((item) => ({
  ...item,
  page: PAGES[item.path],
}));
