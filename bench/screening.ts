// Register and screening figures on the big county: coverage rollups of the county-wide demo round,
// household list pages, the 基础台账表 import (with dedupe) and the streamed export with the server's
// memory before and after.   npm run bench:screening -- [--persons 1000000] [--requests 200] [--import-rows 100000] [--data-dir DIR]
// --data-dir keeps the database in DIR and reuses a county already loaded there (loading takes minutes);
// then give each run its own --import-code (the ID numbers' region code) so its first import creates.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { makeIdNumber } from '@fangkong/domain';
import { freePort } from '../apps/server/src/db/embedded.js';
import { loadDemoCounty, DEMO_PASSWORD } from '../apps/server/src/demo/demo.js';
import { benchDatabase } from './lib/database.js';
import { serverMain, startProcess, stop, waitForUrl } from './lib/processes.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '1' },
    'import-rows': { type: 'string', default: '100000' },
    'data-dir': { type: 'string' },
    'import-code': { type: 'string', default: '510122' },
  },
});
const concurrency = Number(args.concurrency);
const persons = Number(args.persons);
const requests = Number(args.requests);
const importRows = Number(args['import-rows']);

const database = await benchDatabase({ name: 'screening', connections: 8, dataDir: args['data-dir'] });
const { pool, machine } = database;
const t0 = performance.now();
const loaded = args['data-dir']
  ? (await pool.query<{ persons: number }>('SELECT count(*)::int AS persons FROM person')).rows[0]!.persons
  : 0;
const counts =
  loaded >= persons ? { persons: loaded, reused: true } : await loadDemoCounty(pool, { persons, reset: true });
const loadSeconds = (performance.now() - t0) / 1000;
const {
  rows: [facts],
} = await pool.query<{ round: string; county: string; village: string; households: number; visits: number }>(
  `SELECT (SELECT id FROM screening_round LIMIT 1) AS round, (SELECT id FROM region WHERE level = 'county') AS county,
          (SELECT id FROM region WHERE level = 'village' ORDER BY code LIMIT 1) AS village,
          (SELECT count(*) FROM household)::int AS households, (SELECT count(*) FROM visit)::int AS visits`,
);
console.log(
  `machine: ${machine}\ncounty: ${JSON.stringify(counts)}, ${facts!.visits} visits, loaded in ${loadSeconds.toFixed(1)} s`,
);

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
// The system administrator reads no personal data (三员分立): a county-wide field account does the work.
await pool.query(`INSERT INTO app_user (id, username, display_name, password_hash, role, region_id, region_path)
  SELECT gen_random_uuid(), 'bench-county-officer', '压测', password_hash, 'townshipOfficer', region_id, region_path FROM app_user WHERE username = 'admin'
  ON CONFLICT (username) DO NOTHING`);
const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'bench-county-officer', password: DEMO_PASSWORD }),
});
const { csrfToken } = (await login.json()) as { csrfToken: string };
const headers = {
  cookie: login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; '),
  'x-csrf-token': csrfToken,
};

