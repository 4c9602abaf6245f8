// Checkpoint benchmarks: entry writes under 64 concurrent clients as a ratio to PostgreSQL's own
// single-row INSERT rate measured in the same run, and the county statistics query.
//   npm run bench:checkpoints -- [--entries 1000000] [--persons 20000] [--seconds 10] [--connections 64]
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { makeIdNumber } from '@fangkong/domain';
import { freePort } from '../apps/server/src/db/embedded.js';
import { createDb } from '../apps/server/src/db/client.js';
import { loadDemoCounty, DEMO_PASSWORD } from '../apps/server/src/demo/demo.js';
import { httpLoad, httpPostLoad, pgInsertLoad, settle } from './lib/load.js';
import { benchDatabase } from './lib/database.js';
import { describeCpu, measureCpu, type CpuUse } from './lib/cpu.js';
import { serverMain, startProcess, stop, waitForMessage, waitForUrl } from './lib/processes.js';
import { loadCheckpointHistory, loop } from './lib/checkpoint-data.js';
import type { Actor } from '../apps/server/src/auth/actor.js';
import { checkpointEntriesService } from '../apps/server/src/modules/checkpoint-entries/checkpoint-entries.service.js';
import { createEntryBody } from '../apps/server/src/modules/checkpoint-entries/checkpoint-entries.schemas.js';

const { values: args } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    persons: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    'writes-only': { type: 'boolean', default: false },
  },
});
const connections = Number(args.connections);
const seconds = Number(args.seconds);

const database = await benchDatabase({ name: 'cp', connections });
const { pool, machine } = database;
console.log(`machine: ${machine}`);
await loadDemoCounty(pool, { persons: Number(args.persons), reset: true });
const t0 = performance.now();
const posts = await loadCheckpointHistory(pool, { entries: Number(args.entries), posts: connections, days: 90 });
const {
  rows: [stored],
} = await pool.query<{ entries: number; occupants: number; stats: number }>(
  'SELECT (SELECT count(*) FROM checkpoint_entry)::int AS entries, (SELECT count(*) FROM checkpoint_occupant)::int AS occupants, (SELECT count(*) FROM checkpoint_stat)::int AS stats',
);
const loadSeconds = (performance.now() - t0) / 1000;
console.log(`stored: ${JSON.stringify(stored)} in ${loadSeconds.toFixed(0)} s`);
// One staff account per client (64 phones are 64 people), each registering at its own post.
await pool.query(
  `INSERT INTO app_user (id, username, display_name, password_hash, role, region_id, region_path)
  SELECT gen_random_uuid(), 'bench-staff-' || g, '压测' || g, u.password_hash, 'checkpointStaff', u.region_id, u.region_path
    FROM app_user u, generate_series(0, $1::int - 1) g WHERE u.username = 'county'`,
  [connections],
);

await settle(pool, { vacuum: true });
const { result: inserts, cpu: insertsCpu } = await measureCpu(undefined, () =>
  pgInsertLoad(pool, connections, seconds),
);

// A car with two outside occupants, each client at its own post, as a phone would send it.
let seq = 0;
const entry = () => {
  seq++;
  return JSON.stringify({
    id: uuidv7(),
    kind: 'vehicle',
    plate: `渝B${String(seq % 100000).padStart(5, '0')}`,
    direction: 'in',
    origin: '重庆市',
    decision: 'pass',
    recordedAt: new Date().toISOString(),
    occupants: [0, 1].map((i) => ({
      idNumber: makeIdNumber({
        regionCode: '500101',
        birthDate: '1985-03-04',
        sequence: seq % 1000,
        sex: i === 0 ? 'male' : 'female',
      }),
      name: '压测',
      temperature: 36.5,
    })),
  });
};

