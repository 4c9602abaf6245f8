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
export async function httpLoad(opts: { url: string; connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const r = await autocannon({ url: opts.url, connections: opts.connections, duration: opts.seconds, headers: opts.headers });
  return { rate: r.requests.average, p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99, errors: r.errors + r.non2xx };
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
    requests: [{
      method: 'POST',
      setupRequest: (req) => ({ ...req, ...opts.next() }),
      onResponse: (status, body) => {
        if (status >= 300) opts.onFailure?.(status, body);
      },
    }],
  });
  return { rate: r.requests.total / r.duration, p50: r.latency.p50, p975: r.latency.p97_5, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/** PostgreSQL's own single-row insert rate: `concurrency` clients, one INSERT per round trip. */
export async function pgInsertLoad(pool: pg.Pool, concurrency: number, seconds: number): Promise<LoadResult> {
  await pool.query('CREATE TABLE IF NOT EXISTS bench_insert (id uuid PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), payload text NOT NULL)');
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
          await client.query('INSERT INTO bench_insert (id, payload) VALUES ($1, $2)', [randomUUID(), 'x'.repeat(64)]).catch(() => errors++);
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
