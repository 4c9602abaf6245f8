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

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL; then applies the migrations. */
export async function openDatabase(config: Config, log: (msg: string) => void = () => {}): Promise<Database> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedDatabase | undefined;
  if (!url) {
    embedded = await startEmbeddedDatabase({ dataDir: config.FANGKONG_DATA_DIR, port: config.FANGKONG_EMBEDDED_PG_PORT });
    url = embedded.socketUrl ?? embedded.url;
    log(`embedded PostgreSQL started (data in ${config.FANGKONG_DATA_DIR})`);
  }
  const pool = createPool(url);
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