// What HTTP alone costs on this machine (bench/lib/bare-server.ts): a constant GET, and the thinnest
// write, the same body with one INSERT per request.
const bare = startProcess(path.join(import.meta.dirname, 'lib/bare-server.ts'), { DATABASE_URL: database.url });
const { port: barePort } = await waitForMessage<{ port: number }>(bare);
const bareRoute = await httpLoad({ url: `http://127.0.0.1:${barePort}/bare`, connections, seconds });
await settle(pool);
const { result: bareWrites, cpu: bareWritesCpu } = await measureCpu(bare.pid, () =>
  httpPostLoad({
    url: `http://127.0.0.1:${barePort}`,
    connections,
    seconds,
    next: () => ({ path: '/bare-insert', headers: { 'content-type': 'application/json' }, body: entry() }),
  }),
);
await settle(pool);
const { result: bareBatched, cpu: bareBatchedCpu } = await measureCpu(bare.pid, () =>
  httpPostLoad({
    url: `http://127.0.0.1:${barePort}`,
    connections,
    seconds,
    next: () => ({ path: '/bare-insert-batched', headers: { 'content-type': 'application/json' }, body: entry() }),
  }),
);
await stop(bare);

const serverStart = new Date();
const port = await freePort();
const server = startProcess(serverMain, {
  DATABASE_URL: database.url,
  PORT: String(port),
  FANGKONG_DEMO: 'off',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  FANGKONG_WEB_DIR: '/nonexistent',
  RATE_LIMIT: 'off',
});
const base = `http://127.0.0.1:${port}`;
await waitForUrl(`${base}/api/health`);
async function login(username: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': csrfToken,
  };
}
const staff = await Promise.all(Array.from({ length: connections }, (_, w) => login(`bench-staff-${w}`)));
const commander = await login('county');

