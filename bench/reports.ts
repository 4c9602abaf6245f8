// Daily reports and dashboard benchmarks on the 1,000,000-person county (issue 6): the time to
// compute the reports of every village and township, and the dashboard's latency, with the bare
// Fastify route measured in the same run as the ceiling.
//   npm run bench:reports -- [--persons 1000000] [--seconds 10] [--connections 8]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { shanghaiDateOf, reportDayWindow, shanghaiInstant } from '@fangkong/domain';
import { freePort } from '../apps/server/src/db/embedded.js';
import { loadDemoCounty, DEMO_PASSWORD } from '../apps/server/src/demo/demo.js';
import { computeChildFigures, computeFigures, reportMoment } from '../apps/server/src/modules/daily-reports/figures.js';
import {
  selectCheckpointFlow,
  selectChildren,
  selectKeyPersonsByDay,
  selectLeadsByDay,
  selectOverdueLeads,
  selectReportsByDay,
} from '../apps/server/src/modules/dashboard/dashboard.queries.js';
import { httpLoad } from './lib/load.js';
import { benchDatabase } from './lib/database.js';
import { serverMain, startProcess, stop, waitForMessage, waitForUrl } from './lib/processes.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '8' },
  },
});
const seconds = Number(args.seconds);
const connections = Number(args.connections);

const database = await benchDatabase({ name: 'reports', connections: 16 });
const { pool, db, machine } = database;
const counts = await loadDemoCounty(pool, { persons: Number(args.persons), reset: true });
console.log(`machine: ${machine}\ncounty: ${JSON.stringify(counts)}`);

// 1. Every report of the day, one region at a time as each reporter's preview and submission compute it (computeFigures).
const { rows: reporters } = await pool.query<{ path: string; level: string }>(
  "SELECT path::text AS path, level FROM region WHERE level IN ('village', 'township') ORDER BY path",
);
const {
  rows: [countyRow],
} = await pool.query<{ path: string }>("SELECT path::text AS path FROM region WHERE level = 'county' LIMIT 1");
// The report day's figures at its 18:00 cut-off (every report uses the one engine).
const today = shanghaiDateOf(new Date());
const moment = reportMoment(today, '18:00', new Date());
const t0All = performance.now();
for (const r of reporters) await computeFigures(db, r.path, moment);
const allReportsMs = performance.now() - t0All;
// One region's report at a time (the preview a reporter opens): a sample of villages and every township.
const perRegion = async (level: string, n: number) => {
  const sample = reporters.filter((r) => r.level === level).slice(0, n);
  const times: number[] = [];
  for (const r of sample) {
    const t0 = performance.now();
    await computeFigures(db, r.path, moment);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    n: times.length,
    p50: times[Math.floor(times.length * 0.5)] ?? 0,
    p95: times[Math.min(times.length - 1, Math.floor(times.length * 0.95))] ?? 0,
  };
};
const oneVillage = await perRegion('village', 40);
const oneTownship = await perRegion('township', 40);