/** p50/p95/max of `requests` GETs, `concurrency` at a time, after 5 warm-up calls. */
async function latency(url: string) {
  for (let i = 0; i < 3; i++) await (await fetch(base + url, { headers })).arrayBuffer();
  const times: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) {
        const s = performance.now();
        const res = await fetch(base + url, { headers });
        await res.arrayBuffer();
        if (!res.ok) throw new Error(`${url}: ${res.status}`);
        times.push(performance.now() - s);
      }
    }),
  );
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
  return `p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

const lines: string[] = [];
const say = (s: string) => {
  console.log(s);
  lines.push(`- ${s}`);
};
say(
  `coverage, whole county (totals + per township): ${await latency(`/api/v1/screening/rounds/${facts!.round}/coverage`)}`,
);
say(
  `coverage, one village (per grid): ${await latency(`/api/v1/screening/rounds/${facts!.round}/coverage?regionId=${facts!.village}`)}`,
);
say(
  `missing households of the county, page 1 of 20: ${await latency(`/api/v1/screening/rounds/${facts!.round}/households?state=missing`)}`,
);
say(`household list, county, page 1 of 20: ${await latency('/api/v1/households')}`);
say(`household list, county, page 100 of 20: ${await latency('/api/v1/households?page=100')}`);
say(`person list, county, page 1 of 20: ${await latency('/api/v1/persons')}`);
say(`person search by the last 4 digits of an ID number: ${await latency('/api/v1/persons?q=1234')}`);

// Import: rows for new households in the first village, then the same file again (all linked).
const {
  rows: [village],
} = await pool.query<{ code: string }>("SELECT code FROM region WHERE level = 'village' ORDER BY code LIMIT 1");
const csv = ['所属区划代码,地址,姓名,身份证号,出生日期'];
for (let i = 0; i < importRows; i++) {
  // Unique numbers: one birth day per 500 people, the sequence tells them apart (parity = sex).
  const birthDate = new Date(Date.UTC(1950, 0, 1) + Math.floor(i / 500) * 86_400_000).toISOString().slice(0, 10);
  const id = makeIdNumber({ regionCode: args['import-code'], birthDate, sequence: (i % 500) * 2, sex: 'female' });
  csv.push(`${village!.code},导入${args['import-code']}-${Math.floor(i / 3)}号,导入人${i},${id},`);
}
const body = csv.join('\n');
for (const pass of ['first import', 're-import (dedupe, creates nothing)']) {
  const s = performance.now();
  const res = await fetch(`${base}/api/v1/persons/import`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'text/csv' },
    body,
  });
  // The import runs as a job: poll it until it ends, as the page does.
  const { id } = (await res.json()) as { id: string };
  let job: {
    status: string;
    error: string | null;
    result: { rows: number; accepted: number; createdPersons: number; linked: number; errors: unknown[] };
  };
  do {
    await new Promise((done) => setTimeout(done, 100));
    job = (await (await fetch(`${base}/api/v1/jobs/${id}`, { headers })).json()) as typeof job;
  } while (job.status === 'queued' || job.status === 'running');
  if (job.status !== 'done') throw new Error(`import job failed: ${job.error}`);
  const r = job.result;
  const secs = (performance.now() - s) / 1000;
  say(
    `${pass} of ${r.rows} rows: ${r.accepted} accepted, ${r.createdPersons} created, ${r.linked} linked, ${r.errors.length} errors in ${secs.toFixed(1)} s = ${Math.round(r.rows / secs)} rows/s`,
  );
}

// Export: the whole county streamed; the server's resident memory before and after.
const rss = async () =>
  Number(/process_resident_memory_bytes (\d+)/.exec(await (await fetch(`${base}/metrics`)).text())?.[1] ?? 0) / 2 ** 20;
const before = await rss();
const s = performance.now();
const res = await fetch(`${base}/api/v1/persons/export`, { headers });
let bytes = 0;
let peak = before;
let lastProbe = 0;
for await (const chunk of res.body!) {
  bytes += (chunk as Uint8Array).length;
  if (performance.now() - lastProbe > 1000) {
    lastProbe = performance.now();
    peak = Math.max(peak, await rss());
  }
}
say(
  `export of ${persons + importRows} persons: ${(bytes / 2 ** 20).toFixed(1)} MB xlsx in ${((performance.now() - s) / 1000).toFixed(1)} s; server RSS ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB during`,
);

await stop(server);
await database.close();
const report = [
  `Machine: ${machine}`,
  `Run: ${new Date().toISOString()}; county ${counts.persons} persons, ${facts!.households} households, ${facts!.visits} visits; ${requests} requests per route, ${concurrency} at a time`,
  '',
  ...lines,
].join('\n');
await mkdir(path.join(import.meta.dirname, 'results'), { recursive: true });
await writeFile(path.join(import.meta.dirname, 'results', 'screening-latest.md'), `${report}\n`);
console.log(`\n${report}`);
