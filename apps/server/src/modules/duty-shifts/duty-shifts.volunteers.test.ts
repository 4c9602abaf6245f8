import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';
import { insertVolunteer, insertVolunteerTeam } from '../volunteer-teams/volunteer-teams.service.js';

// 志愿者上岗: members of the volunteer teams in scope can stand checkpoint shifts, a village's office
// roster and the county's command duty; a volunteer of another area cannot be put on a shift.
describe('volunteers on duty rosters', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let cadre: Session;
  let commander: Session;
  let checkpointId: string;
  const team = async (r: { id: string; path: string }, name: string, members: string[]) => {
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await insertVolunteerTeam(tx, null, r, id, { kind: 'partyMember', name });
      for (const m of members)
        await insertVolunteer(
          tx,
          null,
          { id, regionPath: r.path },
          { name: m, phone: '13800001111', isLeader: false, skills: ['checkpoint'] },
        );
    });
  };
  const ids = async (name: string) =>
    (await db.execute<{ id: string }>(sql`SELECT id FROM volunteer WHERE name = ${name}`)).rows[0]!.id;

  beforeAll(async () => {
    county = await buildCounty(db);
    await team(county.villageA, '五凤村党员志愿服务队', ['刘志愿', '陈志愿']);
    await team(county.villageB, '外村志愿服务队', ['外村志愿']);
    await team(county.townshipA, '淮口街道志愿服务队', ['街道志愿']);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    [officer, cadre, commander] = [
      await loginAs(app, 'officer'),
      await loginAs(app, 'cadre'),
      await loginAs(app, 'commander'),
    ];
    checkpointId = (await buildCheckpoint(db, county.villageA)).id;
  });

  it("offers the volunteers of the post's region, the regions inside it and above it, in the picker's scope, without phones", async () => {
    const atCheckpoint = (
      await app.inject({ url: `/api/v1/duty-shifts/volunteers?checkpointId=${checkpointId}`, headers: officer.headers })
    ).json();
    expect(atCheckpoint.items.map((v: { name: string }) => v.name).sort()).toEqual(
      ['刘志愿', '街道志愿', '陈志愿'].sort(),
    );
    expect(atCheckpoint.items[0]).not.toHaveProperty('phone');
    // The village cadre's scope holds only the village's own team.
    const byCadre = (
      await app.inject({
        url: `/api/v1/duty-shifts/volunteers?officeRegionId=${county.villageA.id}`,
        headers: cadre.headers,
      })
    ).json();
    expect(byCadre.items.map((v: { teamName: string }) => v.teamName)).toEqual([
      '五凤村党员志愿服务队',
      '五凤村党员志愿服务队',
    ]);
    const county_ = (
      await app.inject({
        url: `/api/v1/duty-shifts/volunteers?officeRegionId=${county.county.id}`,
        headers: commander.headers,
      })
    ).json();
    expect(county_.items).toHaveLength(4);
    expect(
      (
        await app.inject({
          url: `/api/v1/duty-shifts/volunteers?officeRegionId=${county.townshipB.id}`,
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: '/api/v1/duty-shifts/volunteers', headers: officer.headers })).statusCode).toBe(
      422,
    );
  });

  it('puts volunteers on a checkpoint shift, a village office roster and the county command duty, named as in their team', async () => {
    const day = '2026-12-20';
    const liu = await ids('刘志愿');
    const shift = await app.inject({
      method: 'PUT',
      url: `/api/v1/checkpoints/${checkpointId}/duty-shifts/${day}`,
      headers: officer.headers,
      payload: {
        members: [
          { name: '张组长', role: 'leader' },
          { name: '随便写', role: 'volunteer', volunteerId: liu },
        ],
      },
    });
    expect(shift.statusCode).toBe(200);
    expect(shift.json().members).toEqual([
      { name: '张组长', role: 'leader', phone: null },
      { name: '刘志愿', role: 'volunteer', phone: null, volunteerId: liu },
    ]);
    const office = await app.inject({
      method: 'PUT',
      url: `/api/v1/offices/${county.villageA.id}/duty-shifts/${day}`,
      headers: cadre.headers,
      payload: {
        members: [
          { name: '村支书', role: 'leader' },
          { name: '陈志愿', role: 'volunteer', volunteerId: await ids('陈志愿') },
        ],
      },
    });
    expect(office.statusCode).toBe(200);
    const command = await app.inject({
      method: 'PUT',
      url: `/api/v1/offices/${county.county.id}/duty-shifts/${day}`,
      headers: commander.headers,
      payload: {
        members: [
          { name: '县长', role: 'leader' },
          { name: '街道志愿', role: 'volunteer', volunteerId: await ids('街道志愿') },
        ],
      },
    });
    expect(command.statusCode).toBe(200);
    const roster = (
      await app.inject({ url: `/api/v1/duty-shifts?from=${day}&to=${day}`, headers: commander.headers })
    ).json();
    expect(
      roster.shifts.flatMap((s: { members: { volunteerId?: string }[] }) => s.members.filter((m) => m.volunteerId))
        .length,
    ).toBe(3);
  });

  it('refuses a volunteer of another village or an unknown one, field by field, and writes nothing', async () => {
    const day = '2026-12-21';
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/checkpoints/${checkpointId}/duty-shifts/${day}`,
      headers: officer.headers,
      payload: {
        members: [
          { name: '张组长', role: 'leader' },
          { name: '外村志愿', role: 'volunteer', volunteerId: await ids('外村志愿') },
          { name: 'x', role: 'volunteer', volunteerId: uuidv7() },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'members.1.volunteerId',
      'members.2.volunteerId',
    ]);
    // The cadre of village A cannot put the township's volunteer on the village roster: outside their scope.
    const cadreTry = await app.inject({
      method: 'PUT',
      url: `/api/v1/offices/${county.villageA.id}/duty-shifts/${day}`,
      headers: cadre.headers,
      payload: { members: [{ name: '街道志愿', role: 'volunteer', volunteerId: await ids('街道志愿') }] },
    });
    expect(cadreTry.statusCode).toBe(422);
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM duty_shift WHERE day = ${day}`)).rows[0]!.n).toBe(0);
  });
});
