import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDateOf, isWithinScope, reportDayWindow } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { notFound } from '../../http/problem.js';
import { singleFlight } from '../../db/single-flight.js';
import { createEventHub } from '../../events/events.js';
import { selectRegionInScope } from '../daily-reports/daily-reports.queries.js';
import { dashboardQuery, dashboardSchema } from './dashboard.schemas.js';
import { selectCheckpointFlow, selectChildren, selectKeyPersonsByDay, selectLeadsByDay, selectOverdueLeads, selectReportsByDay } from './dashboard.queries.js';

export const dashboardRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const hub = createEventHub(db.$client);
  app.addHook('onClose', () => hub.close());

  /** The figures depend on the region alone (its scope was checked): concurrent viewers share one computation. */
  const dashboardOf = singleFlight(async (region: { id: string; name: string; path: string }) => {
    const today = chinaDateOf(new Date());
    const [rows, leadsByDay, reportsByDay, overdueLeads, keyPersonsByDay, checkpointFlow] = await Promise.all([
      selectChildren(db, region.id, region.path, today),
      selectLeadsByDay(db, region.path),
      selectReportsByDay(db, region.path),
      selectOverdueLeads(db, region.path),
      selectKeyPersonsByDay(db, region.path),
      selectCheckpointFlow(db, region.path, reportDayWindow(today).dayStart),
    ]);
    const children = rows.map((r) => ({
      regionId: r.region_id,
      name: r.name,
      level: r.level as 'township',
      households: r.households,
      persons: r.persons,
      leadsOpen: r.leads_open,
      leadsOverdue: r.leads_overdue,
      reportsExpected: r.reports_expected,
      reportsSubmitted: r.reports_submitted,
      householdsCovered: r.households_covered,
      checksDueToday: r.checks_due,
      checksDoneToday: r.checks_done,
    }));
    const keys = ['households', 'persons', 'leadsOpen', 'leadsOverdue', 'reportsExpected', 'reportsSubmitted', 'householdsCovered', 'checksDueToday', 'checksDoneToday'] as const;
    const totals = Object.fromEntries(keys.map((k) => [k, children.reduce((n, c) => n + c[k], 0)])) as Record<(typeof keys)[number], number>;
    return { regionId: region.id, regionName: region.name, today, totals, children, leadsByDay, reportsByDay, overdueLeads, keyPersonsByDay, checkpointFlow };
  }, (region) => region.id);

  app.get('/api/v1/dashboard', {
    config: { access: 'dashboard.read' },
    schema: { tags: ['dashboard'], summary: 'The command dashboard of a county or township: its regions, leads and reports', querystring: dashboardQuery, response: { 200: dashboardSchema } },
  }, async (request) => {
    const actor = actorOf(request);
    const region = await selectRegionInScope(db, actor, request.query.regionId ?? actor.regionId);
    if (!region) throw notFound();
    return dashboardOf(region);
  });

  app.get('/api/v1/events', {
    config: { access: 'dashboard.read' },
    schema: { tags: ['dashboard'], summary: 'Server-sent events inside the caller\'s scope: lead.raised, lead.overdue, fever', produces: ['text/event-stream'], response: { 200: z.string() } },
  }, async (request, reply) => {
    const actor = actorOf(request);
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = await hub.subscribe((event) => {
      if (isWithinScope(event.regionPath, actor.scopePath)) reply.raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event.payload)}\n\n`);
    });
    const heartbeat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });
};
