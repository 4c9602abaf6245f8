import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from './module-options.js';
import { regionsRoutes } from './regions/regions.routes.js';
import { gridsRoutes } from './grids/grids.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { auditLogsRoutes } from './audit-logs/audit-logs.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { householdsRoutes } from './households/households.routes.js';
import { personsRoutes } from './persons/persons.routes.js';
import { riskAreasRoutes } from './risk-areas/risk-areas.routes.js';
import { screeningRoutes } from './screening/screening.routes.js';
import { keyPersonsRoutes } from './key-persons/key-persons.routes.js';
import { keyPersonFileRoutes } from './key-person-file/key-person-file.routes.js';
import { healthChecksRoutes } from './health-checks/health-checks.routes.js';
import { leadsRoutes } from './leads/leads.routes.js';
import { checkInRoutes } from './check-in/check-in.routes.js';
import { observationSitesRoutes } from './observation-sites/observation-sites.routes.js';
import { dailyReportsRoutes } from './daily-reports/daily-reports.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { checkpointsRoutes } from './checkpoints/checkpoints.routes.js';
import { checkpointEntriesRoutes } from './checkpoint-entries/checkpoint-entries.routes.js';
import { dutyShiftsRoutes } from './duty-shifts/duty-shifts.routes.js';
import { fileJobsRoutes } from './file-jobs/file-jobs.routes.js';
import { checkpointStatsRoutes } from './checkpoint-stats/checkpoint-stats.routes.js';
import { checkpointHoldsRoutes } from './checkpoint-holds/checkpoint-holds.routes.js';
import { sessionsRoutes } from './sessions/sessions.routes.js';
import { securityPolicyRoutes } from './security-policy/security-policy.routes.js';
import { setupRoutes } from './setup/setup.routes.js';
import { responsibilityChainsRoutes } from './responsibility-chains/responsibility-chains.routes.js';
import { commandRoutes } from './command/command.routes.js';
import { dispatchesRoutes } from './dispatches/dispatches.routes.js';
import { volunteerTeamsRoutes } from './volunteer-teams/volunteer-teams.routes.js';
import { countySettingsRoutes } from './county-settings/county-settings.routes.js';
import { supervisionRoutes } from './supervision/supervision.routes.js';
import { spotCheckRoutes } from './supervision/spot-checks.routes.js';
import { findingDocumentRoutes } from './supervision/findings-documents.routes.js';
import { venuesRoutes } from './venues/venues.routes.js';
import { vaccinationsRoutes } from './vaccinations/vaccinations.routes.js';
import { gatheringsRoutes } from './gatherings/gatherings.routes.js';
import { communityLogsRoutes } from './community-logs/community-logs.routes.js';
import { suppliesRoutes } from './supplies/supplies.routes.js';
import { publicReportsRoutes } from './public-reports/public-reports.routes.js';
import { attachmentsRoutes } from './attachments/attachments.routes.js';
import { sentinelsRoutes } from './sentinels/sentinels.routes.js';
import { walkInsRoutes } from './sentinels/walk-ins.routes.js';
import { keyPersonIncidentsRoutes } from './key-person-incidents/key-person-incidents.routes.js';

/** The capability modules; each registers its own routes with the access they require. */
export const modules = [
  systemRoutes,
  regionsRoutes,
  gridsRoutes,
  usersRoutes,
  auditLogsRoutes,
  householdsRoutes,
  personsRoutes,
  riskAreasRoutes,
  screeningRoutes,
  keyPersonsRoutes,
  keyPersonFileRoutes,
  healthChecksRoutes,
  leadsRoutes,
  checkInRoutes,
  observationSitesRoutes,
  checkpointsRoutes,
  checkpointEntriesRoutes,
  dutyShiftsRoutes,
  checkpointStatsRoutes,
  checkpointHoldsRoutes,
  dailyReportsRoutes,
  dashboardRoutes,
  fileJobsRoutes,
  sessionsRoutes,
  securityPolicyRoutes,
  setupRoutes,
  responsibilityChainsRoutes,
  commandRoutes,
  dispatchesRoutes,
  volunteerTeamsRoutes,
  countySettingsRoutes,
  supervisionRoutes,
  spotCheckRoutes,
  findingDocumentRoutes,
  venuesRoutes,
  vaccinationsRoutes,
  gatheringsRoutes,
  communityLogsRoutes,
  suppliesRoutes,
  publicReportsRoutes,
  attachmentsRoutes,
  sentinelsRoutes,
  walkInsRoutes,
  keyPersonIncidentsRoutes,
] as unknown as FastifyPluginAsync<ModuleOptions>[];
