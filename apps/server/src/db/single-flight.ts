/**
 * Shares one run of `load` among the callers asking for the same key while it runs: eight wall
 * screens refreshing a county's dashboard at once cost one computation, not eight. Nothing is kept
 * after the run ends, so a caller never gets figures older than the moment the shared run began.
 */
export function singleFlight<A, V>(load: (arg: A) => Promise<V>, keyOf: (arg: A) => unknown = (arg) => arg) {
  const inFlight = new Map<unknown, Promise<V>>();
  return (arg: A): Promise<V> => {
    const key = keyOf(arg);
    const running = inFlight.get(key);
    if (running) return running;
    const run = load(arg).finally(() => inFlight.delete(key));
    inFlight.set(key, run);
    return run;
  };
}
