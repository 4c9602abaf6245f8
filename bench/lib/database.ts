import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../apps/server/src/db/embedded.js';
import { createDb, createPool } from '../../apps/server/src/db/client.js';
import { migrateDatabase } from '../../apps/server/src/db/migrate.js';
import { describeMachine } from './machine.js';

/**
 * The database of one bench run, migrated: its own embedded PostgreSQL in a throw-away directory
 * (or in `dataDir`, kept for the next run), or the server at `url`. The bench, the app and the
 * INSERT ceiling reach it through the same Unix socket. `close()` stops it and removes what it made.
 */
export async function benchDatabase(opts: { name: string; connections: number; dataDir?: string; url?: string }) {
  const dir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), `fangkong-bench-${opts.name}-`)));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when the bench runs as root
  const embedded = opts.url ? undefined : await startEmbeddedDatabase({ dataDir: dir });
  const url = opts.url ?? embedded!.socketUrl;
  const pool = createPool(url, opts.connections);
  const db = createDb(pool);
  await migrateDatabase(db);
  const machine = await describeMachine(pool);
  return {
    url,
    pool,
    db,
    machine,
    async close() {
      await pool.end();
      await embedded?.stop();
      if (!opts.dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
