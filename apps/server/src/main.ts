import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadConfig } from './config.js';
import { logSerializers } from './http/log-redaction.js';
import { openDatabase, type Database } from './db/open.js';
import { loadServerKeys } from './security/key-commands.js';
import { encryptPersonalData } from './security/personal-data-migration.js';
import { buildApp } from './app.js';
import { demoWanted, loadDemoIfEmpty } from './demo/demo.js';
import { startJobs, type Job } from './jobs/scheduler.js';
import { auditUpkeepJob, dailyBackupJob } from './backup/schedule.js';
import { databaseIsEmpty, EMPTY_DATABASE_HINT } from './modules/setup/setup.service.js';
import { failInterruptedJobs } from './modules/file-jobs/file-jobs.service.js';

let database: Database | null = null;

/** Every start-up failure ends with its real cause in one line, never "Uncaught undefined". */
async function startupFailed(error: unknown) {
  const plain =
    error instanceof Error && (error.name === 'StartupError' || error.message.startsWith('Invalid configuration'));
  const cause =
    error instanceof Error
      ? plain
        ? error.message
        : (error.stack ?? error.message)
      : `unexpected value thrown: ${String(error)}`;
  process.stderr.write(`Fangkong could not start: ${cause}\n`);
  await database?.close().catch(() => {});
  process.exit(1);
}

async function main() {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL, serializers: logSerializers });
  // Before data was resolved from the user's folder, `npm start` kept it in apps/server/data.
  const legacyDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../data');
  if (
    !config.DATABASE_URL &&
    legacyDir !== config.FANGKONG_DATA_DIR &&
    !existsSync(path.join(config.FANGKONG_DATA_DIR, 'pg')) &&
    existsSync(path.join(legacyDir, 'pg'))
  ) {
    logger.warn(
      `an earlier version kept its data in ${legacyDir}; this start uses ${config.FANGKONG_DATA_DIR}: stop the server and move the folder there, or set FANGKONG_DATA_DIR=${legacyDir}`,
    );
  }
  loadServerKeys(config, (m) => logger.warn(m));
  database = await openDatabase(config, (m) => logger.info(m));
  const db = database.db;

  if (demoWanted(config))
    await database.withOwner((pool) =>
      loadDemoIfEmpty({ pool }, { persons: config.FANGKONG_DEMO_PERSONS, log: (m) => logger.info(m) }),
    );
  else if (await databaseIsEmpty(db)) console.warn(`\n${EMPTY_DATABASE_HINT}\n`);

  // Rows written before encryption (an older version, the demo loader's COPY) are encrypted now.
  await encryptPersonalData(db.$client, { log: (m) => logger.info(m) });
  const interrupted = await failInterruptedJobs(db, new Date()); // at start-up, before the app (and its clock) exists
  if (interrupted) logger.warn({ interrupted }, 'import/export jobs cut by the last shutdown marked failed');

  const app = await buildApp({ db, config, logger });
  let stopJobs: (() => Promise<void>) | null = null;
  let stopUpkeep: (() => Promise<void>) | null = null;
  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    await stopJobs?.();
    await stopUpkeep?.();
    await app.close();
    await database?.close();
    logger.info('stopped cleanly');
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.HOST, port: config.PORT });
  stopJobs = startJobs(db, logger, config.JOBS_INTERVAL_SECONDS * 1000);
  // Audit partitions and the daily backup: checked every 10 minutes, each acts once when due.
  const upkeep = [auditUpkeepJob(config), dailyBackupJob(config)].filter((j): j is Job => j !== null);
  stopUpkeep = startJobs(db, logger, 10 * 60_000, undefined, upkeep);
  if (!config.FANGKONG_BACKUP_KEY) logger.warn('FANGKONG_BACKUP_KEY is unset: no daily backup (docs/operations.md)');
  logger.info(`Fangkong is ready at http://${config.HOST}:${config.PORT} (API docs at /api/docs)`);
}

await main().catch(startupFailed);
