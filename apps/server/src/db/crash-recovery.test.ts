import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { computeIdCheckDigit } from '@fangkong/domain';
import { uuidv7 } from './ids.js';
import { freePort } from './embedded.js';

// The real server in its own process on its own embedded PostgreSQL, as `npm start` runs it:
// killed with SIGKILL under a write load, then its PostgreSQL killed the same way. Every entry
// the load made, answered or not, is replayed with its client id (as the offline outbox does);
// afterwards each is stored exactly once.
const serverDir = path.resolve(import.meta.dirname, '../..');
const ID_NUMBER = `51012119800101001${computeIdCheckDigit('51012119800101001')}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

interface Running {
  child: ChildProcess;
  log: string[];
  base: string;
}

function startServer(dataDir: string, port: number): Running {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    FANGKONG_DATA_DIR: dataDir,
    FANGKONG_DEMO: 'on',
    FANGKONG_DEMO_PERSONS: '200',
    FANGKONG_WEB_DIR: '/nonexistent',
    LOG_LEVEL: 'info',
    JOBS_INTERVAL_SECONDS: '3600',
  };
  delete env.DATABASE_URL;
  // `node --import tsx`, not the tsx CLI: one process, so SIGKILL reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout!.on('data', (d: Buffer) => log.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => log.push(d.toString()));
  return { child, log, base: `http://127.0.0.1:${port}` };
}

async function health(base: string): Promise<{ status: number; database?: string }> {
  try {
    const r = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3000) });
    return { status: r.status, database: ((await r.json()) as { database: string }).database };
  } catch {
    return { status: 0 };
  }
}

async function waitHealthy(server: Running, timeoutMs = 180_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.child.exitCode !== null)
      throw new Error(`server exited (${server.child.exitCode}):\n${server.log.join('')}`);
    if ((await health(server.base)).status === 200) return;
    await sleep(250);
  }
  throw new Error(`server did not come up:\n${server.log.join('')}`);
}

async function login(base: string) {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'checkpoint', password: 'fangkong-demo' }),
  });
  if (r.status !== 200) throw new Error(`login: ${r.status} ${await r.text()}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

async function postmasterPid(dataDir: string) {
  return Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

describe('crash recovery', () => {
  const dirs: string[] = [];
  const servers: Running[] = [];
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null) s.child.kill('SIGTERM');
    await sleep(3000);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('loses and duplicates no entry when the server, then its PostgreSQL, is killed with -9 under load', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'fangkong-crash-'));
    dirs.push(dataDir);
    await chmod(dataDir, 0o755); // as root, PostgreSQL runs as `postgres` and must reach its data
    const port = await freePort();

    const sent = new Map<string, Record<string, unknown>>(); // every entry made, answered or not: the outbox
    const answered = new Set<string>();
    const statuses: number[] = [];
    let headers: Record<string, string> = {};
    let checkpointId = '';
    let base = '';
    const post = (body: Record<string, unknown>) =>
      fetch(`${base}/api/v1/checkpoints/${checkpointId}/entries`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
    /** Writers with client ids until `done()`; a failed write stays in `sent` for the replay. */
    const load = (done: () => boolean, writers = 4) =>
      Promise.all(
        Array.from({ length: writers }, async () => {
          while (!done()) {
            const body = {
              id: uuidv7(),
              kind: 'pedestrian',
              direction: 'in',
              decision: 'pass',
              origin: '成都市',
              recordedAt: new Date().toISOString(),
              occupants: [{ idNumber: ID_NUMBER, name: '测试', temperature: '36.5' }],
            };
            sent.set(body.id, body);
            const status = await post(body).then(
              (r) => r.status,
              () => 0,
            );
            statuses.push(status);
            if (status === 200 || status === 201) answered.add(body.id);
            else await sleep(50);
          }
        }),
      );

    // 1. Up, then SIGKILL of the server in the middle of writes: its PostgreSQL stays behind.
    let server = startServer(dataDir, port);
    servers.push(server);
    base = server.base;
    await waitHealthy(server);
    headers = await login(base);
    checkpointId = (
      (await (await fetch(`${base}/api/v1/checkpoints`, { headers })).json()) as { items: { id: string }[] }
    ).items[0]!.id;
    const countAt = async () =>
      (
        (await (await fetch(`${base}/api/v1/checkpoints/${checkpointId}/entries?pageSize=1`, { headers })).json()) as {
          total: number;
        }
      ).total;
    const demoEntries = await countAt();
    let killed = false;
    await Promise.all([
      load(() => killed),
      (async () => {
        while (answered.size < 40) await sleep(20);
        server.child.kill('SIGKILL');
        killed = true;
      })(),
    ]);
    const orphan = await postmasterPid(dataDir);
    expect(alive(orphan)).toBe(true);

    // 2. The same start command again comes up with no manual step: it stops the orphan.
    server = startServer(dataDir, port);
    servers.push(server);
    await waitHealthy(server);
    expect(server.log.join('')).toContain(`stopping PostgreSQL (process ${orphan})`);
    expect(alive(orphan)).toBe(false);
    headers = await login(base);

    // 3. SIGKILL of PostgreSQL under writes: the server stays up, answers 503, restarts it.
    let stopLoad = false;
    const seenHealth: string[] = [];
    const before = answered.size;
    await Promise.all([
      load(() => stopLoad),
      (async () => {
        while (answered.size < before + 40) await sleep(20);
        process.kill(await postmasterPid(dataDir), 'SIGKILL');
        const until = Date.now() + 120_000;
        for (;;) {
          const h = await health(base);
          seenHealth.push(h.database ?? String(h.status));
          if (seenHealth.includes('down') && h.status === 200) break;
          if (Date.now() > until)
            throw new Error(`PostgreSQL did not come back: ${seenHealth.join(',')}\n${server.log.join('')}`);
          await sleep(100);
        }
        const after = answered.size;
        while (answered.size < after + 20) await sleep(20);
        stopLoad = true;
      })(),
    ]);
    expect(server.child.exitCode).toBeNull();
    expect(seenHealth).toContain('down');
    expect(statuses).toContain(503);
    expect(statuses.filter((s) => s !== 0 && s !== 200 && s !== 201 && s !== 503)).toEqual([]);

    // 4. The replay of everything sent: each stored once, nothing lost.
    for (const body of sent.values()) {
      const r = await post(body);
      expect([200, 201]).toContain(r.status);
      expect(((await r.json()) as { id: string }).id).toBe(body.id);
    }
    const stored = new Set<string>();
    let total = -1;
    for (let page = 1; total < 0 || stored.size < total; page++) {
      const r = (await (
        await fetch(`${base}/api/v1/checkpoints/${checkpointId}/entries?pageSize=200&page=${page}`, { headers })
      ).json()) as { items: { id: string }[]; total: number };
      total = r.total;
      if (!r.items.length) break;
      r.items.forEach((e) => stored.add(e.id));
    }
    const lost = [...sent.keys()].filter((id) => !stored.has(id));
    expect(lost).toEqual([]);
    expect(total).toBe(demoEntries + sent.size); // no entry twice, none that was not sent
    expect(await countAt()).toBe(demoEntries + sent.size);

    // 5. A clean stop leaves no PostgreSQL behind.
    const pgPid = await postmasterPid(dataDir);
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
    for (let i = 0; i < 50 && alive(pgPid); i++) await sleep(100);
    expect(alive(pgPid)).toBe(false);
  }, 600_000);
});
