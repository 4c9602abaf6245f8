import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';
import { runKeyPersonJobs } from '../../jobs/key-person-jobs.js';

describe('responsibility chains (包保)', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let cadre: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    township = await loginAs(app, 'township');
    cadre = await loginAs(app, 'cadre');
  });
  const chainUrl = (regionId: string) => `/api/v1/regions/${regionId}/responsibility-chain`;
  const add = (regionId: string, payload: Record<string, unknown>, who = township) =>
    app.inject({ method: 'POST', url: chainUrl(regionId), payload, headers: who.headers });

  it("names the leader, cadre, police officer and doctor of a village, with the township's leader above", async () => {
    const leaderAccount = await buildUser(db, {
      username: 'zhenzhang',
      role: 'townshipOfficer',
      region: county.townshipA,
      displayName: '王镇长',
    });
    expect(
      (
        await add(county.townshipA.id, {
          duty: 'leader',
          name: '王镇长',
          phone: '13800000001',
          userId: leaderAccount.id,
          note: '包片五凤村',
        })
      ).statusCode,
    ).toBe(200);
    await add(county.villageA.id, { duty: 'cadre', name: '李干部', phone: '13800000002' });
    await add(county.villageA.id, { duty: 'police', name: '赵警官' });
    const last = await add(county.villageA.id, { duty: 'medical', name: '孙医生', phone: '13800000003' });
    expect(last.statusCode).toBe(200);
    const chain = last.json();
    expect(chain.members.map((m: { duty: string; name: string }) => `${m.duty}:${m.name}`).sort()).toEqual([
      'cadre:李干部',
      'medical:孙医生',
      'police:赵警官',
    ]);
    expect(chain.above).toEqual([
      expect.objectContaining({
        duty: 'leader',
        name: '王镇长',
        regionName: county.townshipA.name,
        userId: leaderAccount.id,
        note: '包片五凤村',
      }),
    ]);

    // The cadre of the village reads it; the chain of the township above their scope stays hidden.
    const seen = (await app.inject({ url: chainUrl(county.villageA.id), headers: cadre.headers })).json();
    expect(seen.members).toHaveLength(3);
    expect(seen.above).toEqual([]);
    const audited = await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'chain.add'`);
    expect(audited.rows[0]!.n).toBe(4);
  });

  it('refuses a duplicate, an account outside the region, a bad phone, and out-of-scope regions', async () => {
    const dup = await add(county.villageA.id, { duty: 'cadre', name: '李干部' });
    expect(dup.statusCode).toBe(409);
    const other = await buildUser(db, { username: 'otherVillage', role: 'gridWorker', region: county.villageB });
    const outside = await add(county.villageA.id, { duty: 'cadre', name: '外村人', userId: other.id });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors).toEqual([{ field: 'userId', message: expect.any(String) }]);
    const phone = await add(county.villageA.id, { duty: 'cadre', name: '电话错', phone: '123' });
    expect(phone.json().errors[0].field).toBe('phone');
    expect((await add(county.villageB.id, { duty: 'cadre', name: '外镇' })).statusCode).toBe(404);
    expect((await add(county.villageA.id, { duty: 'cadre', name: '村里自定' }, cadre)).statusCode).toBe(403);
    const count = await db.execute(sql`SELECT count(*)::int AS n FROM chain_member`);
    expect(count.rows[0]!.n).toBe(4);
  });

  it('routes each open escalation to the named person whose duty it is', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-29' });
    // Opened before its first slot: a slot is due only once the file exists (docs/figures.md).
    await db.execute(sql`UPDATE key_person SET created_at = '2024-02-28T00:00:00Z' WHERE id = ${kp.id}`);
    await runKeyPersonJobs(db, new Date('2024-02-29T04:00:00Z'));
    await runKeyPersonJobs(db, new Date('2024-02-29T05:00:00Z')); // the missed am check is now the doctor's
    await db.execute(
      sql`INSERT INTO lead (id, name, region_id, region_path, deadline, escalated_at) VALUES (${uuidv7()}, '待核查人', ${county.villageA.id}, ${county.villageA.path}::ltree, '2024-03-01T08:00:00Z', now())`,
    );
    const list = async () =>
      (
        await app.inject({ url: `/api/v1/escalations?regionId=${county.villageA.id}`, headers: township.headers })
      ).json();
    const first = await list();
    expect(first.total).toBe(2);
    const byKind = Object.fromEntries(first.items.map((e: { kind: string }) => [e.kind, e]));
    expect(byKind.overdueCheck).toMatchObject({
      keyPersonId: kp.id,
      day: '2024-02-29',
      slot: 'am',
      regionName: county.villageA.name,
      answerable: { name: '孙医生', duty: 'medical' },
    });
    expect(byKind.overdueLead).toMatchObject({ name: '待核查人', answerable: { name: '李干部', duty: 'cadre' } });

    // Two hours on, the township's leader answers for the missed check.
    await runKeyPersonJobs(db, new Date('2024-02-29T06:00:00Z'));
    const later = (await list()).items.find((e: { kind: string }) => e.kind === 'overdueCheck');
    expect(later.answerable).toMatchObject({ name: '王镇长', duty: 'leader', regionName: county.townshipA.name });

    // A gap in the chain is shown as nobody, not hidden.
    const removed = await app.inject({
      method: 'DELETE',
      url: `${chainUrl(county.villageA.id)}/${byKind.overdueLead.answerable.id}`,
      headers: township.headers,
    });
    expect(removed.statusCode).toBe(200);
    expect((await list()).items.find((e: { kind: string }) => e.kind === 'overdueLead').answerable).toBeNull();

    // Out of scope: nothing.
    await buildUser(db, { username: 'townshipB', role: 'townshipOfficer', region: county.townshipB });
    const b = await loginAs(app, 'townshipB');
    expect((await app.inject({ url: '/api/v1/escalations', headers: b.headers })).json()).toEqual({
      items: [],
      total: 0,
    });
  });
});
