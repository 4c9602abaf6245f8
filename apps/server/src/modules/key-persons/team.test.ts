import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildGrid, buildHousehold, buildKeyPerson, buildUser } from '../../../test/factories.js';
import { gridWorker } from '../../db/schema/index.js';

// Responsible officers are accounts: the picker, the proposed team from grid and village, and the file
// reaching the worklists (测温任务, 我包保的) of the officers once the team is confirmed.
describe('key-person teams of accounts', async () => {
  const clock = new Date('2024-02-25T02:00:00Z'); // 10:00 in Shanghai: the am slot is open
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, {
      username: 'cadre',
      role: 'townshipOfficer',
      region: county.townshipA,
      displayName: '镇干部',
    });
    ids.worker = (
      await buildUser(db, { username: 'worker', role: 'gridWorker', region: county.villageA, displayName: '网格员甲' })
    ).id;
    ids.leader = (
      await buildUser(db, { username: 'gridlead', role: 'gridWorker', region: county.villageA, displayName: '网格长' })
    ).id;
    ids.doctor = (
      await buildUser(db, { username: 'doctor', role: 'doctor', region: county.villageA, displayName: '村医' })
    ).id;
    ids.village = (
      await buildUser(db, { username: 'village', role: 'villageCadre', region: county.villageA, displayName: '村干部' })
    ).id;
    ids.outsideDoctor = (
      await buildUser(db, { username: 'doctorB', role: 'doctor', region: county.villageB, displayName: '外村医生' })
    ).id;
    const grid = await buildGrid(db, county.villageA, '第一网格', ids.leader);
    await db.insert(gridWorker).values({ gridId: grid.id, userId: ids.worker });
    const household = await buildHousehold(db, county.villageA, 1, grid.id);
    ids.kp = (
      await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20', personId: household.memberIds[0] })
    ).id;
    cadre = await loginAs(app, 'cadre');
  });
  const call = (method: string, url: string, payload?: unknown, s = cadre) =>
    app.inject({ method: method as never, url, payload: payload as never, headers: s.headers });

  it('proposes the grid worker, the village doctor and the village cadre, and lists only accounts over the person', async () => {
    const res = await call('GET', `/api/v1/key-persons/${ids.kp}/officer-candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const { proposed, accounts } = res.json();
    expect(proposed).toEqual([
      { role: 'gridWorker', userId: ids.worker, name: '网格员甲' },
      { role: 'doctor', userId: ids.doctor, name: '村医' },
      { role: 'villageCadre', userId: ids.village, name: '村干部' },
    ]);
    const names = accounts.map((a: { displayName: string }) => a.displayName);
    expect(names).toContain('镇干部');
    expect(names).not.toContain('外村医生');
    expect(accounts.find((a: { userId: string }) => a.userId === ids.doctor).officerRoles).toEqual([
      'police',
      'doctor',
    ]);
  });

  it('refuses a name without an account for a village role, an account outside the region, and a role that does not fit; nothing is added', async () => {
    const res = await call('POST', `/api/v1/key-persons/${ids.kp}/team`, {
      officers: [
        { role: 'gridWorker', name: '张三' },
        { role: 'doctor', userId: ids.outsideDoctor },
        { role: 'doctor', userId: ids.worker },
        { role: 'villageCadre', userId: ids.village },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { field: 'officers.0.userId', message: expect.stringContaining('系统账号') },
      { field: 'officers.1.userId', message: '该账号不负责此人所在的区划' },
      { field: 'officers.2.userId', message: '该账号的角色不能担任这一包保角色' },
    ]);
    expect((await call('GET', `/api/v1/key-persons/${ids.kp}`)).json().officers).toBe(0);
  });

  it("confirms the proposed team in one action; a repeat is no error; the file reaches the officers' worklists", async () => {
    const { proposed } = (await call('GET', `/api/v1/key-persons/${ids.kp}/officer-candidates`)).json();
    const officers = proposed.map((p: { role: string; userId: string }) => ({ role: p.role, userId: p.userId }));
    const res = await call('POST', `/api/v1/key-persons/${ids.kp}/team`, { officers });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ officers: 3, requiredOfficers: 3 });
    expect(
      res
        .json()
        .officerList.map((o: { userId: string }) => o.userId)
        .sort(),
    ).toEqual([ids.worker, ids.doctor, ids.village].sort());
    expect((await call('POST', `/api/v1/key-persons/${ids.kp}/team`, { officers })).json().officers).toBe(3);
    expect((await call('POST', `/api/v1/key-persons/${ids.kp}/officers`, officers[0])).statusCode).toBe(200);
    expect((await call('GET', `/api/v1/key-persons/${ids.kp}/officer-candidates`)).json().proposed).toEqual([]);
    for (const username of ['worker', 'doctor']) {
      const s = await loginAs(app, username);
      const mine = (await call('GET', '/api/v1/key-persons?mine=true&list=dueNow', undefined, s)).json();
      expect([username, mine.items.map((i: { id: string }) => i.id)]).toEqual([username, [ids.kp]]);
    }
    const audited = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'keyPerson.officerAdd' AND target_id = ${ids.kp}`,
    );
    expect(audited.rows[0]!.n).toBe(3);
  });
});
