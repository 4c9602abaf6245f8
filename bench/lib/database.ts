import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../apps/server/src/db/open.js';
import { describeMachine } from './machine.js';
import { generateDataKey } from '../../apps/server/src/security/personal-data-crypto.js';

/**
 * The database of one bench run, as the app opens it (migrated): its own embedded PostgreSQL in a
 * throw-away directory (or in `dataDir`, kept for the next run), or the server at `url`. The
 * bench, the app and the INSERT ceiling reach it through the same Unix socket. `close()` stops it
 * and removes what it made.
 */
export async function benchDatabase(opts: { name: string; connections: number; dataDir?: string; url?: string }) {
  // The personal data key of the run: the bench process (demo loader) and the servers it starts share it.
  process.env.FANGKONG_DATA_KEY ??= generateDataKey();
  const dir = opts.dataDir ?? (await mkdtemp(path.join(tmpdir(), `fangkong-bench-${opts.name}-`)));
  await chmod(dir, 0o755); // PostgreSQL runs as its own user when the bench runs as root
  // As the owner: the bench seeds with the demo loader, which drops and rebuilds indexes.
  const database = await openDatabase(
    { DATABASE_URL: opts.url, FANGKONG_DATA_DIR: dir, FANGKONG_EMBEDDED_PG_PORT: 0 },
    () => {},
    opts.connections,
    { as: 'owner' },
  );
  const url = opts.url ?? database.embedded!.socketUrl ?? database.embedded!.url;
  return {
    url,
    pool: database.pool,
    db: database.db,
    machine: await describeMachine(database.pool),
    async close() {
      await database.close();
      if (!opts.dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}
