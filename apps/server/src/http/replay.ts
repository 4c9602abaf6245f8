import { Problem } from './problem.js';

const canonical = (v: unknown): string =>
  JSON.stringify(
    Array.isArray(v)
      ? [...v].map(canonical).sort()
      : v instanceof Date
        ? v.toISOString()
        : typeof v === 'number'
          ? Number(v.toFixed(6))
          : (v ?? null),
  );

/**
 * A client id sent again (an offline outbox replaying) must carry the same request: a different
 * body under a stored id is a client bug or a forgery, never silently answered with the stored
 * record. 409 names each field that differs; fields the request left out are not compared.
 */
export function assertSameReplay(stored: Record<string, unknown>, sent: Record<string, unknown>): void {
  const differs = Object.keys(stored).filter(
    (k) => sent[k] !== undefined && canonical(stored[k]) !== canonical(sent[k]),
  );
  if (differs.length)
    throw new Problem(
      409,
      'replay.differs',
      differs.map((field) => ({ field, key: 'replay.fieldDiffers' })),
      { fields: differs.join(', ') },
    );
}
