/**
 * Group commit for hot paths: items added while earlier batches are in flight are run together,
 * one statement and one round trip for the lot. Nothing waits on a timer — an item added to an
 * idle batcher runs at the next turn of the event loop, alone — so batches only grow when requests
 * arrive faster than PostgreSQL answers, which is exactly when round trips are what limits the
 * throughput (bench/RESULTS.md, checkpoints).
 *
 * One batch at a time by default: measured at 64 clients, a second batch in flight halved the
 * batch size and cost more round trips than it saved in waiting (bench/RESULTS.md).
 *
 * `run` answers one result per item, in order. If a batch of several fails, each of its items is
 * run again alone, so one bad item fails only its own request and its error is its own.
 */
export interface Batcher<I, O> {
  add(item: I): Promise<O>;
}

export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  opts: { maxBatch?: number; maxInFlight?: number } = {},
): Batcher<I, O> {
  const maxBatch = opts.maxBatch ?? 128;
  const maxInFlight = opts.maxInFlight ?? 1;
  let queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;

  async function flush(batch: typeof queue) {
    try {
      const out = await run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(out[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else await Promise.all(batch.map((b) => run([b.item]).then(([o]) => b.resolve(o!), b.reject)));
    }
  }

  function pump() {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      inFlight++;
      void flush(batch).finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return {
    add(item) {
      return new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        // setImmediate runs after the poll phase: requests read in the same turn join one batch.
        if (!scheduled && inFlight < maxInFlight) {
          scheduled = true;
          setImmediate(pump);
        }
      });
    },
  };
}
