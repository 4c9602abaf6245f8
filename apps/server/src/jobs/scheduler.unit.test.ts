import { describe, expect, it } from 'vitest';
import type { Db } from '../db/client.js';
import { startJobs, type Job } from './scheduler.js';

describe('startJobs', () => {
  it('runs every job in order at the same moment, logs what each did, and goes on past a failure', async () => {
    const at = new Date('2024-03-01T09:00:00Z');
    const seen: string[] = [];
    const logged: unknown[][] = [];
    const job = (name: string, result: Record<string, unknown> | null | Error): Job => ({
      name,
      run: async (_db, when) => {
        seen.push(`${name}@${when.toISOString()}`);
        if (result instanceof Error) throw result;
        return result;
      },
    });
    const log = {
      info: (...a: unknown[]) => void logged.push(['info', ...a]),
      error: (...a: unknown[]) => void logged.push(['error', ...a]),
    };
    const stop = startJobs({} as Db, log as never, 60_000, () => at, [
      job('a', { done: 1 }),
      job('b', new Error('down')),
      job('c', null),
    ]);
    await stop(); // waits for the run started at once
    expect(seen).toEqual(['a@2024-03-01T09:00:00.000Z', 'b@2024-03-01T09:00:00.000Z', 'c@2024-03-01T09:00:00.000Z']);
    expect(logged.map((l) => [l[0], l[2]])).toEqual([
      ['info', 'a'],
      ['error', 'b failed'],
    ]);
  });
});
