import type pg from 'pg';
import type { Config } from '../config.js';
import { createDb, createPool, type Db } from './client.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded.js';
import { migrateDatabase } from './migrate.js';

export interface Database {
  db: Db;
  pool: pg.Pool;
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

type DatabaseConfig = Pick<Config, 'DATABASE_URL' | 'FANGKONG_DATA_DIR' | 'FANGKONG_EMBEDDED_PG_PORT'>;

/**
 * Connects to DATABASE_URL, or starts the embedded PostgreSQL; then applies the migrations.
 * `poolSize`: the connections the pool may open (the app's default suits its request batching).
 */
export async function openDatabase(config: DatabaseConfig, log: (msg: string) => void = () => {}, poolSize?: number): Promise<Database> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: config.FANGKONG_DATA_DIR, port: config.FANGKONG_EMBEDDED_PG_PORT });
    url = embedded.socketUrl ?? embedded.url;
    log(`embedded PostgreSQL started (data in ${config.FANGKONG_DATA_DIR})`);
  }
  const pool = createPool(url, poolSize);
  const db = createDb(pool);
  await migrateDatabase(db);
  return {
    db,
    pool,
    embedded,
    async close() {
      await pool.end();
      await embedded?.stop();
    },
  };
}
