// Key-person benchmarks (issue 4) on the demo county plus 50,000 key persons and 1,400,000 checks:
// the line lists and their counts for the whole county, health checks recorded by 32 concurrent
// clients as a ratio to PostgreSQL's own single-row INSERT in the same run, and a 10,000-row upstream
// list (协查通报) imported with matching.
//   npm run bench:key-persons -- [--persons 100000] [--key-persons 50000] [--checks 1400000] [--requests 50] [--seconds 10] [--connections 32] [--list-rows 10000]
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { makeIdNumber } from '@fangkong/domain';
import { freePort } from '../apps/server/src/db/embedded.js';
import { loadDemoCounty, DEMO_PASSWORD } from '../apps/server/src/demo/demo.js';
import { httpPostLoad, pacedPostLoad, pgInsertLoad, settle } from './lib/load.js';
import { benchDatabase } from './lib/database.js';
import { serverMain, startProcess, stop, waitForUrl } from './lib/processes.js';
import { loop, type LoopResult } from './lib/checkpoint-data.js';
import { loadKeyPersonHistory } from './lib/key-person-data.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '100000' },
    'key-persons': { type: 'string', default: '50000' },
    checks: { type: 'string', default: '1400000' },
    requests: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    'list-rows': { type: 'string', default: '10000' },
  },
});
const connections = Number(args.connections);
const seconds = Number(args.seconds);
const requests = Number(args.requests);
const listRows = Number(args['list-rows']);

const database = await benchDatabase({ name: 'kp', connections });
const { pool, machine } = database;
console.log(`machine: ${machine}`);
const t0 = performance.now();
const county = await loadDemoCounty(pool, { persons: Number(args.persons), reset: true });
const stored = await loadKeyPersonHistory(pool, {
  keyPersons: Number(args['key-persons']),
  checks: Number(args.checks),
});
const loadSeconds = (performance.now() - t0) / 1000;
console.log(`county ${county.persons} persons; stored: ${JSON.stringify(stored)} in ${loadSeconds.toFixed(0)} s`);
// Windows that cover the whole day, so a slot is open whatever the hour of the run (the county sets them).
await pool.query(`INSERT INTO county_setting (region_id, region_path, section, value)
  SELECT id, path, 'policy', '{"slotWindows":{"am":{"opens":"00:00","closes":"12:00"},"pm":{"opens":"12:00","closes":"24:00"}}}'::jsonb FROM region WHERE level = 'county'
  ON CONFLICT (region_id, section) DO UPDATE SET value = county_setting.value || excluded.value`);
const slot = (
  await pool.query<{ slot: string }>(
    `SELECT CASE WHEN extract(hour FROM now() AT TIME ZONE 'Asia/Shanghai') < 12 THEN 'am' ELSE 'pm' END AS slot`,
  )
).rows[0]!.slot;
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
// Files still owing the open slot: the queue the check writers take from.
const { rows: due } = await pool.query<{ id: string }>(
  `SELECT k.id FROM key_person k WHERE k.status = 'active' AND k.start_date <= $1::date AND k.planned_end_date >= $1::date
  AND NOT EXISTS (SELECT 1 FROM health_check h WHERE h.key_person_id = k.id AND h.day = $1::date AND h.slot = $2) ORDER BY md5(k.id::text)`,
  [today, slot],
);
await pool.query(
  `INSERT INTO app_user (id, username, display_name, password_hash, role, region_id, region_path)
  SELECT gen_random_uuid(), 'bench-doctor-' || g, '压测医生' || g, u.password_hash, 'doctor', u.region_id, u.region_path
    FROM app_user u, generate_series(0, $1::int - 1) g WHERE u.username = 'county'`,
  [connections],
);

await settle(pool, { vacuum: true });
const inserts = await pgInsertLoad(pool, connections, seconds);

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
const commander = await login('county');
const doctors = await Promise.all(Array.from({ length: connections }, (_, w) => login(`bench-doctor-${w}`)));

