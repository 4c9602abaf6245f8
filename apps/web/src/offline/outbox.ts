import { ApiError, apiRequest } from '../api/client';
import { outboxDb, type OutboxStore } from './outbox-db';
import type { OutboxRequest, SubmitResult } from './outbox-types';

type Send = (item: OutboxRequest) => Promise<unknown>;
const sendWithApi: Send = (item) => apiRequest(item.url, { method: item.method, body: item.body });

/** Network failures and server outages are worth retrying; anything else the user must see. */
const retryable = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500 || e.status === 401);

/**
 * The shared offline outbox. A field form hands its write to `submit`: sent at once when the
 * network allows, otherwise kept in IndexedDB and replayed in order on reconnect. The server
 * treats a repeated id as the same record, so a replay never creates a second one.
 */
export function createOutbox(
  store: OutboxStore = outboxDb,
  send: Send = sendWithApi,
  isOnline = () => navigator.onLine,
) {
  const listeners = new Set<() => void>();
  let snapshot: OutboxRequest[] = [];
  let replaying: Promise<void> | undefined;

  async function refresh() {
    snapshot = (await store.all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    listeners.forEach((l) => l());
  }

  async function enqueue(item: OutboxRequest) {
    await store.put(item);
    await refresh();
  }

  async function submit<T>(
    request: Pick<OutboxRequest, 'id' | 'method' | 'url' | 'body' | 'label'>,
  ): Promise<SubmitResult<T>> {
    const item: OutboxRequest = { ...request, createdAt: new Date().toISOString(), attempts: 0 };
    if (!isOnline()) {
      await enqueue(item);
      return { status: 'queued' };
    }
    try {
      return { status: 'sent', data: (await send({ ...item, attempts: 1 })) as T };
    } catch (e) {
      if (!retryable(e)) throw e;
      await enqueue({ ...item, attempts: 1 });
      return { status: 'queued' };
    }
  }

  /** Sends what waits, oldest first; stops at the first network failure. One replay at a time. */
  function replay(): Promise<void> {
    replaying ??= (async () => {
      try {
        for (const item of (await store.all()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
          if (item.error) continue;
          try {
            await send(item);
            await store.remove(item.id);
          } catch (e) {
            if (retryable(e)) {
              await store.put({ ...item, attempts: item.attempts + 1 });
              break;
            }
            await store.put({
              ...item,
              attempts: item.attempts + 1,
              error: {
                status: e instanceof ApiError ? e.status : 0,
                message: e instanceof Error ? e.message : String(e),
              },
            });
          }
        }
      } finally {
        replaying = undefined;
        await refresh();
      }
    })();
    return replaying;
  }

  /** Gives up a refused write, on the user's word. */
  async function discard(id: string) {
    await store.remove(id);
    await refresh();
  }

  /** Puts a refused write back in line, e.g. after the user fixed what the server objected to elsewhere. */
  async function retry(id: string) {
    const item = snapshot.find((i) => i.id === id);
    if (item) await store.put({ ...item, error: undefined });
    await replay();
  }

  return {
    submit,
    replay,
    discard,
    retry,
    refresh,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    items: () => snapshot,
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