// Each of the dashboard's queries alone, one at a time (20 runs after 2 warm-ups), for the county.
const {
  rows: [countyRegion],
} = await pool.query<{ id: string }>("SELECT id FROM region WHERE level = 'county' LIMIT 1");
const now = new Date();
const { rows: childRows } = await pool.query<{ path: string }>(
  'SELECT path::text AS path FROM region WHERE parent_id = $1',
  [countyRegion!.id],
);
const dashboardMoment = { day: today, dayStart: reportDayWindow(today).dayStart, asOf: now, known: now };
const dashboardQueries: [string, () => Promise<unknown>][] = [
  ['children and their reports submitted today', () => selectChildren(db, countyRegion!.id, countyRow!.path, today)],
  [
    'figures of the county and each township (the report engine: people, leads, coverage, checks)',
    () =>
      computeChildFigures(
        db,
        countyRow!.path,
        childRows.map((r) => r.path),
        dashboardMoment,
      ),
  ],
  ['leads raised and resolved per day, 14 days', () => selectLeadsByDay(db, countyRow!.path, today, '18:00', now)],
  ['reports per day, 7 days', () => selectReportsByDay(db, countyRow!.path, today)],
  ['leads past their deadline', () => selectOverdueLeads(db, countyRow!.path, now)],
  ['key persons per day and category, 30 days', () => selectKeyPersonsByDay(db, countyRow!.path, today, '18:00', now)],
  ['checkpoint flow per hour today', () => selectCheckpointFlow(db, countyRow!.path, shanghaiInstant(today, '00:00'))],
];
const queryTimes: [string, { p50: number; p95: number }][] = [];
for (const [name, run] of dashboardQueries) {
  for (let i = 0; i < 2; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  queryTimes.push([name, { p50: times[10]!, p95: times[19]! }]);
}

// 2. Ceiling and dashboard over HTTP.
const bare = startProcess(path.join(import.meta.dirname, 'lib/bare-server.ts'), {});
const { port: barePort } = await waitForMessage<{ port: number }>(bare);
const bareRoute = await httpLoad({ url: `http://127.0.0.1:${barePort}/bare`, connections, seconds });
await stop(bare);
const appPort = await freePort();
const server = startProcess(serverMain, {
  DATABASE_URL: database.url,
  PORT: String(appPort),
  FANGKONG_DEMO: 'off',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  FANGKONG_WEB_DIR: '/nonexistent',
  RATE_LIMIT: 'off',
});
await waitForUrl(`http://127.0.0.1:${appPort}/api/health`);
const login = await fetch(`http://127.0.0.1:${appPort}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'county', password: DEMO_PASSWORD }),
});
const headers = {
  cookie: login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; '),
};
const dashboard = await httpLoad({
  url: `http://127.0.0.1:${appPort}/api/v1/dashboard`,
  connections,
  seconds,
  headers,
});
const dashboardOne = await httpLoad({
  url: `http://127.0.0.1:${appPort}/api/v1/dashboard`,
  connections: 1,
  seconds,
  headers,
});
await stop(server);
await database.close();

console.log(`
| what | figure | target |
|---|---|---|
| daily reports of all ${reporters.length} villages and townships, one after another (computeFigures) | ${allReportsMs.toFixed(0)} ms | |
| one village's report (computeFigures, ${oneVillage.n} villages) | p50 ${oneVillage.p50.toFixed(0)} ms, p95 ${oneVillage.p95.toFixed(0)} ms | |
| one township's report (computeFigures, ${oneTownship.n} townships) | p50 ${oneTownship.p50.toFixed(0)} ms, p95 ${oneTownship.p95.toFixed(0)} ms | |
| ceiling: bare Fastify route (${connections} clients) | ${Math.round(bareRoute.rate)}/s, p97.5 ${bareRoute.p975} ms | |
| GET /api/v1/dashboard, county (1 client) | ${Math.round(dashboardOne.rate)}/s, p50 ${dashboardOne.p50} ms, p97.5 ${dashboardOne.p975} ms (≥ p95), p99 ${dashboardOne.p99} ms | p95 ≤ 100 ms |
| GET /api/v1/dashboard, county (${connections} clients) | ${Math.round(dashboard.rate)}/s (${(dashboard.rate / bareRoute.rate).toFixed(3)} × bare), p50 ${dashboard.p50} ms, p97.5 ${dashboard.p975} ms (≥ p95), p99 ${dashboard.p99} ms | p95 ≤ 100 ms |

| dashboard query, county, alone (20 runs) | p50 ms | p95 ms (the slowest of 20) | target p95 ≤ 100 ms |
|---|---|---|---|
${queryTimes.map(([name, t]) => `| ${name} | ${t.p50.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.p95 <= 100 ? 'met' : '**not met**'} |`).join('\n')}
`);
