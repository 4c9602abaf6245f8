import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../db/ids.js';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildPerson, buildUser } from '../../../test/factories.js';
import { blindIndexes } from '../../security/personal-data-crypto.js';

describe('key-person file: trajectory, contacts, services, notices', async () => {
  const clock = new Date('2024-02-25T02:00:00Z'); // 2024-02-25, 10:00 in Shanghai
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let commander: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    cadre = await loginAs(app, 'cadre');
    commander = await loginAs(app, 'commander');
  });
  const call = (method: string, url: string, payload?: Record<string, unknown>, s = cadre) =>
    app.inject({ method: method as never, url, payload, headers: s.headers });
  const count = async (q: ReturnType<typeof sql>) => (await db.execute(q)).rows[0]!.n as number;

  it('keeps the trajectory in date order and refuses an end before the start or a date after today', async () => {
    const kp = await buildKeyPerson(db, county.villageA);
    const url = `/api/v1/key-persons/${kp.id}/trajectory`;
    const id = uuidv7();
    expect(
      (
        await call('POST', url, {
          id,
          place: '武汉市汉口站',
          startDate: '2024-02-18',
          endDate: '2024-02-19',
          transport: 'train',
          transportDetail: 'G1234 05车12F',
        })
      ).statusCode,
    ).toBe(200);
    expect((await call('POST', url, { id, place: '武汉市汉口站', startDate: '2024-02-18' })).statusCode).toBe(200); // replay
    const res = await call('POST', url, {
      place: '成都市双流机场',
      startDate: '2024-02-15',
      endDate: '2024-02-15',
      transport: 'plane',
    });
    expect(res.json().map((s: { place: string }) => s.place)).toEqual(['成都市双流机场', '武汉市汉口站']);
    const backwards = await call('POST', url, { place: '某地', startDate: '2024-02-20', endDate: '2024-02-19' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json().errors).toEqual([{ field: 'endDate', message: '结束日期不能早于开始日期' }]);
    const future = await call('POST', url, { place: '某地', startDate: '2024-02-26' });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([{ field: 'startDate', message: '日期不能晚于今天' }]);
    expect((await call('POST', url, { place: '某地', startDate: '2024-02-20', transport: 'rocket' })).statusCode).toBe(
      422,
    );
    expect(await count(sql`SELECT count(*)::int AS n FROM trajectory_stop WHERE key_person_id = ${kp.id}`)).toBe(2);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'keyPerson.trajectoryAdd' AND target_id = ${kp.id}`,
      ),
    ).toBe(2);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'person.view' AND target_id = ${kp.id} AND detail->>'part' = 'trajectory'`,
      ),
    ).toBe(3);
  });

  it('answers not found for a file outside the scope, reading or writing', async () => {
    const outside = await buildKeyPerson(db, county.villageB);
    for (const part of ['trajectory', 'contacts', 'services', 'notices']) {
      expect((await call('GET', `/api/v1/key-persons/${outside.id}/${part}`)).statusCode, part).toBe(404);
    }
    expect(
      (
        await call('POST', `/api/v1/key-persons/${outside.id}/services`, {
          kind: 'groceries',
          date: '2024-02-24',
          deliveredBy: '孙网格',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('POST', `/api/v1/key-persons/${outside.id}/contacts`, {
          newPerson: { name: '外人' },
          relation: 'other',
          lastContactDate: '2024-02-24',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      await count(sql`SELECT count(*)::int AS n FROM key_person_service WHERE key_person_id = ${outside.id}`),
    ).toBe(0);
    expect(await count(sql`SELECT count(*)::int AS n FROM person WHERE name = '外人'`)).toBe(0);
  });

  it('links close contacts two hops out, creates an unregistered contact, and refuses oneself and a duplicate', async () => {
    const self = await buildPerson(db, county.villageA, { name: '甲病例' });
    const kp = await buildKeyPerson(db, county.villageA, { personId: self.id });
    const wife = await buildPerson(db, county.villageA, { name: '乙家属', phone: '13812345678' });
    const wifeFile = await buildKeyPerson(db, county.villageA, { personId: wife.id, category: 'closeContact' });
    const url = `/api/v1/key-persons/${kp.id}/contacts`;
    expect(
      (await call('POST', url, { contactPersonId: wife.id, relation: 'household', lastContactDate: '2024-02-24' }))
        .statusCode,
    ).toBe(200);
    // The wife's colleague, linked from the wife's file, is a second hop of the first file.
    const colleague = await call('POST', `/api/v1/key-persons/${wifeFile.id}/contacts`, {
      newPerson: { name: '丙同事', phone: '13900001111' },
      relation: 'colleague',
      lastContactDate: '2024-02-23',
    });
    expect(colleague.statusCode, colleague.body).toBe(200);
    const colleagueId = colleague.json().nodes.find((n: { name: string }) => n.name === '丙同事').personId;
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM person WHERE id = ${colleagueId} AND region_path = ${county.villageA.path}::ltree AND phone_bidx = ${blindIndexes('phone', '13900001111')[0]}`,
      ),
    ).toBe(1);
    // A county user links the colleague to someone in township B: outside the cadre's scope.
    const stranger = await buildPerson(db, county.villageB, { name: '丁路人' });
    const strangerFile = await buildKeyPerson(db, county.villageB, { personId: stranger.id });
    expect(
      (
        await call(
          'POST',
          `/api/v1/key-persons/${strangerFile.id}/contacts`,
          { contactPersonId: colleagueId, relation: 'coTraveller', lastContactDate: '2024-02-22' },
          commander,
        )
      ).statusCode,
    ).toBe(200);

    const graph = (await call('GET', url)).json();
    const byName = Object.fromEntries(graph.nodes.map((n: { name: string }) => [n.name, n]));
    expect(byName['甲病例']).toMatchObject({ hop: 0, keyPersonId: kp.id, inScope: true });
    expect(byName['乙家属']).toMatchObject({
      hop: 1,
      keyPersonId: wifeFile.id,
      keyPersonStatus: 'active',
      phone: '138****5678',
    });
    expect(byName['丙同事']).toMatchObject({ hop: 2, keyPersonId: null });
    expect(graph.nodes.map((n: { name: string }) => n.name)).not.toContain('丁路人'); // three hops out
    expect(graph.links).toHaveLength(2);
    expect(graph.links.find((l: { relation: string }) => l.relation === 'household')).toMatchObject({
      source: self.id,
      target: wife.id,
      lastContactDate: '2024-02-24',
    });
    // From the colleague's side the stranger is one hop, masked, with no file to open.
    const colleagueFile = await buildKeyPerson(db, county.villageA, {
      personId: colleagueId,
      category: 'closeContact',
    });
    const fromColleague = (await call('GET', `/api/v1/key-persons/${colleagueFile.id}/contacts`)).json();
    expect(fromColleague.nodes.find((n: { personId: string }) => n.personId === stranger.id)).toEqual({
      personId: stranger.id,
      name: '丁*',
      phone: null,
      inScope: false,
      hop: 1,
      keyPersonId: null,
      keyPersonStatus: null,
    });

    const self2 = await call('POST', url, {
      contactPersonId: self.id,
      relation: 'other',
      lastContactDate: '2024-02-24',
    });
    expect(self2.statusCode).toBe(422);
    expect(self2.json().errors).toEqual([{ field: 'contactPersonId', message: '不能把本人登记为自己的密切接触者' }]);
    const dup = await call('POST', `/api/v1/key-persons/${wifeFile.id}/contacts`, {
      contactPersonId: self.id,
      relation: 'household',
      lastContactDate: '2024-02-24',
    });
    expect(dup.statusCode).toBe(409); // the same pair, recorded from the other side
    expect(dup.json().errors).toEqual([{ field: 'contactPersonId', message: '这两人之间已登记接触关系' }]);
    const outside = await call('POST', url, {
      contactPersonId: stranger.id,
      relation: 'other',
      lastContactDate: '2024-02-24',
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].field).toBe('contactPersonId');
    const future = await call('POST', url, {
      newPerson: { name: '未来人' },
      relation: 'other',
      lastContactDate: '2024-03-01',
    });
    expect(future.json().errors).toEqual([{ field: 'lastContactDate', message: '日期不能晚于今天' }]);
    expect(
      (
        await call('POST', url, {
          contactPersonId: wife.id,
          newPerson: { name: '两者' },
          relation: 'other',
          lastContactDate: '2024-02-24',
        })
      ).statusCode,
    ).toBe(422);
    expect(await count(sql`SELECT count(*)::int AS n FROM person WHERE name IN ('未来人', '两者')`)).toBe(0);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'keyPerson.contactAdd' AND target_id = ${kp.id}`,
      ),
    ).toBe(1);
  });

  it('records services and notices, newest first, refusing future dates and unknown kinds', async () => {
    const kp = await buildKeyPerson(db, county.villageA);
    const services = `/api/v1/key-persons/${kp.id}/services`;
    await call('POST', services, {
      kind: 'groceries',
      date: '2024-02-21',
      deliveredBy: '孙网格',
      note: '米、油、蔬菜',
    });
    const s = await call('POST', services, { kind: 'counselling', date: '2024-02-24', deliveredBy: '钱医生' });
    expect(s.json().map((x: { kind: string }) => x.kind)).toEqual(['counselling', 'groceries']);
    expect(
      (await call('POST', services, { kind: 'groceries', date: '2024-02-26', deliveredBy: '孙网格' })).json().errors[0],
    ).toEqual({ field: 'date', message: '日期不能晚于今天' });
    expect(
      (await call('POST', services, { kind: 'massage', date: '2024-02-24', deliveredBy: '孙网格' })).statusCode,
    ).toBe(422);
    expect(
      (await call('POST', services, { kind: 'medical', date: '2024-02-24', deliveredBy: ' ' })).json().errors[0].field,
    ).toBe('deliveredBy');

    const notices = `/api/v1/key-persons/${kp.id}/notices`;
    expect(
      (
        await call('POST', notices, {
          kind: 'homeIsolationNotice',
          date: '2024-02-20',
          handedBy: '李干部',
          outcome: 'signed',
        })
      ).statusCode,
    ).toBe(200);
    const n = await call('POST', notices, {
      kind: 'refusalPenaltyNotice',
      date: '2024-02-22',
      handedBy: '赵民警',
      outcome: 'refused',
      note: '拒绝签字，已录像',
    });
    expect(n.json()[0]).toMatchObject({
      kind: 'refusalPenaltyNotice',
      outcome: 'refused',
      handedBy: '赵民警',
      note: '拒绝签字，已录像',
    });
    expect(
      (
        await call('POST', notices, {
          kind: 'homeIsolationNotice',
          date: '2024-02-20',
          handedBy: '李干部',
          outcome: 'maybe',
        })
      ).json().errors[0].field,
    ).toBe('outcome');
    expect(await count(sql`SELECT count(*)::int AS n FROM key_person_notice WHERE key_person_id = ${kp.id}`)).toBe(2);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM audit_log WHERE event IN ('keyPerson.serviceAdd', 'keyPerson.noticeAdd') AND target_id = ${kp.id}`,
      ),
    ).toBe(4);
  });

  it('moves the trajectory, services and notices with a file transferred within the county', async () => {
    const kp = await buildKeyPerson(db, county.villageA);
    await call('POST', `/api/v1/key-persons/${kp.id}/trajectory`, {
      place: '县汽车站',
      startDate: '2024-02-20',
      transport: 'bus',
    });
    await call('POST', `/api/v1/key-persons/${kp.id}/services`, {
      kind: 'medical',
      date: '2024-02-24',
      deliveredBy: '钱医生',
    });
    expect(
      (
        await call(
          'POST',
          `/api/v1/key-persons/${kp.id}/transfer`,
          { regionId: county.villageB.id, reason: '实际居住地' },
          commander,
        )
      ).statusCode,
    ).toBe(200);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM trajectory_stop WHERE key_person_id = ${kp.id} AND region_path = ${county.villageB.path}::ltree`,
      ),
    ).toBe(1);
    expect(
      await count(
        sql`SELECT count(*)::int AS n FROM key_person_service WHERE key_person_id = ${kp.id} AND region_path = ${county.villageB.path}::ltree`,
      ),
    ).toBe(1);
    expect((await call('GET', `/api/v1/key-persons/${kp.id}/trajectory`)).statusCode).toBe(404);
  });
});