const failures = new Map<string, number>();
const post = (w: number) =>
  fetch(`${base}/api/v1/checkpoints/${posts[w % posts.length]}/entries`, {
    method: 'POST',
    headers: { ...staff[w % staff.length], 'content-type': 'application/json' },
    body: entry(),
  }).then(async (r) => {
    const text = await r.text();
    if (r.status !== 201) {
      const key = `${r.status} ${text.slice(0, 160)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
    return r.status === 201;
  });
await loop(connections, 2, post); // warm-up
// What the server's connections wait on while the writes run: a lock or a hot row shows up here.
const waits = new Map<string, number>();
let sampling = true;
const sampler = (async () => {
  while (sampling) {
    const { rows } = await pool.query<{ w: string; n: number }>(
      "SELECT coalesce(wait_event_type || ':' || wait_event, state) AS w, count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'fangkong' AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND backend_start > $1 GROUP BY 1",
      [serverStart],
    );
    for (const r of rows) waits.set(r.w, (waits.get(r.w) ?? 0) + r.n);
    await new Promise((r) => setTimeout(r, 100));
  }
})();
const commits = async () =>
  (await pool.query<{ n: number }>('SELECT sum(xact_commit)::int AS n FROM pg_stat_database')).rows[0]!.n;
await settle(pool);
const commitsBefore = await commits();
let next = 0;
const { result: writes, cpu: writesCpu } = await measureCpu(server.pid, () =>
  httpPostLoad({
    url: base,
    connections,
    seconds,
    next: () => {
      const w = next++ % connections;
      return {
        path: `/api/v1/checkpoints/${posts[w % posts.length]}/entries`,
        headers: { ...staff[w]!, 'content-type': 'application/json' },
        body: entry(),
      };
    },
    onFailure: (status, body) => {
      const key = `${status} ${body.slice(0, 160)}`;
      failures.set(key, (failures.get(key) ?? 0) + 1);
    },
  }),
);
sampling = false;
await sampler;

// The same entries through the service alone, in this process: no HTTP, no session, no answer
// serialised — what the route costs beyond its own look-up, validation and write.
const {
  rows: [staffUser],
} = await pool.query<{ id: string; region_id: string; region_path: string }>(
  `SELECT id, region_id, region_path::text FROM app_user WHERE username = 'bench-staff-0'`,
);
const actor: Actor = {
  userId: staffUser!.id,
  username: 'bench-staff-0',
  displayName: '压测',
  role: 'checkpointStaff',
  regionId: staffUser!.region_id,
  scopePath: staffUser!.region_path,
  ip: '127.0.0.1',
  userAgent: 'bench',
  locale: 'zh-CN',
};
const service = checkpointEntriesService(createDb(pool), () => new Date());
await settle(pool);
const { result: serviceWrites, cpu: serviceCpu } = await measureCpu(undefined, () =>
  loop(connections, seconds, (w) =>
    service.create(actor, posts[w % posts.length]!, createEntryBody.parse(JSON.parse(entry()))).then((r) => r.created),
  ),
);
// Entries posted together share their session read, look-up and write (db/batcher.ts).
console.log(
  `transactions per entry during the writes: ${(((await commits()) - commitsBefore) / (writes.rate * seconds)).toFixed(2)}`,
);
console.log(
  `server connections during writes (samples × connections): ${[...waits]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ')}`,
);
for (const [k, n] of failures) console.log(`entry write failure × ${n}: ${k}`);

// What each request costs the three parties sharing the cores, and what 0.7 × INSERT would ask of them.
const cores = os.cpus().length;
const target = 0.7 * inserts.rate;
/** The CPU an entry may use at the target rate, against what its parts measured here. */
function budgetLine() {
  const us = (cores: number, rate: number) => (cores / rate) * 1e6;
  const budget = us(cores, target);
  const postgres = us(serviceCpu.postgres, serviceWrites.rate);
  const http = us(bareBatchedCpu.server + bareBatchedCpu.loadGenerator, bareBatched.rate);
  const js = us(serviceCpu.loadGenerator, serviceWrites.rate);
  const route = us(writesCpu.loadGenerator + writesCpu.server + writesCpu.postgres, writes.rate);
  const f = (x: number) => `${Math.round(x)} µs`;
  return `At 0.7 × INSERT (${Math.round(target)} entries/s) the ${cores} cores give each entry ${f(budget)} of CPU in all. PostgreSQL's work for one entry (the service alone, up to ${connections} per statement): ${f(postgres)}; the bare grouped route's HTTP, server and load generator: ${f(http)}; left for the entry's own JavaScript: ${f(budget - postgres - http)} (the service alone uses ${f(js)}, making and parsing the test body included). The route as it is: ${f(route)} per entry.`;
}
const cpuTable = `
| ${connections} clients | per second | ${describeCpu.header} |
|---|---|---|---|---|---|---|
${[
  ['PostgreSQL single-row INSERT (the client is the load generator)', inserts, insertsCpu],
  ['bare POST, one INSERT per request', bareWrites, bareWritesCpu],
  ['bare POST, the bodies posted together in one INSERT', bareBatched, bareBatchedCpu],
  ['POST /api/v1/checkpoints/:id/entries', writes, writesCpu],
  ['the entry service alone (its JavaScript is the load generator column)', serviceWrites, serviceCpu],
]
  .map(
    ([name, r, cpu]) =>
      `| ${name} | ${Math.round((r as { rate: number }).rate)} | ${describeCpu(cpu as CpuUse, (r as { rate: number }).rate)} |`,
  )
  .join('\n')}

${budgetLine()}`;
console.log(cpuTable);

if (args['writes-only']) {
  console.log(
    `writes: ${JSON.stringify(writes)}; ratio ${(writes.rate / inserts.rate).toFixed(2)} × INSERT ${Math.round(inserts.rate)}/s; bare route + one INSERT ${JSON.stringify(bareWrites)} = ${(bareWrites.rate / inserts.rate).toFixed(2)} × INSERT; batched ${JSON.stringify(bareBatched)} = ${(bareBatched.rate / inserts.rate).toFixed(2)} × INSERT; service alone ${JSON.stringify(serviceWrites)} = ${(serviceWrites.rate / inserts.rate).toFixed(2)} × INSERT; bare GET ${JSON.stringify(bareRoute)} = ${(bareRoute.rate / inserts.rate).toFixed(2)} × INSERT`,
  );
  await stop(server);
  await database.close();
  process.exit(0);
}
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const weekAgo = new Date(Date.now() + 8 * 3_600_000 - 6 * 86_400_000).toISOString().slice(0, 10);
const statsUrl = (q: string) => `${base}/api/v1/checkpoint-stats?from=${weekAgo}&to=${today}&${q}`;
const get = (url: string) => () =>
  fetch(url, { headers: commander }).then(async (r) => {
    await r.arrayBuffer();
    return r.ok;
  });
const statsCounty = await loop(connections, seconds, get(statsUrl('by=township&bucket=day')));
const statsEight = await loop(8, seconds, get(statsUrl('by=township&bucket=day')));
const statsCheckpoints = await loop(connections, seconds, get(statsUrl('by=checkpoint&bucket=total')));
const statsSerial = await loop(1, seconds, get(statsUrl('by=township&bucket=day')));
const meSerial = await loop(1, seconds, get(`${base}/api/auth/me`));
const writeSerial = await loop(1, seconds, post);
await stop(server);
await database.close();

const ms = (x: number) => x.toFixed(1);
const row = (
  name: string,
  r: { rate: number; p50: number; p99: number; errors: number; p95?: number; p975?: number },
  ratio: string,
) =>
  `| ${name} | ${Math.round(r.rate)} | ${ratio} | ${ms(r.p50)} | ${r.p95 === undefined ? '—' : ms(r.p95)} | ${ms(r.p99)} | ${r.errors} |`;
console.log(`
Machine: ${machine}
Run: ${new Date().toISOString()}, ${connections} concurrent clients, ${seconds} s each
Stored: ${stored!.entries} entries, ${stored!.occupants} occupants, ${stored!.stats} hourly rollup rows over 90 days at ${connections + 23} checkpoints (loaded in ${loadSeconds.toFixed(0)} s)

| what | per second | ratio | p50 ms | p95 ms | p99 ms | errors |
|---|---|---|---|---|---|---|
${row('ceiling: PostgreSQL single-row INSERT', { ...inserts, p95: undefined }, '1.00')}
${row('ceiling: bare Fastify GET answering a constant (p97.5 in the p95 column)', { ...bareRoute, p95: bareRoute.p975 }, `${(bareRoute.rate / inserts.rate).toFixed(2)} × INSERT`)}
${row('ceiling: bare Fastify route + one INSERT per request, same body (p97.5 in the p95 column)', { ...bareWrites, p95: bareWrites.p975 }, `${(bareWrites.rate / inserts.rate).toFixed(2)} × INSERT`)}
${row("ceiling: the same, the bodies posted together written by one INSERT (the app's batcher)", { ...bareBatched, p95: bareBatched.p975 }, `${(bareBatched.rate / inserts.rate).toFixed(2)} × INSERT`)}
${row('POST /api/v1/checkpoints/:id/entries (car, 2 occupants; p97.5 in the p95 column)', { ...writes, p95: writes.p975 }, `**${(writes.rate / inserts.rate).toFixed(2)}** × INSERT`)}
${row('GET checkpoint-stats county by township × day, 7 days (64 clients)', statsCounty, '')}
${row('GET checkpoint-stats county by checkpoint, 7 days (64 clients)', statsCheckpoints, '')}
${row('GET checkpoint-stats county by township × day, 7 days (8 clients)', statsEight, '')}
${row('GET checkpoint-stats county by township × day, 7 days (1 client)', statsSerial, '')}
${row('the same entries through the service alone, in the bench process (no HTTP, session or answer)', serviceWrites, `${(serviceWrites.rate / inserts.rate).toFixed(2)} × INSERT`)}
${row('POST entries (1 client)', writeSerial, '')}
${row('GET /api/auth/me (1 client, baseline)', meSerial, '')}
`);
