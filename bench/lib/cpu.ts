import { readdirSync, readFileSync } from 'node:fs';

// Where a run's CPU goes, read from /proc (Linux): on a machine where the load generator, the API
// and PostgreSQL share the cores, a rate alone does not say which of them bounds it.

const TICK_SECONDS = 0.01; // USER_HZ is 100 on every Linux the benches run on

interface Proc {
  pid: number;
  ppid: number;
  comm: string;
  ticks: number;
}

function processes(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const fields = stat.slice(close + 2).split(' ');
      out.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        comm: stat.slice(stat.indexOf('(') + 1, close),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // the process ended while being read
    }
  }
  return out;
}

/** A process and everything it started (tsx runs the file in a child). */
function tree(all: Proc[], root: number): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const p of all) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const out = all.filter((p) => p.pid === root);
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!.pid) ?? []));
  return out;
}

/**
 * CPU seconds the processes used between two readings. A process that ended in between takes its
 * time with it (so the pools must stay connected through a run); one that started counts whole.
 */
function secondsBetween(before: Proc[], after: Proc[]): number {
  const earlier = new Map(before.map((p) => [p.pid, p.ticks]));
  return after.reduce((s, p) => s + p.ticks - (earlier.get(p.pid) ?? 0), 0) * TICK_SECONDS;
}

function machineBusySeconds(): number {
  const [, ...f] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const idle = f[3]! + f[4]!;
  return (f.reduce((a, b) => a + b, 0) - idle) * TICK_SECONDS;
}

export interface CpuUse {
  /** Cores busy on average, per party and for the whole machine. */
  loadGenerator: number;
  server: number;
  postgres: number;
  machine: number;
}

function sample(serverPid: number | undefined) {
  const all = processes();
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    loadGenerator: (own.user + own.system) / 1e6,
    server: serverPid === undefined ? [] : tree(all, serverPid),
    postgres: all.filter((p) => p.comm === 'postgres'),
    machine: machineBusySeconds(),
  };
}

/**
 * Runs `fn` and measures the cores used meanwhile by this process (the load generator), the server
 * process tree `serverPid` (if any) and every PostgreSQL process.
 */
export async function measureCpu<T>(
  serverPid: number | undefined,
  fn: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const before = sample(serverPid);
  const result = await fn();
  const after = sample(serverPid);
  const wall = (after.at - before.at) / 1000;
  return {
    result,
    cpu: {
      loadGenerator: (after.loadGenerator - before.loadGenerator) / wall,
      server: secondsBetween(before.server, after.server) / wall,
      postgres: secondsBetween(before.postgres, after.postgres) / wall,
      machine: (after.machine - before.machine) / wall,
    },
  };
}

/** Markdown cells: CPU µs per request of each party, and the cores busy (theirs, the machine's). */
export function describeCpu(cpu: CpuUse, rate: number): string {
  const us = (cores: number) => Math.round((cores / rate) * 1e6);
  const all = cpu.loadGenerator + cpu.server + cpu.postgres;
  return `${us(cpu.loadGenerator)} | ${us(cpu.server)} | ${us(cpu.postgres)} | ${us(all)} | ${all.toFixed(2)} (${cpu.machine.toFixed(2)})`;
}
describeCpu.header =
  'µs CPU per request: load generator | server | PostgreSQL | all three | cores busy (whole machine)';
