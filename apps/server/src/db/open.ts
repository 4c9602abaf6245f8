import pg from 'pg';
import type { Config } from '../config.js';
import { createDb, createPool, type Db } from './client.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { migrateDatabase } from './migrate.js';
import { APP_ROLE, appRoleUrl, grantAppLogin, loginUrl } from './roles.js';
import { isDatabaseUnavailable } from './unavailable.js';

export interface Database {
  db: Db;
  pool: pg.Pool;
  embedded?: EmbeddedDatabase;
  /** Runs `work` on a short-lived pool of the schema's owner: loading the demo county drops and rebuilds indexes. */
  withOwner<T>(work: (owner: pg.Pool) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type DatabaseConfig = Pick<
  Config,
  'DATABASE_URL' | 'DATABASE_OWNER_URL' | 'FANGKONG_DATA_DIR' | 'FANGKONG_EMBEDDED_PG_PORT'
>;

export interface OpenOptions {
  /** 'app' (default): the restricted role `fangkong_app`; 'owner': the role that owns the schema (administration commands). */
  as?: 'app' | 'owner';
  /** Brings the schema to the newest migration first (default); `restore` migrates step by step itself. */
  migrate?: boolean;
}

/** An external server that is still starting (or restarting) is waited for, with back-off, up to a minute. */
async function waitForDatabase(pool: pg.Pool, log: (msg: string) => void, patienceMs = 60_000) {
  const since = Date.now();
  for (let delay = 500; ; delay = Math.min(delay * 2, 8_000)) {
    try {
      await pool.query('SELECT 1');
      return;
    } catch (e) {
      if (!isDatabaseUnavailable(e) || Date.now() - since > patienceMs) throw e;
      log(`waiting for the database (${(e as Error).message}); trying again in ${delay / 1000} s`);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL; applies the migrations as the owner;
 * then hands back a pool of the application's role, which may insert into the audit log but never
 * change it (docs/operations.md). `poolSize`: the connections the pool may open.
 */
export async function openDatabase(
  config: DatabaseConfig,
  log: (msg: string) => void = () => {},
  poolSize?: number,
  opts: OpenOptions = {},
): Promise<Database> {
  let ownerUrl = config.DATABASE_OWNER_URL ?? config.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!ownerUrl) {
    embedded = await startEmbeddedDatabase({
      dataDir: config.FANGKONG_DATA_DIR,
      port: config.FANGKONG_EMBEDDED_PG_PORT,
      onNotice: log,
    });
    ownerUrl = embedded.socketUrl ?? embedded.url;
    log(`embedded PostgreSQL started (data in ${config.FANGKONG_DATA_DIR})`);
  }
  const stop = async () => embedded?.stop();
  const url = ownerUrl;
  const withOwner = async <T>(work: (owner: pg.Pool) => Promise<T>) => {
    const owner = createPool(url, 4);
    try {
      return await work(owner);
    } finally {
      await owner.end();
    }
  };
  const ownerPool = createPool(ownerUrl, opts.as === 'owner' ? poolSize : 2, log);
  try {
    if (!embedded) await waitForDatabase(ownerPool, log);
    if (opts.migrate !== false) await migrateDatabase(createDb(ownerPool));
    if (opts.as === 'owner')
      return {
        db: createDb(ownerPool),
        pool: ownerPool,
        embedded,
        withOwner,
        close: async () => {
          await ownerPool.end();
          await stop();
        },
      };
    const appUrl = await resolveAppUrl(ownerPool, config, embedded, log);
    await ownerPool.end();
    const pool = createPool(appUrl, poolSize, log);
    return {
      db: createDb(pool),
      pool,
      embedded,
      withOwner,
      close: async () => {
        await pool.end();
        await stop();
      },
    };
  } catch (e) {
    // The pool first: a server stopped under idle connections makes them fail loudly.
    await ownerPool.end().catch(() => {});
    await stop();
    throw e;
  }
}

/** Where the application connects: its own login, or the owner's connection switched to the restricted role. */
async function resolveAppUrl(
  ownerPool: pg.Pool,
  config: DatabaseConfig,
  embedded: EmbeddedDatabase | undefined,
  log: (msg: string) => void,
): Promise<string> {
  if (embedded?.appPassword) {
    await grantAppLogin(ownerPool, embedded.appPassword);
    return loginUrl(embedded.socketUrl ?? embedded.url, APP_ROLE, embedded.appPassword);
  }
  if (config.DATABASE_OWNER_URL && config.DATABASE_URL) return config.DATABASE_URL;
  // One URL for both: every connection of the application switches to the restricted role. This
  // keeps the application's own code from changing the audit log, but SQL run through it could
  // switch back: give the application its own login (DATABASE_OWNER_URL) in production.
  const canSwitch = await ownerPool.query(`SET ROLE ${APP_ROLE}; RESET ROLE`).then(
    () => true,
    () => false,
  );
  if (!canSwitch) {
    log(
      `warning: the database user may not act as ${APP_ROLE}; the application keeps the privileges of DATABASE_URL (docs/operations.md)`,
    );
    return config.DATABASE_URL!;
  }
  log(
    `warning: DATABASE_OWNER_URL is unset; the application connects as the owner and switches to ${APP_ROLE} (docs/operations.md)`,
  );
  return appRoleUrl(config.DATABASE_URL!);
}
