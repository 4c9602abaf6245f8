import { useSyncExternalStore } from 'react';

// The page's side of sw/service-worker.js: registers it, and tells the pages when an answer came
// from what the worker kept (no network) and how old that answer is.

/**
 * Registers the app shell's worker (built apps only: the dev server has no sw.js) once the page has
 * settled: its install downloads the whole build, which on a weak line must not queue ahead of the
 * page's own chunks and data.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  const register = () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  const later = () =>
    setTimeout(
      () => ('requestIdleCallback' in window ? requestIdleCallback(register, { timeout: 10_000 }) : register()),
      3_000,
    );
  if (document.readyState === 'complete') later();
  else window.addEventListener('load', later, { once: true });
}

/** Drops every kept API answer: called on sign-out, so personal data does not stay on the phone. */
export function forgetKeptAnswers(): void {
  navigator.serviceWorker?.controller?.postMessage('fk-forget');
  void globalThis.caches?.delete('fk-api').catch(() => undefined);
}

let keptAt: string | null = null;
const listeners = new Set<() => void>();

/** Notes whether an API answer came from the network (null) or was kept at `cachedAt`. */
export function noteAnswerAge(cachedAt: string | null): void {
  // The oldest kept answer on screen is what the notice tells; a fresh one from the network clears it.
  const next = cachedAt === null ? null : keptAt && keptAt < cachedAt ? keptAt : cachedAt;
  if (next === keptAt) return;
  keptAt = next;
  for (const l of listeners) l();
}

/** When the data on screen was kept, if it did not come from the network; null when it is live. */
export function useKeptAt(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => keptAt,
  );
}
