import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import { sentinel, sentinelAccount } from '../src/db/schema/index.js';

/** A sentinel pharmacy of a region (哨点药店), with the accounts bound to it. */
export async function buildSentinel(
  db: Db,
  r: { id: string; path: string; name: string },
  accounts: { id: string }[] = [],
) {
  const row = { id: uuidv7(), regionId: r.id, regionPath: r.path, kind: 'pharmacy' as const, name: `${r.name}大药房` };
  await db.insert(sentinel).values(row);
  for (const a of accounts) await db.insert(sentinelAccount).values({ userId: a.id, sentinelId: row.id });
  return row;
}
