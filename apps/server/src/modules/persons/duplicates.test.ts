import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildHousehold, buildRound, buildUser } from '../../../test/factories.js';
import { person } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import { encrypt } from '../../security/personal-data-crypto.js';

describe('duplicates and merge', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  const ids = {
    child: uuidv7(),
    childAgain: uuidv7(),
    aygul: uuidv7(),
    aygulFull: uuidv7(),
    other: uuidv7(),
    outside: uuidv7(),
  };
  let home: { id: string };
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    cadre = await loginAs(app, 'cadre');
    home = await buildHousehold(db, county.villageA, 0);
    const other = await buildHousehold(db, county.villageA, 0, undefined, '五凤村2号');
    const outside = await buildHousehold(db, county.villageB, 0);
    const at = (householdId: string, v = county.villageA) => ({ householdId, regionId: v.id, regionPath: v.path });
    await db.insert(person).values([
      {
        id: ids.child,
        name: '王小明',
        birthDate: '2019-05-01',
        phone: '13800000001',
        ...at(home.id),
        guardianName: '王大明',
      },
      {
        id: ids.childAgain,
        name: '王小明',
        birthDate: '2019-05-01',
        phone: '13800000001',
        ...at(other.id),
        vulnerableGroups: ['disabled'],
      },
      {
        id: ids.aygul,
        name: '阿依古丽',
        birthDate: '1990-01-01',
        ...at(home.id),
        idNumber: makeIdNumber({ regionCode: '650102', birthDate: '1990-01-01', sequence: 2, sex: 'female' }),
      },
      { id: ids.aygulFull, name: '阿依古丽·买买提', birthDate: null, phone: '13900000002', ...at(home.id) },
      { id: ids.other, name: '李四', birthDate: '1980-01-01', ...at(home.id) },
      {
        id: ids.outside,
        name: '王小明',
        birthDate: '2019-05-01',
        phone: '13800000001',
        ...at(outside.id, county.villageB),
      },
    ]);
  });

  it('lists likely duplicates in scope: same name, birth date and phone; a name written two ways in one household', async () => {
    const res = (await app.inject({ url: '/api/v1/persons/duplicates', headers: cadre.headers })).json();
    const pairs = res.items.map((p: { a: { id: string }; b: { id: string }; reason: string }) => [
      [p.a.id, p.b.id].sort().join(),
      p.reason,
    ]);
    expect(pairs.sort()).toEqual(
      [
        [[ids.child, ids.childAgain].sort().join(), 'sameNameBirthPhone'],
        [[ids.aygul, ids.aygulFull].sort().join(), 'similarNameInHousehold'],
      ].sort(),
    );
    expect(res.items[0].a.phone ?? res.items[0].b.phone).toMatch(/\*{4}/);
  });

  it('merges: links move to the survivor, blanks are filled, the duplicate is kept in person_merge, audited', async () => {
    const round = await buildRound(db, county.villageA);
    const v = await app.inject({
      method: 'POST',
      url: `/api/v1/screening/rounds/${round.id}/visits`,
      payload: {
        householdId: home.id,
        outcome: 'visited',
        members: [{ personId: ids.aygulFull, present: true, symptoms: ['cough'] }],
      },
      headers: cadre.headers,
    });
    expect(v.statusCode).toBe(201);
    await db.execute(sql`UPDATE household SET head_person_id = ${ids.aygulFull} WHERE id = ${home.id}`);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${ids.aygul}/merge`,
      payload: { duplicateId: ids.aygulFull },
      headers: cadre.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: ids.aygul, phone: '139****0002' });
    expect(res.json().visits).toHaveLength(1);
    expect(res.json().leads).toHaveLength(1);
    const state = await db.execute(sql`SELECT
      (SELECT count(*) FROM person WHERE id = ${ids.aygulFull})::int AS gone,
      (SELECT head_person_id FROM household WHERE id = ${home.id}) AS head,
      (SELECT count(*) FROM person_merge WHERE survivor_id = ${ids.aygul} AND snapshot->>'name' = '阿依古丽·买买提')::int AS kept,
      (SELECT count(*) FROM audit_log WHERE event = 'person.merge' AND target_id = ${ids.aygul})::int AS audited`);
    expect(state.rows[0]).toEqual({ gone: 0, head: ids.aygul, kept: 1, audited: 1 });
  });

  it('refuses to merge two different ID numbers, a record with itself, or one out of scope; changes nothing', async () => {
    const self = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${ids.child}/merge`,
      payload: { duplicateId: ids.child },
      headers: cadre.headers,
    });
    expect(self.statusCode).toBe(422);
    const outside = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${ids.child}/merge`,
      payload: { duplicateId: ids.outside },
      headers: cadre.headers,
    });
    expect(outside.json().errors[0]).toMatchObject({ field: 'duplicateId' });
    await db.execute(
      sql`UPDATE person SET id_number = ${encrypt('idNumber', makeIdNumber({ regionCode: '510121', birthDate: '1980-01-01', sequence: 8, sex: 'male' }))} WHERE id = ${ids.other}`,
    );
    const twoIds = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${ids.aygul}/merge`,
      payload: { duplicateId: ids.other },
      headers: cadre.headers,
    });
    expect(twoIds.json().errors[0].message).toMatch(/身份证号不同/);
    expect(
      (
        await db.execute(
          sql`SELECT count(*)::int AS n FROM person WHERE id IN (${ids.child}, ${ids.outside}, ${ids.other})`,
        )
      ).rows[0],
    ).toEqual({ n: 3 });
  });

  it('the merged pair leaves the queue; the survivor keeps the union of vulnerable groups', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/persons/${ids.child}/merge`,
      payload: { duplicateId: ids.childAgain },
      headers: cadre.headers,
    });
    expect(res.json()).toMatchObject({ vulnerableGroups: ['disabled'], guardianName: '王大明' });
    expect((await app.inject({ url: '/api/v1/persons/duplicates', headers: cadre.headers })).json().total).toBe(0);
  });
});
