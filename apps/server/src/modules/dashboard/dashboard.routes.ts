import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { shanghaiDateOf, reportDayOf, reportDayWindow, shanghaiInstant } from '@fangkong/domain';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { notFound } from '../../http/problem.js';
import { singleFlight } from '../../db/single-flight.js';
import { createEventHub } from '../../events/events.js';
import { selectRegionInScope } from '../daily-reports/daily-reports.queries.js';
import { computeChildFigures } from '../daily-reports/figures.js';
import { dashboardQuery, dashboardSchema } from './dashboard.schemas.js';
import {
  selectCheckpointFlow,
  selectChildren,
  selectKeyPersonsByDay,
  selectLeadsByDay,
  selectOverdueLeads,
  selectReportsByDay,
} from './dashboard.queries.js';
import { actorSees } from '../../auth/scope.js';
import { settingsFor } from '../county-settings/index.js';

export const dashboardRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const hub = createEventHub(db.$client);
  app.addHook('onClose', () => hub.close());

  /** The figures depend on the region alone (its scope was checked): concurrent viewers share one computation. */
  const dashboardOf = singleFlight(
    async (region: { id: string; name: string; path: string }) => {
      const at = now();
      const today = shanghaiDateOf(at);
      const { deadline } = await settingsFor(db, 'report', region.path);
      // State of now; "today" is the calendar day of the check slots, and the report day runs from the last cut-off.
      const reportDay = reportDayOf(at, deadline);
      const moment = { day: today, dayStart: reportDayWindow(reportDay, deadline).dayStart, asOf: at, known: at };
      const rows = await selectChildren(db, region.id, region.path, today);
      const [figures, leadsByDay, reportsByDay, overdueLeads, keyPersonsByDay, checkpointFlow] = await Promise.all([
        computeChildFigures(
          db,
          region.path,
          rows.map((r) => r.path),
          moment,
        ),
        selectLeadsByDay(db, region.path, reportDay, deadline, at),
        selectReportsByDay(db, region.path, reportDay),
        selectOverdueLeads(db, region.path, at),
        selectKeyPersonsByDay(db, region.path, reportDay, deadline, at),
        selectCheckpointFlow(db, region.path, shanghaiInstant(today, '00:00')),
      ]);
      const of = (path: string) => {
        const f = figures.get(path)!;
        return {
          households: f.population!.households!,
          persons: f.population!.persons!,
          leadsOpen: f.leads!.open!,
          leadsOverdue: f.leads!.overdue!,
          householdsCovered: f.screening!.householdsCurrentRound!,
          checksDueToday: f.healthChecks!.slotsDue!,
          checksDoneToday: f.healthChecks!.slotsDone!,
          vaccinationEligible: f.vaccinations!.eligible!,
          vaccinationFirstDose: f.vaccinations!.firstDose!,
        };
      };
      const children = rows.map((r) => ({
        regionId: r.region_id,
        name: r.name,
        level: r.level as 'township',
        ...of(r.path),
        reportsExpected: r.reports_expected,
        reportsSubmitted: r.reports_submitted,
      }));
      // The region's own totals hold what lies at its level too (leads held by the township, its checkpoints' outsiders).
      const totals = {
        ...of(region.path),
        reportsExpected: children.reduce((n, c) => n + c.reportsExpected, 0),
        reportsSubmitted: children.reduce((n, c) => n + c.reportsSubmitted, 0),
      };
      return {
        regionId: region.id,
        regionName: region.name,
        today,
        totals,
        children,
        leadsByDay,
        reportsByDay,
        overdueLeads,
        keyPersonsByDay,
        checkpointFlow,
      };
    },
    (region) => region.id,
  );

  app.get(
    '/api/v1/dashboard',
    {
      config: { access: 'dashboard.read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The command dashboard of a county or township: its regions, leads and reports',
        querystring: dashboardQuery,
        response: { 200: dashboardSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const region = await selectRegionInScope(db, actor, request.query.regionId ?? actor.regionId);
      if (!region) throw notFound();
      return dashboardOf(region);
    },
  );

  app.get(
    '/api/v1/events',
    {
      config: { access: 'dashboard.read', audit: false },
      schema: {
        tags: ['dashboard'],
        summary: "Server-sent events inside the caller's scope: lead.raised, lead.overdue, fever",
        produces: ['text/event-stream'],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      reply.raw.write(': connected\n\n');
      const unsubscribe = await hub.subscribe((event) => {
        if (actorSees(actor, event.regionPath))
          reply.raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`);
      });
      const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
      request.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    },
  );
};
