import { describe, expect, it } from 'vitest';
import { PARSE_SLOTS, withParseSlot } from './upload-slots.js';
import { Problem } from '../http/problem.js';

describe('withParseSlot', () => {
  it('reads PARSE_SLOTS files at once, queues a few more, and sends the rest away with 503', async () => {
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const read = () =>
      withParseSlot(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        return 'read';
      });
    const reads = Array.from({ length: PARSE_SLOTS + 6 }, read);
    const refused = await read().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Problem);
    expect((refused as Problem).status).toBe(503);
    expect((refused as Problem).key).toBe('upload.busy');
    for (let i = 0; i < reads.length; i++) {
      await new Promise((r) => setTimeout(r, 1));
      gates.shift()!();
    }
    expect(await Promise.all(reads)).toEqual(Array(reads.length).fill('read'));
    expect(most).toBe(PARSE_SLOTS);
    expect(await withParseSlot(async () => 'free again')).toBe('free again');
  });
});
