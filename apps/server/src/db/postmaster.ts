import { readFile, stat } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** An error whose message is one sentence for the operator: shown as is, without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line and parent of a process, from /proc on Linux, else from ps. */
async function processInfo(pid: number): Promise<{ command: string; ppid: number } | null> {
  try {
    if (process.platform === 'linux') {
      const command = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replaceAll('\0', ' ').trim();
      const statLine = await readFile(`/proc/${pid}/stat`, 'utf8');
      // The command name in parentheses may hold spaces; the fields after it are fixed.
      const ppid = Number(statLine.slice(statLine.lastIndexOf(')') + 2).split(' ')[1]);
      return { command, ppid };
    }
    const { stdout } = await run('ps', ['-o', 'ppid=,command=', '-p', String(pid)]);
    const m = /^\s*(\d+)\s+(.*)$/.exec(stdout.trim());
    return m ? { ppid: Number(m[1]), command: m[2]! } : null;
  } catch {
    return null;
  }
}

/**
 * A postmaster left running on `databaseDir` by a server that died without stopping it (kill -9,
 * a power cut of the terminal) is stopped, so that this start can run its own. One whose parent
 * is a live Node process belongs to another running server: that is refused in one sentence.
 */
export async function stopOrphanedPostmaster(databaseDir: string, log: (m: string) => void = () => {}): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  const lines = await readFile(pidFile, 'utf8').then(
    (t) => t.split('\n'),
    () => null,
  );
  if (!lines) return;
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return; // stale file: PostgreSQL clears it
  const info = await processInfo(pid);
  if (!info || !/postgres/.test(info.command)) return; // the pid was reused by another program
  if (path.resolve(lines[1] ?? '') !== path.resolve(databaseDir)) return;
  const parent = info.ppid > 1 ? await processInfo(info.ppid) : null;
  if (parent && info.ppid !== process.pid && /(^|\/)(node|tsx)(\s|$)/.test(parent.command)) {
    throw new StartupError(
      `Another Fangkong server (process ${info.ppid}) is already using the data directory ${path.dirname(databaseDir)}: stop it first, or give this one another FANGKONG_DATA_DIR.`,
    );
  }
  log(`stopping PostgreSQL (process ${pid}) left running on ${databaseDir} by a server that did not shut down`);
  // SIGINT is PostgreSQL's fast shutdown (rolls back open transactions, writes a checkpoint);
  // SIGQUIT its immediate one, should the first hang.
  for (const [signal, waitMs] of [
    ['SIGINT', 30_000],
    ['SIGQUIT', 10_000],
    ['SIGKILL', 5_000],
  ] as const) {
    try {
      process.kill(pid, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return;
      throw new StartupError(
        `PostgreSQL (process ${pid}) is still running on ${databaseDir} from an earlier start and this user may not stop it: run \`kill ${pid}\` as its owner, then start again.`,
      );
    }
    for (let waited = 0; waited < waitMs; waited += 100) {
      if (!alive(pid)) return;
      await sleep(100);
    }
  }
  throw new StartupError(
    `PostgreSQL (process ${pid}) on ${databaseDir} did not stop: run \`kill -9 ${pid}\`, then start again.`,
  );
}

/**
 * As root, PostgreSQL runs as the user `postgres`, which must be able to pass through every folder
 * above the data directory; a parent made by `mktemp -d` (mode 0700) stops it. Said in one sentence.
 */
export async function checkReachableBy(databaseDir: string, uid: number, gid: number): Promise<void> {
  let dir = path.dirname(path.resolve(databaseDir));
  for (;;) {
    const s = await stat(dir).catch(() => null);
    if (s) {
      const bit = s.uid === uid ? 0o100 : s.gid === gid ? 0o010 : 0o001;
      if (!(s.mode & bit)) {
        throw new StartupError(
          `The embedded PostgreSQL runs as the user postgres (this server runs as root) and cannot enter ${dir}: run \`chmod o+x ${dir}\`, choose a FANGKONG_DATA_DIR outside it, or start the server as an ordinary user.`,
        );
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return;
    dir = up;
  }
}
