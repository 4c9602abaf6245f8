import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import {
  buildCounty,
  buildGrid,
  buildHousehold,
  buildRegion,
  buildRiskArea,
  buildRound,
  buildUser,
} from '../../../test/factories.js';
import { gridWorker } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import { blindIndexes } from '../../security/personal-data-crypto.js';

describe('screening rounds, visits and coverage', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let worker: Session;
  let round: Awaited<ReturnType<typeof buildRound>>;
  let area: Awaited<ReturnType<typeof buildRiskArea>>;
  // Village A: grid 1 holds h1..h4, grid 2 holds h5; a second village A2 in township A holds h6.
  const h: { id: string; memberIds: string[] }[] = [];
  let grid1: { id: string };
  let grid2: { id: string };
  let villageA2: Awaited<ReturnType<typeof buildRegion>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    villageA2 = await buildRegion(db, '510121001002', '三星村', county.townshipA);
    const officerRow = await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    const workerRow = await buildUser(db, { username: 'worker', role: 'gridWorker', region: county.villageA });
    grid1 = await buildGrid(db, county.villageA, '第一网格');
    grid2 = await buildGrid(db, county.villageA, '第二网格');
    await db.insert(gridWorker).values({ gridId: grid1.id, userId: workerRow.id });
    for (let i = 1; i <= 4; i++) h.push(await buildHousehold(db, county.villageA, 2, grid1.id, `五凤村${i}号`));
    h.push(await buildHousehold(db, county.villageA, 1, grid2.id, '五凤村5号'));
    h.push(await buildHousehold(db, villageA2, 3, undefined, '三星村1号'));
    await buildHousehold(db, county.villageB, 2); // outside the round
    area = await buildRiskArea(db, county.county, { startsOn: '2026-11-01', endsOn: '2026-11-15' });
    round = await buildRound(db, county.townshipA, { travelSince: '2026-10-20' });
    void officerRow;
    officer = await loginAs(app, 'officer');
    worker = await loginAs(app, 'worker');
  });
  const visit = (payload: Record<string, unknown>, s = worker) =>
    app.inject({ method: 'POST', url: `/api/v1/screening/rounds/${round.id}/visits`, payload, headers: s.headers });
  const coverage = async (regionId?: string, s = officer) =>
    (
      await app.inject({
        url: `/api/v1/screening/rounds/${round.id}/coverage${regionId ? `?regionId=${regionId}` : ''}`,
        headers: s.headers,
      })
    ).json();
  const listed = async (query: string, s = officer) =>
    (await app.inject({ url: `/api/v1/screening/rounds/${round.id}/households?${query}`, headers: s.headers })).json();

  it('starts with every household in scope missing, and names them', async () => {
    const c = await coverage();
    expect(c.total).toEqual({
      households: 6,
      visited: 0,
      away: 0,
      nobodyHome: 0,
      refused: 0,
      notVisited: 6,
      missing: 6,
      persons: 0,
      leads: 0,
    });
    expect((await listed('state=missing&pageSize=200')).items.map((x: { address: string }) => x.address)).toEqual([
      '五凤村1号',
      '五凤村2号',
      '五凤村3号',
      '五凤村4号',
      '五凤村5号',
      '三星村1号',
    ]);
  });

  it('records a visit with member answers and raises leads for a risk area trip, fever and symptoms', async () => {
    const [a, b] = h[0]!.memberIds;
    const res = await visit({
      householdId: h[0]!.id,
      outcome: 'visited',
      pledgeSigned: true,
      notices: ['healthNotice'],
      members: [
        {
          personId: a,
          present: true,
          travel: [{ place: '某区', from: '2026-11-10', to: '2026-11-20', riskAreaId: area.id }],
        },
        { personId: b, present: true, symptoms: ['咳嗽'], temperature: '37.8' },
      ],
    });
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v.members.map((m: { leadId: string | null }) => !!m.leadId)).toEqual([true, true]);
    expect(v.members[1].temperature).toBe(37.8);
    const leads = await db.execute(
      sql`SELECT l.person_id, s.reasons, s.source, s.source_ref FROM lead l JOIN lead_source s ON s.lead_id = l.id ORDER BY l.person_id`,
    );
    expect(leads.rows).toEqual(
      [
        { person_id: a, reasons: ['riskArea'], source: 'screening', source_ref: v.id },
        { person_id: b, reasons: ['fever', 'symptoms'], source: 'screening', source_ref: v.id },
      ].sort((x, y) => String(x.person_id).localeCompare(String(y.person_id))),
    );
  });

  it("raises no lead for a trip outside the area's dates or a normal temperature", async () => {
    const [a, b] = h[1]!.memberIds;
    const res = await visit({
      householdId: h[1]!.id,
      outcome: 'visited',
      members: [
        {
          personId: a,
          present: true,
          travel: [{ place: '某区', from: '2026-10-01', to: '2026-10-31', riskAreaId: area.id }],
        },
        { personId: b, present: false, awayPlace: '成都', temperature: 36.5 },
      ],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().members.map((m: { leadId: string | null }) => m.leadId)).toEqual([null, null]);
  });

  it('a replayed visit (same id) answers the stored one and creates nothing', async () => {
    const id = uuidv7();
    const payload = { id, householdId: h[2]!.id, outcome: 'nobodyHome' };
    const [first, again] = [await visit(payload), await visit(payload)];
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json().id).toBe(id);
    await visit({ householdId: h[3]!.id, outcome: 'refused' });
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM visit WHERE id = ${id}`);
    expect(n.rows[0]).toEqual({ n: 1 });
  });

  it('replays sent at the same time still store one visit and one set of leads', async () => {
    const id = uuidv7();
    const payload = {
      id,
      householdId: h[4]!.id,
      outcome: 'visited',
      members: [{ personId: h[4]!.memberIds[0], present: true, symptoms: ['乏力'] }],
    };
    const answers = await Promise.all([visit(payload), visit(payload), visit(payload)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 200, 201]);
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM visit_member WHERE visit_id = ${id}`)).rows[0]).toEqual(
      { n: 1 },
    );
    expect(
      (await db.execute(sql`SELECT count(*)::int AS n FROM lead_source WHERE source_ref = ${id}`)).rows[0],
    ).toEqual({ n: 1 });
  });

  it('counts exactly, by the latest visit of each household, per region and per grid', async () => {
    // So far: h1 visited (2 persons, 2 leads), h2 visited (2 persons), h3 nobodyHome, h4 refused, h5 visited (1 person, 1 lead), h6 nothing.
    const c = await coverage();
    expect(c.total).toEqual({
      households: 6,
      visited: 3,
      away: 0,
      nobodyHome: 1,
      refused: 1,
      notVisited: 1,
      missing: 3,
      persons: 5,
      leads: 3,
    });
    expect(
      c.children.map((r: { name: string; households: number; missing: number }) => [r.name, r.households, r.missing]),
    ).toEqual([
      ['五凤村', 5, 2],
      ['三星村', 1, 1],
    ]);
    const village = await coverage(county.villageA.id);
    expect(
      village.children.map(
        (r: { kind: string; name: string; households: number; visited: number; missing: number }) => [
          r.kind,
          r.name,
          r.households,
          r.visited,
          r.missing,
        ],
      ),
    ).toEqual(
      expect.arrayContaining([
        ['grid', '第一网格', 4, 2, 2],
        ['grid', '第二网格', 1, 1, 0],
      ]),
    );
    expect(
      (await listed('state=missing')).items.map((x: { address: string; state: string }) => [x.address, x.state]),
    ).toEqual([
      ['五凤村3号', 'nobodyHome'],
      ['五凤村4号', 'refused'],
      ['三星村1号', 'notVisited'],
    ]);
    // A revisit that finds the family home moves the household from missing to visited.
    await visit({ householdId: h[2]!.id, outcome: 'visited', members: [] });
    const after = await coverage();
    expect(after.total).toMatchObject({ visited: 4, nobodyHome: 0, missing: 2, households: 6 });
    const row = (await listed('state=visited')).items.find((x: { address: string }) => x.address === '五凤村3号');
    expect(row).toMatchObject({ state: 'visited', visits: 2 });
  });

  it('gives a grid worker the households of their grid, and the figures of their village only', async () => {
    const mine = await listed('mine=true&state=missing', worker);
    expect(mine.items.map((x: { address: string }) => x.address)).toEqual(['五凤村4号']);
    const c = await coverage(undefined, worker);
    expect(c.regionName).toBe('五凤村');
    expect(c.total.households).toBe(5);
    expect(
      (
        await app.inject({
          url: `/api/v1/screening/rounds/${round.id}/coverage?regionId=${villageA2.id}`,
          headers: worker.headers,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('registers a member found at the door, linking a known ID number instead of duplicating', async () => {
    const id = makeIdNumber({ regionCode: '510121', birthDate: '1999-09-09', sequence: 5, sex: 'female' });
    const payload = {
      householdId: h[3]!.id,
      outcome: 'visited',
      members: [
        {
          newPerson: { name: '新媳妇', idNumber: id, phone: '13800001234' },
          present: true,
          travel: [{ place: '某区', from: '2026-11-05', riskAreaId: area.id }],
        },
      ],
    };
    const res = await visit(payload);
    expect(res.statusCode).toBe(201);
    expect(res.json().members[0]).toMatchObject({ name: '新媳妇', discovered: true, leadId: expect.any(String) });
    const again = await visit(payload);
    expect(again.statusCode).toBe(201);
    expect(
      (
        await db.execute(
          sql`SELECT count(*)::int AS n FROM person WHERE id_number_bidx = ${blindIndexes('idNumber', id)[0]}`,
        )
      ).rows[0],
    ).toEqual({ n: 1 });
    // The second report about the same person adds a source to their open lead.
    expect(
      (
        await db.execute(
          sql`SELECT count(*)::int AS n FROM lead l JOIN person p ON p.id = l.person_id WHERE p.id_number_bidx = ${blindIndexes('idNumber', id)[0]}`,
        )
      ).rows[0],
    ).toEqual({ n: 1 });
    const c = await coverage();
    expect(c.total).toMatchObject({ persons: 6, leads: 4, missing: 1 });
  });

  it('rejects members of other households, unknown risk areas, answers on a refused visit, and out-of-round households', async () => {
    const before = (await db.execute(sql`SELECT count(*)::int AS n FROM visit`)).rows[0];
    const wrong = await visit({
      householdId: h[0]!.id,
      outcome: 'visited',
      members: [
        {
          personId: h[1]!.memberIds[0],
          present: true,
          travel: [{ place: 'x', from: '2026-11-01', riskAreaId: uuidv7() }],
        },
      ],
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'members.0.personId',
      'members.0.travel.0.riskAreaId',
    ]);
    const refused = await visit({
      householdId: h[0]!.id,
      outcome: 'refused',
      members: [{ personId: h[0]!.memberIds[0], present: true }],
    });
    expect(refused.json().errors[0].field).toBe('members');
    const fever = await visit({
      householdId: h[0]!.id,
      outcome: 'visited',
      members: [{ personId: h[0]!.memberIds[0], present: true, temperature: '45' }],
    });
    expect(fever.json().errors[0].field).toBe('members.0.temperature');
    const outsideRound = await buildRound(db, county.villageA, { name: '五凤村专项' });
    const r = await app.inject({
      method: 'POST',
      url: `/api/v1/screening/rounds/${outsideRound.id}/visits`,
      payload: { householdId: h[5]!.id, outcome: 'nobodyHome' },
      headers: officer.headers,
    });
    expect(r.json().errors).toEqual([{ field: 'householdId', message: expect.stringMatching(/不在本轮/) }]);
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM visit`)).rows[0]).toEqual(before);
  });

  it('opens, lists and closes rounds; a closed round takes no visits', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/screening/rounds',
      payload: {
        regionId: county.townshipA.id,
        name: '第三轮: 省外返乡人员排查',
        startsOn: '2026-11-20',
        deadline: '2026-11-25',
        travelSince: '2026-11-06',
      },
      headers: officer.headers,
    });
    expect(created.statusCode).toBe(201);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/screening/rounds',
      payload: {
        regionId: county.townshipA.id,
        name: 'x',
        startsOn: '2026-11-20',
        deadline: '2026-11-19',
        travelSince: '2026-11-06',
      },
      headers: officer.headers,
    });
    expect(bad.json().errors[0].field).toBe('deadline');
    const id = created.json().id;
    const closed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/screening/rounds/${id}`,
      payload: { status: 'closed' },
      headers: officer.headers,
    });
    expect(closed.json().status).toBe('closed');
    const v = await app.inject({
      method: 'POST',
      url: `/api/v1/screening/rounds/${id}/visits`,
      payload: { householdId: h[0]!.id, outcome: 'nobodyHome' },
      headers: worker.headers,
    });
    expect(v.json().errors[0].field).toBe('roundId');
    const list = (await app.inject({ url: '/api/v1/screening/rounds', headers: worker.headers })).json();
    expect(list.items.map((r: { name: string }) => r.name)).toContain('第三轮: 省外返乡人员排查');
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${id} ORDER BY at`);
    expect(audit.rows.map((r) => r.event)).toEqual(['screeningRound.create', 'screeningRound.update']);
  });
});
