import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight.js';

describe('singleFlight', () => {
  it('runs once for callers of the same key that arrive while it runs, and again afterwards', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const load = singleFlight(async (key: string) => {
      runs++;
      await gate;
      return `${key}:${runs}`;
    });
    const together = [load('county'), load('county'), load('township')];
    release();
    expect(await Promise.all(together)).toEqual(['county:2', 'county:2', 'township:2']);
    expect(runs).toBe(2);
    expect(await load('county')).toBe('county:3');
  });

  it('passes a failure to every waiting caller and forgets it', async () => {
    let fail = true;
    const load = singleFlight(async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(Promise.all([load(1), load(1)])).rejects.toThrow('down');
    fail = false;
    expect(await load(1)).toBe('up');
  });
});
