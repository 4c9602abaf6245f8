import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildCounty, buildHousehold, buildKeyPerson, buildPerson, buildUser } from '../../test/factories.js';

// Two people edit the same record from the same page load: the second write, based on a version
// that is no longer current, is refused (412) instead of silently undoing the first.
describe('lost updates', async () => {
  const { app, db } = await testApp();
  let alice: Session;
  let bob: Session;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'alice', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'bob', role: 'villageCadre', region: county.villageA });
    alice = await loginAs(app, 'alice');
    bob = await loginAs(app, 'bob');
  });
  const read = async (url: string, s: Session) => {
    const res = await app.inject({ url, headers: s.headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toMatch(/^"\d+"$/);
    return { etag: res.headers.etag as string, body: res.json() };
  };
  const patch = (url: string, s: Session, payload: Record<string, unknown>, etag?: string) =>
    app.inject({ method: 'PATCH', url, payload, headers: { ...s.headers, ...(etag ? { 'if-match': etag } : {}) } });

  /** Both read, both write at once with what they read: exactly one wins, the other gets 412 and the winner's value stays. */
  async function race(url: string, a: Record<string, unknown>, b: Record<string, unknown>) {
    const [ra, rb] = [await read(url, alice), await read(url, bob)];
    expect(ra.etag).toBe(rb.etag);
    const [wa, wb] = await Promise.all([patch(url, alice, a, ra.etag), patch(url, bob, b, rb.etag)]);
    expect([wa.statusCode, wb.statusCode].sort()).toEqual([200, 412]);
    const [winner, loser] = wa.statusCode === 200 ? [wa, wb] : [wb, wa];
    expect(loser.json().type).toBe('https://fangkong.dev/problems/staleVersion');
    expect(winner.headers.etag).not.toBe(ra.etag);
    const after = await read(url, alice);
    expect(after.etag).toBe(winner.headers.etag);
    return { winner: winner === wa ? 'a' : 'b', after: after.body, fresh: after.etag };
  }

  it('person: a stale phone number no longer overwrites a fresh one; reapplied on the new version it is taken', async () => {
    const p = await buildPerson(db, county.villageA, { phone: '13800138000' });
    const url = `/api/v1/persons/${p.id}`;
    const { winner, after, fresh } = await race(url, { phone: '13900139001' }, { phone: '13700137002' });
    expect(after.phone).toBe(winner === 'a' ? '139****9001' : '137****7002');
    const reapplied = await patch(url, winner === 'a' ? bob : alice, { phone: '13600136003' }, fresh);
    expect(reapplied.statusCode).toBe(200);
    // An older client without If-Match is still accepted.
    expect((await patch(url, alice, { name: '改名' })).statusCode).toBe(200);
  });

  it('household: two address changes from the same view, one wins', async () => {
    const h = await buildHousehold(db, county.villageA, 1);
    const { winner, after } = await race(
      `/api/v1/households/${h.id}`,
      { address: '五凤村8号' },
      { address: '五凤村9号' },
    );
    expect(after.address).toBe(winner === 'a' ? '五凤村8号' : '五凤村9号');
  });

  it('key person: two end-date changes from the same view do not both record the same "from"', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2026-12-01' });
    const { after } = await race(
      `/api/v1/key-persons/${kp.id}`,
      { plannedEndDate: '2026-12-20', reason: '延长观察' },
      { plannedEndDate: '2026-12-10', reason: '提前结束' },
    );
    expect(['2026-12-20', '2026-12-10']).toContain(after.plannedEndDate);
  });

  const post = (url: string, s: Session, payload: Record<string, unknown>, etag?: string, lang?: string) =>
    app.inject({
      method: 'POST',
      url,
      payload,
      headers: { ...s.headers, ...(etag ? { 'if-match': etag } : {}), ...(lang ? { 'accept-language': lang } : {}) },
    });
  const eventCount = async (id: string) =>
    Number(
      (await db.execute(sql`SELECT count(*)::int AS n FROM key_person_event WHERE key_person_id = ${id}`)).rows[0]!.n,
    );

  it('key person: two status changes from the same view at once, one wins and the other writes nothing', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2026-12-01' });
    const url = `/api/v1/key-persons/${kp.id}`;
    const [ra, rb] = [await read(url, alice), await read(url, bob)];
    const before = await eventCount(kp.id);
    const [wa, wb] = await Promise.all([
      post(`${url}/status`, alice, { status: 'hospitalized', reason: '发热送医' }, ra.etag),
      post(`${url}/status`, bob, { status: 'lostToFollowUp', reason: '联系不上' }, rb.etag),
    ]);
    expect([wa.statusCode, wb.statusCode].sort()).toEqual([200, 412]);
    const [winner, loser] = wa.statusCode === 200 ? [wa, wb] : [wb, wa];
    expect(loser.json().title).toBe('该记录已被他人修改，请查看对方的修改后再提交');
    expect(winner.headers.etag).not.toBe(ra.etag);
    const after = await read(url, alice);
    expect(after.etag).toBe(winner.headers.etag);
    expect(after.body.status).toBe(winner === wa ? 'hospitalized' : 'lostToFollowUp');
    expect(await eventCount(kp.id)).toBe(before + 1);
  });

  it("key person: a transfer or a resume made on a stale view answers 412 in the user's language and changes nothing; without If-Match it is taken", async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2026-12-01' });
    const url = `/api/v1/key-persons/${kp.id}`;
    const stale = (await read(url, bob)).etag;
    const fresh = await read(url, alice);
    const hospitalised = await post(`${url}/status`, alice, { status: 'hospitalized', reason: '发热送医' }, fresh.etag);
    expect(hospitalised.statusCode).toBe(200);
    const before = await eventCount(kp.id);
    const moved = await post(
      `${url}/transfer`,
      bob,
      { regionId: county.villageB.id, reason: '搬到石板村' },
      stale,
      'en-US',
    );
    expect(moved.statusCode).toBe(412);
    expect(moved.headers['content-type']).toContain('application/problem+json');
    expect(moved.json().title).toBe('Someone else changed this record; look at their change before saving yours');
    expect(
      (await post(`${url}/transfer`, bob, { destination: '成都市武侯区', reason: '外迁' }, stale)).statusCode,
    ).toBe(412);
    // A stale writer learns of the other change, not that the file's state no longer allows theirs.
    expect((await post(`${url}/status`, bob, { status: 'lostToFollowUp', reason: '联系不上' }, stale)).statusCode).toBe(
      412,
    );
    expect((await patch(url, bob, { plannedEndDate: '2026-12-30', reason: '延长' }, stale)).statusCode).toBe(412);
    const [row] = (await db.execute(sql`SELECT status, region_path::text AS path FROM key_person WHERE id = ${kp.id}`))
      .rows as { status: string; path: string }[];
    expect(row).toEqual({ status: 'hospitalized', path: county.villageA.path });
    expect(await eventCount(kp.id)).toBe(before);
    // Reapplied on the version now current, or sent by an older client without If-Match: taken.
    const current = (await read(url, bob)).etag;
    expect((await post(`${url}/status`, bob, { status: 'active', reason: '出院' }, current)).statusCode).toBe(200);
    const transferred = await post(`${url}/transfer`, alice, { destination: '成都市武侯区', reason: '外迁' });
    expect(transferred.statusCode).toBe(200);
    expect(transferred.json().status).toBe('transferred');
  });

  it('person: a move made on a stale view answers 412 and the person stays where they are', async () => {
    const from = await buildHousehold(db, county.villageA, 1);
    const to = await buildHousehold(db, county.villageA, 0, undefined, '五凤村20号');
    const p = await buildPerson(db, county.villageA, { phone: '13800138011', householdId: from.id });
    const url = `/api/v1/persons/${p.id}`;
    const { etag } = await read(url, bob);
    expect((await patch(url, alice, { phone: '13900139011' })).statusCode).toBe(200);
    expect((await post(`${url}/move`, bob, { householdId: to.id }, etag)).statusCode).toBe(412);
    const [row] = (await db.execute(sql`SELECT household_id FROM person WHERE id = ${p.id}`)).rows as {
      household_id: string;
    }[];
    expect(row!.household_id).toBe(from.id);
    const moved = await post(`${url}/move`, bob, { householdId: to.id }, (await read(url, bob)).etag);
    expect(moved.statusCode).toBe(200);
    expect(moved.headers.etag).toMatch(/^"\d+"$/);
  });

  it('a recorded check does not make an open edit stale; a malformed If-Match is refused', async () => {
    const kp = await buildKeyPerson(db, county.villageA, { startDate: '2026-12-01' });
    const url = `/api/v1/key-persons/${kp.id}`;
    const { etag } = await read(url, alice);
    await db.execute(`UPDATE key_person SET open_alerts = open_alerts + 1 WHERE id = '${kp.id}'` as never);
    expect((await read(url, alice)).etag).toBe(etag);
    expect((await patch(url, alice, { category: 'closeContact' }, 'garbage')).statusCode).toBe(412);
  });
});
