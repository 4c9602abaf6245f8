import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import { runKeyPersonJobs } from './key-person-jobs.js';
import { runReportReminders } from './report-reminders.js';
import { expireExports } from '../modules/file-jobs/file-jobs.service.js';
import { purgeExpiredSessions } from '../auth/session.js';

/** A scheduled job: what it did, worth a log line, or null when it did nothing. */
export interface Job {
  name: string;
  run(db: Db, at: Date): Promise<Record<string, unknown> | null>;
}

const JOBS: Job[] = [
  {
    name: 'key-person jobs',
    run: async (db, at) => {
      const r = await runKeyPersonJobs(db, at);
      return r.ran && (r.overdue || r.toDoctor || r.toTownship || r.triageEscalated || r.leadsEscalated)
        ? { jobs: r }
        : null;
    },
  },
  {
    name: 'report reminders',
    run: async (db, at) => {
      const { reminded } = await runReportReminders(db, at);
      return reminded ? { reminded } : null;
    },
  },
  {
    name: 'export expiry',
    run: async (db, at) => {
      const expired = await expireExports(db, at);
      return expired ? { expired } : null;
    },
  },
  {
    name: 'session purge',
    run: async (db, at) => {
      const purged = await purgeExpiredSessions(db, at);
      return purged ? { purged } : null;
    },
  },
];

/**
 * Runs the scheduled jobs every `intervalMs` inside the server process, one after the other, each
 * whatever became of the one before. Returns `stop`, which clears the timer and waits for a run in
 * progress, so shutdown never cuts a transaction.
 */
export function startJobs(
  db: Db,
  log: Pick<FastifyBaseLogger, 'info' | 'error'>,
  intervalMs = 60_000,
  now = () => new Date(),
  jobs: Job[] = JOBS,
) {
  let running: Promise<unknown> | null = null;
  const runAll = async (at: Date) => {
    for (const job of jobs) {
      await job.run(db, at).then(
        (done) => {
          if (done) log.info(done, job.name);
        },
        (err: unknown) => log.error({ err }, `${job.name} failed`),
      );
    }
  };
  const tick = () => {
    if (running) return; // a slow run is never overlapped by the next one
    running = runAll(now()).finally(() => (running = null));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async function stop() {
    clearInterval(timer);
    await running;
  };
}
