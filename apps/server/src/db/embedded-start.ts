import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The uid and gid of the `postgres` user, or null when it does not exist yet. */
export async function postgresIds(): Promise<{ uid: number; gid: number } | null> {
  try {
    const [u, g] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  } catch {
    return null;
  }
}

/** Why PostgreSQL did not start: the error, else its last FATAL/PANIC/ERROR line, else its last words. */
export function startupCause(error: unknown, recentLog: string[]): string {
  if (error instanceof Error && error.message) return error.message;
  const fatal = recentLog.filter((l) => /\b(FATAL|PANIC|ERROR)\b/.test(l));
  const lines = fatal.length ? fatal.slice(-3) : recentLog.slice(-3);
  return lines.map((l) => l.trim()).join(' ') || 'it exited without saying why';
}
