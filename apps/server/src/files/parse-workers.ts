import { Worker } from 'node:worker_threads';
import { Problem, type FieldError } from '../http/problem.js';
import type { ReadOptions } from './table-parse.js';
import { withParseSlot } from './upload-slots.js';

/** A file for a parse worker to read: its header names, or its rows. */
export interface ParseJob {
  kind: 'headers' | 'table';
  body: Uint8Array;
  contentType: string;
  opts: ReadOptions;
}
export type ParseReply =
  | { rows: unknown[] }
  | { ok: true; result: unknown }
  | {
      ok: false;
      problem: { status: number; key: string; fields: FieldError[]; params?: Record<string, string | number> };
    }
  | { ok: false; message: string };

/** A worker's heap beyond which reading stops (the file is refused) instead of the server growing. */
const WORKER_HEAP_MB = 160;
/** An idle worker is ended after this long, giving its memory back. */
const IDLE_MS = 60_000;

const BOOT = new URL('./parse-worker.mjs', import.meta.url);
const ENTRY = new URL('./table-worker.ts', import.meta.url).href;

const idle: { worker: Worker; timer: NodeJS.Timeout }[] = [];

function takeWorker(): Worker {
  const kept = idle.pop();
  if (kept) {
    clearTimeout(kept.timer);
    return kept.worker;
  }
  const worker = new Worker(BOOT, {
    workerData: { entry: ENTRY },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  // A worker waiting for the next file never keeps the process alive; one that ends while idle is
  // forgotten (its error, if any, is answered by the read in progress, never thrown at the server).
  worker.unref();
  worker.on('error', () => {});
  worker.once('exit', () => {
    const i = idle.findIndex((w) => w.worker === worker);
    if (i >= 0) clearTimeout(idle.splice(i, 1)[0]!.timer);
  });
  return worker;
}

function giveBack(worker: Worker) {
  const timer = setTimeout(() => {
    const i = idle.findIndex((w) => w.worker === worker);
    if (i >= 0) idle.splice(i, 1);
    void worker.terminate();
  }, IDLE_MS);
  timer.unref();
  idle.push({ worker, timer });
}

/**
 * Reads an uploaded table in a worker thread, PARSE_SLOTS at a time (more wait, or 503), so
 * that the request thread keeps answering (/api/health, other users) while a big sheet is read.
 * The worker's own limits (size, rows, columns, cells) answer as they would in the request thread;
 * a worker that runs out of its heap is ended and the file refused.
 */
export function readInWorker<T>(job: ParseJob): Promise<T> {
  return withParseSlot(
    () =>
      new Promise<T>((resolve, reject) => {
        const worker = takeWorker();
        const settle = () => {
          worker.off('message', onMessage);
          worker.off('error', onError);
          worker.off('exit', onExit);
        };
        const rows: unknown[] = [];
        const onMessage = (reply: ParseReply) => {
          if ('rows' in reply) {
            for (const row of reply.rows) rows.push(row);
            return;
          }
          settle();
          giveBack(worker);
          if (reply.ok) resolve((reply.result === undefined ? rows : reply.result) as T);
          else if ('problem' in reply)
            reject(new Problem(reply.problem.status, reply.problem.key, reply.problem.fields, reply.problem.params));
          else reject(new Error(`parse worker: ${reply.message}`));
        };
        const onError = (e: Error & { code?: string }) => {
          settle();
          void worker.terminate();
          reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new Problem(413, 'upload.tooBig') : e);
        };
        const onExit = (code: number) => {
          settle();
          reject(new Error(`parse worker ended (${code})`));
        };
        worker.on('message', onMessage);
        worker.on('error', onError);
        worker.on('exit', onExit);
        worker.postMessage(job);
      }),
  );
}

/** Starts a parse worker ahead of the first file (tests that time a file, not a thread's start). */
export async function warmParseWorkers(): Promise<void> {
  await readInWorker({ kind: 'headers', body: Buffer.from('a\n'), contentType: 'text/csv', opts: {} });
}
