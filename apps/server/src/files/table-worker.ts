// A parse worker (started by parse-workers.ts through parse-worker.mjs): reads one uploaded table
// at a time and answers its rows, or the Problem that refused it.
import { parentPort } from 'node:worker_threads';
import { Problem } from '../http/problem.js';
import { parseHeaders, parseTable } from './table-parse.js';
import type { ParseJob, ParseReply } from './parse-workers.js';

const ROWS_PER_MESSAGE = 2_000;

parentPort!.on('message', (job: ParseJob) => {
  const body = Buffer.from(job.body.buffer, job.body.byteOffset, job.body.byteLength);
  const read =
    job.kind === 'headers'
      ? parseHeaders(body, job.contentType, job.opts)
      : parseTable(body, job.contentType, job.opts);
  read.then(
    (result) => {
      // Rows go in parts, so that the request thread takes them in between other work.
      if (Array.isArray(result))
        for (let i = 0; i < result.length; i += ROWS_PER_MESSAGE)
          parentPort!.postMessage({ rows: result.slice(i, i + ROWS_PER_MESSAGE) } satisfies ParseReply);
      parentPort!.postMessage({ ok: true, result: Array.isArray(result) ? undefined : result } satisfies ParseReply);
    },
    (e: unknown) =>
      parentPort!.postMessage(
        (e instanceof Problem
          ? { ok: false, problem: { status: e.status, key: e.key, fields: e.fields, params: e.params } }
          : { ok: false, message: e instanceof Error ? (e.stack ?? e.message) : String(e) }) satisfies ParseReply,
      ),
  );
});
