import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import { sentinel, sentinelAccount, triageTask, walkIn } from '../src/db/schema/index.js';

/** A sentinel pharmacy of a region (哨点药店), with the accounts bound to it. */
export async function buildSentinel(
  db: Db,
  r: { id: string; path: string; name: string },
  accounts: { id: string }[] = [],
) {
  const row = {
    id: uuidv7(),
    regionId: r.id,
    regionPath: r.path,
    kind: 'privateClinic' as const,
    name: `${r.name}诊所`,
  };
  await db.insert(sentinel).values(row);
  for (const a of accounts) await db.insert(sentinelAccount).values({ userId: a.id, sentinelId: row.id });
  return row;
}

/** A walk-in patient with a fever at a sentinel clinic, an hour ago, with its open triage task. */
export async function buildWalkIn(db: Db, site: { id: string; regionId: string; regionPath: string }) {
  const row = {
    id: uuidv7(),
    sentinelId: site.id,
    regionId: site.regionId,
    regionPath: site.regionPath,
    name: '发热就诊人',
    idNumber: '510121199001011237',
    temperature: 38.2,
    symptoms: ['cough'],
    arrivedAt: new Date(Date.now() - 3_600_000),
  };
  await db.insert(walkIn).values(row);
  await db.insert(triageTask).values({
    id: uuidv7(),
    walkInId: row.id,
    regionPath: site.regionPath,
    temperature: row.temperature,
    symptoms: row.symptoms,
    deadline: new Date(Date.now() + 3_600_000),
  });
  return row;
}
