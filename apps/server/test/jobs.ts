// Imports run as jobs: these helpers start one and wait for its end, as the web page does by polling.
import type { App } from '../src/app.js';

type Job = {
  id: string;
  status: string;
  done: number;
  total: number;
  result: Record<string, unknown> | null;
  error: string | null;
  finishedAt: string | null;
  expiresAt: string | null;
};

/** Polls the job until it is done or failed; `seen` collects each `done` read on the way. */
export async function waitForJob(
  app: App,
  headers: Record<string, string>,
  id: string,
  seen: number[] = [],
): Promise<Job> {
  for (let i = 0; i < 2000; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers });
    if (res.statusCode !== 200) throw new Error(`GET job ${id}: ${res.statusCode} ${res.body}`);
    const job = res.json<Job>();
    seen.push(job.done);
    if (job.status === 'done' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`job ${id} did not finish`);
}

/**
 * POSTs a 基础台账表 and, when the job starts (202), waits for it: answers like the import used to,
 * 200 with the import result, or the refusal itself (415, 422) when no job was started.
 */
export async function importLedgerAndWait(
  app: App,
  headers: Record<string, string>,
  body: Buffer | string,
  contentType: string,
  query = '',
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/persons/import${query}`,
    payload: body,
    headers: { ...headers, 'content-type': contentType },
  });
  if (res.statusCode !== 202) return { statusCode: res.statusCode, json: () => res.json(), job: undefined };
  const job = await waitForJob(app, headers, res.json<{ id: string }>().id);
  return { statusCode: job.status === 'done' ? 200 : 500, json: () => job.result as any, job };
}
