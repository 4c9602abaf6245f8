// The benchmark harness: builds the 1,000,000-person county and prints, from the same run, the
// ceilings every later benchmark is compared to, and the app's own routes as ratios to them.
//   npm run bench -- [--persons 1000000] [--seconds 10] [--connections 64] [--database-url URL]
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { freePort } from '../apps/server/src/db/embedded.js';
import { loadDemoCounty, DEMO_PASSWORD } from '../apps/server/src/demo/demo.js';
import { httpLoad, pgInsertLoad, type LoadResult } from './lib/load.js';
import { benchDatabase } from './lib/database.js';
import { serverMain, startProcess, stop, waitForMessage, waitForUrl } from './lib/processes.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    'database-url': { type: 'string' },
  },
});
const persons = Number(args.persons);
const seconds = Number(args.seconds);
const connections = Number(args.connections);

const database = await benchDatabase({ name: 'register', connections, url: args['database-url'] });
const { pool, url, machine } = database;
console.log(`machine: ${machine}`);

// 1. The county.
const bar = new cliProgress.SingleBar(
  { format: '{phase} [{bar}] {value}/{total}' },
  cliProgress.Presets.shades_classic,
);
bar.start(persons, 0, { phase: 'regions' });
const t0 = performance.now();
const counts = await loadDemoCounty(pool, {
  persons,
  reset: true,
  onProgress: (done, total, phase) => bar.update(done, { phase, total }),
});
bar.stop();
const loadSeconds = (performance.now() - t0) / 1000;
console.log(
  `county: ${JSON.stringify(counts)} in ${loadSeconds.toFixed(1)} s (${Math.round(counts.persons / loadSeconds)} persons/s)`,
);

// 2. Ceiling: a bare Fastify route.
const bare = startProcess(path.join(import.meta.dirname, 'lib/bare-server.ts'), {});
const { port: barePort } = await waitForMessage<{ port: number }>(bare);
const bareRoute = await httpLoad({ url: `http://127.0.0.1:${barePort}/bare`, connections, seconds });
await stop(bare);

// 3. Ceiling: PostgreSQL's own single-row inserts at the same concurrency.
const inserts = await pgInsertLoad(pool, connections, seconds);

// 4. The app's routes, logged in as the county administrator (request limits off: every client is one address).
const appPort = await freePort();
const server = startProcess(serverMain, {
  DATABASE_URL: url,
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
  body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const headers = { cookie };
const root = (await (await fetch(`http://127.0.0.1:${appPort}/api/v1/regions`, { headers })).json()) as {
  items: { id: string }[];
};
const routes: [string, string][] = [
  ['GET /api/health', '/api/health'],
  ['GET /api/auth/me', '/api/auth/me'],
  ['GET /api/v1/regions?parentId=<county> (townships with counts)', `/api/v1/regions?parentId=${root.items[0]!.id}`],
];
const appResults: [string, LoadResult][] = [];
for (const [name, p] of routes)
  appResults.push([name, await httpLoad({ url: `http://127.0.0.1:${appPort}${p}`, connections, seconds, headers })]);
await stop(server);

await database.close();

// 5. Report.
const ms = (x: number) => x.toFixed(1);
const row = (name: string, r: LoadResult, ratio: string) =>
  `| ${name} | ${Math.round(r.rate)} | ${ratio} | ${ms(r.p50)} | ${ms(r.p975)} | ${ms(r.p99)} | ${r.errors} |`;
const report = [
  `Machine: ${machine}`,
  `Run: ${new Date().toISOString()}, ${connections} concurrent clients, ${seconds} s each`,
  `County: ${counts.persons} persons, ${counts.households} households, ${counts.regions} regions, ${counts.grids} grids; loaded in ${loadSeconds.toFixed(1)} s (${Math.round(counts.persons / loadSeconds)} persons/s)`,
  '',
  '| what | per second | ratio | p50 ms | p97.5 ms | p99 ms | errors |',
  '|---|---|---|---|---|---|---|',
  row('ceiling: bare Fastify route', bareRoute, '1.00 (HTTP ceiling)'),
  row('ceiling: PostgreSQL single-row INSERT', inserts, '1.00 (write ceiling)'),
  ...appResults.map(([name, r]) => row(name, r, `${(r.rate / bareRoute.rate).toFixed(2)} × bare route`)),
].join('\n');
console.log(`\n${report}\n`);
await mkdir(path.join(import.meta.dirname, 'results'), { recursive: true });
await writeFile(path.join(import.meta.dirname, 'results', 'latest.md'), `${report}\n`);
