import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { createOutbox } from './outbox';
import type { OutboxRequest } from './outbox-types';

// The queue logic, with a Map standing in for IndexedDB (the browser's real IndexedDB is exercised
// by the end-to-end tests of the forms that use it).
function memoryStore() {
  const rows = new Map<string, OutboxRequest>();
  return {
    rows,
    put: async (i: OutboxRequest) => void rows.set(i.id, structuredClone(i)),
    remove: async (id: string) => void rows.delete(id),
    all: async () => [...rows.values()].map((r) => structuredClone(r)),
  };
}
const offlineError = () => new ApiError(0, { type: 'about:blank', title: 'offline', status: 0 });
const req = (id: string) => ({ id, method: 'POST' as const, url: '/api/v1/things', body: { id }, label: id });

describe('outbox', () => {
  it('sends at once when online and keeps nothing', async () => {
    const store = memoryStore();
    const sent: string[] = [];
    const box = createOutbox(
      store,
      async (i) => sent.push(i.id),
      () => true,
    );
    expect(await box.submit(req('a'))).toEqual({ status: 'sent', data: 1 });
    expect(store.rows.size).toBe(0);
  });

  it('queues while offline and replays in the order the writes were made', async () => {
    const store = memoryStore();
    let online = false;
    const sent: string[] = [];
    const box = createOutbox(
      store,
      async (i) => {
        if (!online) throw offlineError();
        sent.push(i.id);
      },
      () => online,
    );
    await box.submit(req('first'));
    await new Promise((r) => setTimeout(r, 2));
    await box.submit(req('second'));
    expect(box.items().map((i) => i.id)).toEqual(['first', 'second']);
    online = true;
    await box.replay();
    expect(sent).toEqual(['first', 'second']);
    expect(box.items()).toEqual([]);
  });

  it('queues when the network drops during the send, and stops replaying at the first failure', async () => {
    const store = memoryStore();
    let failures = 3;
    const box = createOutbox(
      store,
      async () => {
        if (failures-- > 0) throw offlineError();
      },
      () => true,
    );
    expect(await box.submit(req('x'))).toEqual({ status: 'queued' });
    await box.submit(req('y'));
    await box.replay();
    expect(box.items().map((i) => [i.id, i.attempts])).toEqual([
      ['x', 2],
      ['y', 1],
    ]);
    await box.replay();
    expect(box.items()).toEqual([]);
  });

  it('shows validation errors at once instead of queueing them', async () => {
    const box = createOutbox(
      memoryStore(),
      async () => {
        throw new ApiError(422, { type: 't', title: 'bad', status: 422 });
      },
      () => true,
    );
    await expect(box.submit(req('bad'))).rejects.toBeInstanceOf(ApiError);
    expect(box.items()).toEqual([]);
  });

  it('keeps a write the server refuses on replay for the user, and goes on with the others', async () => {
    const store = memoryStore();
    let online = false;
    const sent: string[] = [];
    const box = createOutbox(
      store,
      async (i) => {
        if (!online) throw offlineError();
        if (i.id === 'refused') throw new ApiError(422, { type: 't', title: 'refused', status: 422 });
        sent.push(i.id);
      },
      () => online,
    );
    await box.submit(req('refused'));
    await new Promise((r) => setTimeout(r, 2));
    await box.submit(req('fine'));
    online = true;
    await box.replay();
    expect(sent).toEqual(['fine']);
    expect(box.items().map((i) => [i.id, i.error?.status])).toEqual([['refused', 422]]);
    await box.discard('refused');
    expect(box.items()).toEqual([]);
  });
});
