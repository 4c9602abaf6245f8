import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.js';
import { runKeyPersonJobs } from './key-person-jobs.js';
import { runReportReminders } from './report-reminders.js';
import { expireExports } from '../modules/file-jobs/file-jobs.service.js';

/**
 * Runs the scheduled jobs every `intervalMs` inside the server process. Returns `stop`, which
 * clears the timer and waits for a run in progress, so shutdown never cuts a transaction.
 */
export function startJobs(db: Db, log: Pick<FastifyBaseLogger, 'info' | 'error'>, intervalMs = 60_000, now = () => new Date()) {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return; // a slow run is never overlapped by the next one
    const at = now();
    running = runKeyPersonJobs(db, at)
      .then((r) => { if (r.ran && (r.overdue || r.toDoctor || r.toTownship || r.triageEscalated || r.leadsEscalated)) log.info({ jobs: r }, 'key-person jobs'); })
      .catch((err: unknown) => log.error({ err }, 'key-person jobs failed'))
      .then(() => runReportReminders(db, at))
      .then((r) => { if (r.reminded) log.info({ reminded: r.reminded }, 'report reminders'); })
      .catch((err: unknown) => log.error({ err }, 'report reminders failed'))
      .then(() => expireExports(db, at))
      .then((n) => { if (n) log.info({ expired: n }, 'export files expired'); })
      .catch((err: unknown) => log.error({ err }, 'export expiry failed'))
      .finally(() => (running = null));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async function stop() {
    clearInterval(timer);
    await running;
  };
}
