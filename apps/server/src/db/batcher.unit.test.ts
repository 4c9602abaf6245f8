import { describe, expect, it } from 'vitest';
import { createBatcher } from './batcher.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('batcher', () => {
  it('runs an item added to an idle batcher alone, and joins the items that arrive while it runs', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const b = createBatcher(
      async (items: number[]) => {
        batches.push(items);
        if (batches.length === 1) await gate;
        return items.map((i) => i * 10);
      },
      { maxInFlight: 1 },
    );
    const first = b.add(1);
    await tick();
    const rest = [2, 3, 4].map((i) => b.add(i));
    release();
    expect(await Promise.all([first, ...rest])).toEqual([10, 20, 30, 40]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('splits a long queue into batches of at most maxBatch', async () => {
    const sizes: number[] = [];
    const b = createBatcher(async (items: number[]) => (sizes.push(items.length), items), {
      maxBatch: 3,
      maxInFlight: 1,
    });
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => b.add(i)))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('fails only the bad item of a failed batch, with its own error', async () => {
    const b = createBatcher(async (items: number[]) => {
      if (items.includes(13)) throw new Error(`bad batch ${items.join(',')}`);
      return items;
    });
    const results = await Promise.allSettled([12, 13, 14].map((i) => b.add(i)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      12,
      'bad batch 13',
      14,
    ]);
  });
});
