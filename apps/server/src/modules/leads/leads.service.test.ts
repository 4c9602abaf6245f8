import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../../test/db.js';
import { buildCounty, buildHousehold } from '../../../test/factories.js';
import { raiseLead } from './leads.service.js';

describe('raiseLead', async () => {
  const { db } = await testDatabase();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let personId: string;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildHousehold(db, county.villageA, 1);
    personId = String((await db.execute(sql`SELECT id FROM person LIMIT 1`)).rows[0]!.id);
  });

  it('makes one lead with two sources when two reports name the same person, even at the same time', async () => {
    const base = { personId, name: '成员0', regionId: county.villageA.id, regionPath: county.villageA.path };
    const [a, b] = await Promise.all([
      db.transaction((tx) => raiseLead(tx, { now: new Date(), ...base, source: 'screening', reasons: ['riskArea'] })),
      db.transaction((tx) => raiseLead(tx, { now: new Date(), ...base, source: 'checkpoint', reasons: ['fever'] })),
    ]);
    expect(a.leadId).toBe(b.leadId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const sources = await db.execute(sql`SELECT source FROM lead_source WHERE lead_id = ${a.leadId} ORDER BY source`);
    expect(sources.rows.map((r) => r.source)).toEqual(['checkpoint', 'screening']);
  });

  it('sets the verification deadline two hours ahead by default', async () => {
    const { leadId } = await db.transaction((tx) =>
      raiseLead(tx, {
        now: new Date(),
        name: '外来人员',
        idNumber: '110101199003077777',
        regionId: county.villageB.id,
        regionPath: county.villageB.path,
        source: 'checkpoint',
        reasons: ['riskArea'],
      }),
    );
    const row = (
      await db.execute(sql`SELECT extract(epoch FROM deadline - created_at)::int AS s FROM lead WHERE id = ${leadId}`)
    ).rows[0]!;
    expect(Math.abs(Number(row.s) - 7200)).toBeLessThan(5);
  });
});
