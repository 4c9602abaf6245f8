import type { FastifyPluginAsync } from 'fastify';
import type { ModuleOptions } from './module-options.js';
import { regionsRoutes } from './regions/regions.routes.js';
import { gridsRoutes } from './grids/grids.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { auditLogsRoutes } from './audit-logs/audit-logs.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { keyPersonsRoutes } from './key-persons/key-persons.routes.js';
import { healthChecksRoutes } from './health-checks/health-checks.routes.js';
import { leadsRoutes } from './leads/leads.routes.js';
import { checkInRoutes } from './check-in/check-in.routes.js';
import { observationSitesRoutes } from './observation-sites/observation-sites.routes.js';
import { dailyReportsRoutes } from './daily-reports/daily-reports.routes.js';

/** The capability modules; each registers its own routes with the access they require. */
export const modules = [systemRoutes, regionsRoutes, gridsRoutes, usersRoutes, auditLogsRoutes, dailyReportsRoutes, keyPersonsRoutes, healthChecksRoutes, leadsRoutes, checkInRoutes, observationSitesRoutes] as unknown as FastifyPluginAsync<ModuleOptions>[];