/** p50/p95/max of `requests` GETs one at a time, after 3 warm-up calls. */
async function latency(url: string) {
  const get = () =>
    fetch(base + url, { headers: commander }).then(async (r) => {
      await r.arrayBuffer();
      if (!r.ok) throw new Error(`${url}: ${r.status}`);
    });
  for (let i = 0; i < 3; i++) await get();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const s = performance.now();
    await get();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: at(1) };
}
const reads: [string, Awaited<ReturnType<typeof latency>>][] = [];
const counts = (await (await fetch(`${base}/api/v1/key-persons/line-lists`, { headers: commander })).json()) as Record<
  string,
  number
>;
reads.push([
  'counts of every line list (GET /key-persons/line-lists)',
  await latency('/api/v1/key-persons/line-lists'),
]);
for (const list of ['dueNow', 'overdue', 'fever', 'endingToday', 'released', 'lostToFollowUp', 'incompleteTeam'])
  reads.push([`line list ${list}, page 1 (${counts[list]} on it)`, await latency(`/api/v1/key-persons?list=${list}`)]);
reads.push(['all key persons, page 1', await latency('/api/v1/key-persons')]);

// Checks: each client a doctor recording the open slot of the next file that owes it.
let next = 0;
const failures = new Map<string, number>();
const record = (w: number) => {
  const keyPersonId = due[next++ % due.length]!.id;
  return fetch(`${base}/api/v1/health-checks`, {
    method: 'POST',
    headers: { ...doctors[w]!, 'content-type': 'application/json' },
    body: JSON.stringify({ id: uuidv7(), keyPersonId, day: today, slot, temperature: 36.5, measuredBy: 'doctor' }),
  }).then(async (r) => {
    const text = await r.text();
    if (r.status !== 201)
      failures.set(`${r.status} ${text.slice(0, 160)}`, (failures.get(`${r.status} ${text.slice(0, 160)}`) ?? 0) + 1);
    return r.status === 201;
  });
};
await loop(connections, 2, record); // warm-up
// The measured load comes from autocannon: fetch cost the load generator as much CPU as the server.
const checkRequest = () => ({
  path: '/api/v1/health-checks',
  headers: { ...doctors[next % connections]!, 'content-type': 'application/json' },
  body: JSON.stringify({
    id: uuidv7(),
    keyPersonId: due[next++ % due.length]!.id,
    day: today,
    slot,
    temperature: 36.5,
    measuredBy: 'doctor',
  }),
});
const onFailure = (status: number, body: string) =>
  failures.set(`${status} ${body.slice(0, 160)}`, (failures.get(`${status} ${body.slice(0, 160)}`) ?? 0) + 1);
// The open slot of each file can be checked once, so the runs share out the files still owing it:
// the paced run goes first (before the saturating run leaves autovacuum and checkpoints behind it),
// the one-client run keeps its share, the saturating run takes the rest and stops.
// 32 doctors each submitting a check every 100 ms: far above a county's real peak (20,000 files,
// two checks a day), but not saturating, so it measures the latency a doctor sees at the busiest.
const PACED_PER_CLIENT = 10;
const pacedSeconds = 8;
await settle(pool);
const paced = await pacedPostLoad({
  url: base,
  clients: connections,
  seconds: pacedSeconds,
  warmupSeconds: 2,
  ratePerClient: PACED_PER_CLIENT,
  next: checkRequest,
  onFailure,
});
await settle(pool);
const writes = await httpPostLoad({
  url: base,
  connections,
  seconds,
  amount: Math.max(connections, due.length - next - 1_500),
  next: checkRequest,
  onFailure,
});
const writeSerial = await loop(1, Math.min(seconds, 3), record);
for (const [k, n] of failures) console.log(`check write failure × ${n}: ${k}`);
if (next > due.length)
  console.log(`warning: ${next} writes for ${due.length} open slots; the later ones were refused as filled`);

