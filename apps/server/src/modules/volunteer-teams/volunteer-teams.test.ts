import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { maskPhone } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

describe('volunteer and party-member teams (志愿服务队)', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let viewer: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'viewer', role: 'viewer', region: county.townshipA });
    cadre = await loginAs(app, 'cadre');
    viewer = await loginAs(app, 'viewer');
  });
  const post = (url: string, payload: Record<string, unknown>, who = cadre) =>
    app.inject({ method: 'POST', url, payload, headers: who.headers });

  it("keeps a village's party-member team with members, skills and where they serve", async () => {
    const team = (
      await post('/api/v1/volunteer-teams', {
        regionId: county.villageA.id,
        kind: 'partyMember',
        name: '五凤村党员志愿服务队',
      })
    ).json();
    await post(`/api/v1/volunteer-teams/${team.id}/members`, {
      name: '刘队长',
      phone: '13800001111',
      isLeader: true,
      skills: ['checkpoint'],
      assignment: '五凤村卡口 夜班',
    });
    const withTwo = (
      await post(`/api/v1/volunteer-teams/${team.id}/members`, {
        name: '陈志愿',
        phone: '13800002222',
        skills: ['delivery', 'publicity'],
        assignment: '代购配送',
      })
    ).json();
    expect(withTwo.members.map((m: { name: string; isLeader: boolean }) => [m.name, m.isLeader])).toEqual([
      ['刘队长', true],
      ['陈志愿', false],
    ]);
    expect(withTwo.members[1]).toMatchObject({
      skills: ['delivery', 'publicity'],
      assignment: '代购配送',
      phone: maskPhone('13800002222'),
    });

    // A reader of the township sees the team, with phones masked.
    const seen = (await app.inject({ url: '/api/v1/volunteer-teams', headers: viewer.headers })).json();
    expect(seen).toMatchObject({ total: 1, volunteers: 2 });
    expect(seen.items[0].members[0].phone).not.toBe('13800001111');
    expect(seen.items[0].members[0].phone).toMatch(/\*/);

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/volunteer-teams/${team.id}/members/${withTwo.members[1].id}`,
      headers: cadre.headers,
    });
    expect(removed.json().members).toHaveLength(1);
    const audited = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${team.id} ORDER BY at, id`);
    expect(audited.rows.map((r) => r.event)).toEqual([
      'volunteerTeam.create',
      'volunteerTeam.memberAdd',
      'volunteerTeam.memberAdd',
      'volunteerTeam.memberRemove',
    ]);
  });

  it('refuses unknown skills, bad phones, other villages and readers', async () => {
    const team = (
      await post('/api/v1/volunteer-teams', { regionId: county.villageA.id, kind: 'volunteer', name: '青年志愿服务队' })
    ).json();
    expect(
      (await post(`/api/v1/volunteer-teams/${team.id}/members`, { name: 'x', skills: ['flying'] })).json().errors[0]
        .field,
    ).toBe('skills.0');
    expect(
      (await post(`/api/v1/volunteer-teams/${team.id}/members`, { name: 'x', phone: '12' })).json().errors[0].field,
    ).toBe('phone');
    expect(
      (await post('/api/v1/volunteer-teams', { regionId: county.villageB.id, kind: 'volunteer', name: 'x' })).json()
        .errors[0].field,
    ).toBe('regionId');
    expect(
      (await post('/api/v1/volunteer-teams', { regionId: county.villageA.id, kind: 'volunteer', name: 'x' }, viewer))
        .statusCode,
    ).toBe(403);
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM volunteer WHERE team_id = ${team.id}`);
    expect(n.rows[0]!.n).toBe(0);
  });
});
