import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Tx } from '../db/client.js';

export const EVENTS_CHANNEL = 'fangkong_events';

/** Something the command centre should see at once (a fever, an overdue lead …), with where it happened. */
export interface LiveEvent {
  type: 'lead.raised' | 'lead.overdue' | 'fever';
  regionPath: string;
  payload: Record<string, unknown>;
}

/**
 * Announces an event through PostgreSQL NOTIFY inside the caller's transaction: it is delivered
 * only if the change commits, and to every server node listening.
 */
export async function notifyEvent(tx: Tx, event: LiveEvent): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
}

type Listener = (event: LiveEvent) => void;

/** One LISTEN connection per server, fanned out to the subscribers (the SSE streams). */
export function createEventHub(pool: pg.Pool) {
  const listeners = new Set<Listener>();
  let client: pg.PoolClient | undefined;
  let starting: Promise<void> | undefined;

  async function start() {
    client = await pool.connect();
    const own = client;
    // The database restarted: listen again on a new connection, for the subscribers still here.
    own.on('error', () => {
      if (client !== own) return;
      client = undefined;
      starting = undefined;
      own.release(true);
      const again = (delay: number) =>
        setTimeout(() => {
          if (!listeners.size || starting) return;
          starting = start().catch(() => {
            starting = undefined;
            again(Math.min(delay * 2, 10_000));
          });
        }, delay).unref();
      again(500);
    });
    client.on('notification', (msg) => {
      if (msg.channel !== EVENTS_CHANNEL || !msg.payload) return;
      const event = JSON.parse(msg.payload) as LiveEvent;
      listeners.forEach((l) => l(event));
    });
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
  }

  return {
    async subscribe(listener: Listener): Promise<() => void> {
      starting ??= start().catch((e: unknown) => {
        starting = undefined;
        throw e;
      });
      await starting;
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (!client) return;
      await client.query(`UNLISTEN ${EVENTS_CHANNEL}`).catch(() => {});
      client.release();
      client = undefined;
    },
  };
}
export type EventHub = ReturnType<typeof createEventHub>;
