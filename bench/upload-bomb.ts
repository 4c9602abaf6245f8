// The spreadsheet bomb: an .xlsx of a few MB whose sheet unpacks to --sheet-mb MB, posted --uploads
// times at once by the grid worker to POST /api/v1/persons/import, while /api/health is asked every
// 100 ms; then a large sheet within the limits (--rows rows of the 基础台账表 as CSV), read in a parse
// worker. Prints each upload's answer and time, the server's peak RSS and the health latency.
//   npm run bench:uploads -- [--sheet-mb 300] [--uploads 3] [--rows 150000] [--persons 2000]
// Target (issue 15): answered 413 in seconds, server RSS ≤ 400 MB, /api/health answering throughout.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { freePort } from '../apps/server/src/db/embedded.js';
import { loadDemoCounty, DEMO_PASSWORD } from '../apps/server/src/demo/demo.js';
import { xlsxBomb } from '../apps/server/test/xlsx-bomb.js';
import { benchDatabase } from './lib/database.js';
import { serverMain, startProcess, stop, waitForUrl } from './lib/processes.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const { values: args } = parseArgs({
  options: {
    'sheet-mb': { type: 'string', default: '300' },
    uploads: { type: 'string', default: '3' },
    rows: { type: 'string', default: '150000' },
    persons: { type: 'string', default: '2000' },
  },
});
const sheetMb = Number(args['sheet-mb']);
const uploads = Number(args.uploads);

const t0 = performance.now();
const bomb = await xlsxBomb(sheetMb);
console.log(
  `bomb: ${(bomb.length / 2 ** 20).toFixed(1)} MB .xlsx unpacking to ${sheetMb} MB, made in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

const database = await benchDatabase({ name: 'uploads', connections: 4 });
await loadDemoCounty(database.pool, { persons: Number(args.persons), reset: true });
console.log(`machine: ${database.machine}`);
const port = await freePort();
const server = startProcess(
  serverMain,
  {
    DATABASE_URL: database.url,
    PORT: String(port),
    FANGKONG_DEMO: 'off',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    FANGKONG_WEB_DIR: '/nonexistent',
  },
  [],
);
const base = `http://127.0.0.1:${port}`;
try {
  await waitForUrl(`${base}/api/health`);
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'grid', password: DEMO_PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = {
    cookie: login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; '),
    'x-csrf-token': csrfToken,
  };

  // The server process itself (the tsx loader forks it): the child of the forked process, or it.
  const rssOf = async (pid: number) =>
    Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  const children = async (pid: number) =>
    (await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => ''))
      .split(' ')
      .filter(Boolean)
      .map(Number);
  const serverPid = (await children(server.pid!))[0] ?? server.pid!;
  /** Runs `work` while the server's RSS is sampled every 50 ms and /api/health asked every 100 ms. */
  async function during(label: string, work: () => Promise<string[]>) {
    const before = await rssOf(serverPid);
    let peak = before;
    let done = false;
    const health: number[] = [];
    let healthFailures = 0;
    const watch = (async () => {
      while (!done) {
        peak = Math.max(peak, await rssOf(serverPid).catch(() => 0));
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const probe = (async () => {
      while (!done) {
        const s = performance.now();
        const ok = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) health.push(performance.now() - s);
        else healthFailures++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const results = await work();
    await new Promise((r) => setTimeout(r, 500));
    done = true;
    await Promise.all([watch, probe]);
    health.sort((a, b) => a - b);
    const at = (q: number) => (health[Math.min(health.length - 1, Math.floor(q * health.length))] ?? NaN).toFixed(1);
    console.log(`— ${label}`);
    results.forEach((r) => console.log(`  ${r}`));
    console.log(`  server RSS: ${before.toFixed(0)} MB before, peak ${peak.toFixed(0)} MB during (target ≤ 400 MB)`);
    console.log(
      `  /api/health meanwhile: ${health.length} answers, p50 ${at(0.5)} ms, max ${at(1)} ms, ${healthFailures} failed`,
    );
  }
  const upload = async (body: Buffer, type: string) => {
    const s = performance.now();
    const res = await fetch(`${base}/api/v1/persons/import`, {
      method: 'POST',
      headers: { ...headers, 'content-type': type },
      body,
    });
    const answer = (await res.json()) as { title?: string };
    return `${res.status} in ${((performance.now() - s) / 1000).toFixed(2)} s: ${answer.title ?? JSON.stringify(answer)}`;
  };

  await during(`the bomb, ${uploads} at once`, () =>
    Promise.all(Array.from({ length: uploads }, (_, i) => upload(bomb, XLSX).then((r) => `upload ${i + 1}: ${r}`))),
  );
  // Rows of a village code that is not in the register: read whole, then each refused by the job, nothing written.
  const rows = Number(args.rows);
  const large = Buffer.from(
    `所属区划代码,地址,姓名,身份证号,联系电话\n${'510121999999,某村1号,张三,,13800138000\n'.repeat(rows)}`,
  );
  await during(
    `a sheet within the limits: ${rows} rows × 5 columns, ${(large.length / 2 ** 20).toFixed(1)} MB CSV`,
    async () => [`read and accepted: ${await upload(large, 'text/csv')}`],
  );
} finally {
  await stop(server);
  await database.close();
}
