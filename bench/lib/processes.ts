import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/**
 * BENCH_CPU_PROF=<dir>: the process writes a CPU profile there when it exits (open it in Chrome's
 * DevTools). BENCH_NODE_ARGS: more flags for Node, e.g. "--trace-gc" (refused in NODE_OPTIONS).
 */
const profiling = [
  ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []),
  ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
];

/** Runs a TypeScript file in its own Node process, so load and target do not share a core's event loop. */
export function startProcess(file: string, env: Record<string, string>, nodeArgs: string[] = profiling): ChildProcess {
  return fork(tsx, [...nodeArgs, file], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

export function waitForMessage<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m as T));
    child.once('exit', (code) => reject(new Error(`process exited with ${code}`)));
  });
}

/** Polls a URL until it answers 200. */
export async function waitForUrl(url: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const serverMain = path.resolve(import.meta.dirname, '../../apps/server/src/main.ts');