// The upstream list: 70% by ID number, 20% by name + phone only, 10% nobody in the register.
const { rows: byId } = await pool.query<{ name: string; id_number: string }>(
  'SELECT name, id_number FROM person WHERE id_number IS NOT NULL ORDER BY md5(id::text) LIMIT $1',
  [Math.round(listRows * 0.7)],
);
const { rows: byPhone } = await pool.query<{ name: string; phone: string }>(
  `SELECT name, phone FROM person WHERE phone IS NOT NULL AND id_number <> ALL($2::text[])
  GROUP BY name, phone HAVING count(*) = 1 ORDER BY md5(name || phone) LIMIT $1`,
  [Math.round(listRows * 0.2), byId.map((r) => r.id_number)],
);
const csv = ['序号,姓名,身份证号,手机号,现居住地址,批次号'];
byId.forEach((p) => csv.push(`${csv.length},${p.name},${p.id_number},,,B1`));
byPhone.forEach((p) => csv.push(`${csv.length},${p.name},,${p.phone},,B1`));
for (let i = 0; csv.length <= listRows; i++) {
  const birthDate = new Date(Date.UTC(1960, 0, 1) + Math.floor(i / 500) * 86_400_000).toISOString().slice(0, 10);
  csv.push(
    `${csv.length},外来人员${i},${makeIdNumber({ regionCode: '420106', birthDate, sequence: (i % 500) * 2, sex: 'female' })},,武汉市,B1`,
  );
}
const imports: string[] = [];
for (const [pass, issuer] of [
  ['first list', '县卫健局'],
  ['the same list from a second issuer (all merged)', '县公安局'],
] as const) {
  const s = performance.now();
  const res = await fetch(`${base}/api/v1/leads/import?issuer=${encodeURIComponent(issuer)}`, {
    method: 'POST',
    headers: { ...commander, 'content-type': 'text/csv' },
    body: csv.join('\n'),
  });
  const r = (await res.json()) as {
    rows: number;
    matched: number;
    unmatched: number;
    created: number;
    merged: number;
    errors: unknown[];
  };
  const secs = (performance.now() - s) / 1000;
  imports.push(
    `| ${pass}: ${r.rows} rows | ${r.matched} matched, ${r.unmatched} unmatched, ${r.created} created, ${r.merged} merged, ${r.errors.length} errors | **${secs.toFixed(2)} s** |`,
  );
  if (r.errors.length) console.log(JSON.stringify(r.errors.slice(0, 3)));
}
await stop(server);
await database.close();

const ms = (x: number) => x.toFixed(1);
const w = (name: string, r: LoopResult, ratio: string) =>
  `| ${name} | ${Math.round(r.rate)} | ${ratio} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} |`;
console.log(`
Machine: ${machine}
Run: ${new Date().toISOString()}; county ${county.persons} persons; ${stored.keyPersons} key persons (${stored.active} active), ${stored.checks} checks, ${stored.officers} officers, ${stored.alerts} open overdue alerts, ${stored.triage} open triage tasks (loaded in ${loadSeconds.toFixed(0)} s)

| read, whole county, one at a time (${requests} requests) | p50 ms | p95 ms | max ms |
|---|---|---|---|
${reads.map(([name, r]) => `| ${name} | ${ms(r.p50)} | **${ms(r.p95)}** | ${ms(r.max)} |`).join('\n')}

| write | per second | ratio | p50 ms | p95 ms | p99 ms | errors |
|---|---|---|---|---|---|---|
${w(`ceiling: PostgreSQL single-row INSERT (${connections} clients)`, { ...inserts, p95: inserts.p975 }, '1.00')}
${w(`POST /api/v1/health-checks (${connections} clients, one doctor each)`, { ...writes, p95: writes.p975 }, `**${(writes.rate / inserts.rate).toFixed(2)}** × INSERT`)}
${w(`POST /api/v1/health-checks (${connections} clients, each ${PACED_PER_CLIENT}/s)`, { ...paced, p95: paced.p975 }, '')}
${w('POST /api/v1/health-checks (1 client)', writeSerial, '')}

(the p95 column of the INSERT row and of the concurrent checks is their p97.5; the first checks row saturates the server, the second paces each client)

| upstream list import (CSV) | result | time |
|---|---|---|
${imports.join('\n')}
`);
