import type { FastifyPluginAsync } from 'fastify';
import type { Db } from '../db/client.js';
import { regionsRoutes } from './regions/regions.routes.js';
import { gridsRoutes } from './grids/grids.routes.js';
import { usersRoutes } from './users/users.routes.js';
import { auditLogsRoutes } from './audit-logs/audit-logs.routes.js';
import { systemRoutes } from './system/system.routes.js';
import { dailyReportsRoutes } from './daily-reports/daily-reports.routes.js';
import { dashboardRoutes } from './dashboard/dashboard.routes.js';
import { checkpointsRoutes } from './checkpoints/checkpoints.routes.js';
import { checkpointEntriesRoutes } from './checkpoint-entries/checkpoint-entries.routes.js';
import { dutyShiftsRoutes } from './duty-shifts/duty-shifts.routes.js';
import { checkpointStatsRoutes } from './checkpoint-stats/checkpoint-stats.routes.js';

/** The capability modules; each registers its own routes with the access they require. */
export const modules = [systemRoutes, regionsRoutes, gridsRoutes, usersRoutes, auditLogsRoutes, dailyReportsRoutes, dashboardRoutes, checkpointsRoutes, checkpointEntriesRoutes, dutyShiftsRoutes, checkpointStatsRoutes] as unknown as FastifyPluginAsync<{ db: Db; version: string }>[];
