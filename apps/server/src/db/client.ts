import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema/index.js';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A database handle or an open transaction: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

// DATE columns stay 'YYYY-MM-DD' strings: a report day is a calendar day, not an instant.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

/**
 * A pool that outlives its server: a connection the database drops (PostgreSQL killed or
 * restarted) is discarded and logged instead of ending the process, and a connection attempt
 * gives up after 5 s so requests answer 503 rather than hang.
 */
export function createPool(url: string, max = 20, log: (msg: string) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    application_name: 'fangkong',
    connectionTimeoutMillis: 5_000,
  });
  pool.on('error', (err) => log(`database connection lost: ${err.message}`));
  // A client checked out of the pool (a transaction, a LISTEN) has no listener of the pool's own:
  // without this one, its connection dying would be an unhandled 'error' event, ending the process.
  // Its pending query fails with the error; the pool discards it on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  return pool;
}

export function createDb(pool: pg.Pool): Db {
  return drizzle(pool, { schema });
}
