import { useSyncExternalStore } from 'react';
import { createOutbox } from './outbox';

export type { OutboxRequest, SubmitResult } from './outbox-types';
export { newId } from './ids';

/** The one outbox of this browser. */
export const outbox = createOutbox();

let started = false;
/** Replays on reconnect, when the page comes back into view, and every 30 s. Call once at start-up. */
export function startOutbox() {
  if (started) return;
  started = true;
  const kick = () => void outbox.replay();
  window.addEventListener('online', kick);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && kick());
  setInterval(kick, 30_000);
  void outbox.refresh().then(kick);
}

/** The waiting writes, for the header's indicator and the forms' "saved offline" notes. */
export function useOutboxItems() {
  return useSyncExternalStore(outbox.subscribe, outbox.items);
}
