import pino from 'pino';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';
import { buildApp } from './app.js';
import { demoWanted, loadDemoIfEmpty } from './demo/demo.js';
import { startJobs } from './jobs/scheduler.js';
import { failInterruptedJobs } from './modules/file-jobs/file-jobs.service.js';

const config = loadConfig();
const logger = pino({ level: config.LOG_LEVEL });
const database = await openDatabase(config, (m) => logger.info(m));

if (demoWanted(config)) await loadDemoIfEmpty(database, { persons: config.FANGKONG_DEMO_PERSONS, log: (m) => logger.info(m) });

const interrupted = await failInterruptedJobs(database.db);
if (interrupted) logger.warn({ interrupted }, 'import/export jobs cut by the last shutdown marked failed');

const app = await buildApp({ db: database.db, config, logger });
let stopJobs: (() => Promise<void>) | null = null;
let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, 'shutting down');
  await stopJobs?.();
  await app.close();
  await database.close();
  logger.info('stopped cleanly');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

await app.listen({ host: config.HOST, port: config.PORT });
stopJobs = startJobs(database.db, logger, config.JOBS_INTERVAL_SECONDS * 1000);
logger.info(`Fangkong is ready at http://${config.HOST}:${config.PORT} (API docs at /api/docs)`);
