import autocannon from 'autocannon';
import type pg from 'pg';
import { randomUUID } from 'node:crypto';

export interface LoadResult {
  rate: number;
  p50: number;
  p975: number;
  p99: number;
  errors: number;
}

/** HTTP load with autocannon: `connections` concurrent clients for `seconds`. */
export async function httpLoad(opts: {
  url: string;
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
}): Promise<LoadResult> {
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    headers: opts.headers,
  });
  return {
    rate: r.requests.average,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/**
 * POST load with autocannon: `connections` concurrent clients, each request built by `next`. The
 * load generator shares the cores with the server, and autocannon costs it a fraction of what
 * fetch does per request, so the server, not the generator, is what gets measured.
 */
export async function httpPostLoad(opts: {
  url: string;
  connections: number;
  seconds: number;
  /** Stop after this many requests instead (at most `seconds` still): for a finite queue of work. */
  amount?: number;
  /** Requests per second per client (paced, not as fast as the server answers). */
  ratePerConnection?: number;
  next: () => { path: string; headers: Record<string, string>; body: string };
  onFailure?: (status: number, body: string) => void;
}): Promise<LoadResult> {
  const r = await autocannon({
    url: opts.url,
    connections: opts.connections,
    duration: opts.seconds,
    ...(opts.amount ? { amount: opts.amount } : {}),
    ...(opts.ratePerConnection ? { connectionRate: opts.ratePerConnection } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => ({ ...req, ...opts.next() }),
        onResponse: (status, body) => {
          if (status >= 300) opts.onFailure?.(status, body);
        },
      },
    ],
  });
  return {
    rate: r.requests.total / r.duration,
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx,
  };
}

/** PostgreSQL's own single-row insert rate: `concurrency` clients, one INSERT per round trip. */
export async function pgInsertLoad(pool: pg.Pool, concurrency: number, seconds: number): Promise<LoadResult> {
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bench_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)',
  );
  await pool.query('TRUNCATE bench_insert');
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = await pool.connect();
      try {
        while (Date.now() < until) {
          const t0 = performance.now();
          await client
            .query('INSERT INTO bench_insert (id, payload) VALUES ($1, $2)', [randomUUID(), 'x'.repeat(64)])
            .catch(() => errors++);
          latencies.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  await pool.query('DROP TABLE bench_insert');
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { rate: latencies.length / seconds, p50: at(0.5), p975: at(0.975), p99: at(0.99), errors };
}

/**
 * Paced POST load as people make it: `clients` keep-alive connections, each sending one request
 * every 1/`ratePerClient` s from its own random phase, so the clients do not fire in step (timers
 * started together would, and a burst of all of them at once is not a load anyone sees). Latency
 * is measured per request, from send to the end of the answer.
 */
export async function pacedPostLoad(opts: {
  url: string;
  clients: number;
  seconds: number;
  ratePerClient: number;
  /** Sent first and not counted: the connections' first requests and the server's warm-up. */
  warmupSeconds?: number;
  next: () => { path: string; headers: Record<string, string>; body: string };
  onFailure?: (status: number, body: string) => void;
}): Promise<LoadResult> {
  const { request, Agent } = await import('node:http');
  const agent = new Agent({ keepAlive: true, maxSockets: opts.clients });
  const target = new URL(opts.url);
  const period = 1000 / opts.ratePerClient;
  const counted = performance.now() + (opts.warmupSeconds ?? 0) * 1000;
  const end = counted + opts.seconds * 1000;
  const times: number[] = [];
  let errors = 0;
  const send = () =>
    new Promise<void>((resolve) => {
      const { path, headers, body } = opts.next();
      const t0 = performance.now();
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path,
          method: 'POST',
          agent,
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            if (t0 >= counted) times.push(performance.now() - t0);
            if ((res.statusCode ?? 0) >= 300) {
              errors++;
              opts.onFailure?.(res.statusCode ?? 0, Buffer.concat(chunks).toString());
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const client = async () => {
    let due = performance.now() + Math.random() * period;
    while (due < end) {
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await send();
      due += period;
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const elapsed = (performance.now() - counted) / 1000;
  agent.destroy();
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 10) / 10;
  return { rate: times.length / elapsed, p50: at(0.5), p975: at(0.975), p99: at(0.99), errors };
}

/**
 * Leaves PostgreSQL quiet before a measurement, as a county's database is between two busy
 * minutes: after a bulk load (`vacuum`) the visibility map and statistics are brought up to date,
 * so autovacuum does not start in the middle of a run, and a checkpoint writes out the dirty
 * pages, so the next run's commits do not queue behind it. Applied to the INSERT ceiling as well.
 */
export async function settle(pool: pg.Pool, opts: { vacuum?: boolean } = {}): Promise<void> {
  if (opts.vacuum) await pool.query('VACUUM (ANALYZE)');
  await pool.query('CHECKPOINT');
}
