import { lazy, type ComponentType } from 'react';

/**
 * A lazy component whose code can be fetched ahead of its first render. The frame preloads what a
 * field user may need once the network is gone (the outbox list, the phone menu): fetched only on
 * first render, its chunk would be asked for exactly when a write has just failed offline.
 */
// `any` props: the same bound as React's own lazy().
export function lazyWithPreload<T extends ComponentType<any>>(load: () => Promise<{ default: T }>) {
  let loading: Promise<{ default: T }> | undefined;
  // A failed fetch (offline) is forgotten, so that the first render online fetches again.
  const preload = () =>
    (loading ??= load().catch((err: unknown) => {
      loading = undefined;
      throw err;
    }));
  return Object.assign(lazy(preload), { preload });
}
