// The import's set-based write path (ledger-write.ts): links and errors decided per row, nothing of
// a rejected row written, and a second import of the same file creating nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { importLedgerAndWait } from '../../../test/jobs.js';
import { buildCounty, buildResident, buildUser } from '../../../test/factories.js';

describe('ledger import write path', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  const elsewhere = makeIdNumber({ regionCode: '510121', birthDate: '1980-05-05', sequence: 3, sex: 'male' });
  const mine = makeIdNumber({ regionCode: '510121', birthDate: '1981-06-06', sequence: 4, sex: 'female' });
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildResident(db, county.villageB, elsewhere, '外村人');
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    cadre = await loginAs(app, 'cadre');
  });
  const upload = (csv: string) => importLedgerAndWait(app, cadre.headers, csv, 'text/csv');
  const csv = () =>
    [
      '所属区划代码,地址,姓名,身份证号,出生日期,与户主关系,监护人',
      `${county.villageA.code},五凤村9号,王五,${mine},,户主,`, // 2 new household, new person, head
      `${county.villageA.code},五凤村9号,王小妹,,2020-03-03,,王五`, // 3 no ID number: new person
      `${county.villageA.code},五凤村9号,王小妹,,2020-03-03,,王五`, // 4 the same child again: linked to row 3
      `${county.villageA.code},五凤村10号,冒名,${elsewhere},,户主,`, // 5 someone registered in another village
    ].join('\n');

  it('writes whole rows, links repeats and rejects an ID number held outside the scope without writing its dwelling', async () => {
    const r = (await upload(csv())).json();
    expect(r).toMatchObject({ rows: 4, accepted: 3, createdHouseholds: 1, createdPersons: 2, linked: 1 });
    expect(r.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[5, '身份证号']]);
    const stored = await db.execute(
      sql`SELECT h.address, p.name, h.head_person_id = p.id AS head FROM person p JOIN household h ON h.id = p.household_id WHERE h.region_path <@ ${county.villageA.path}::ltree ORDER BY p.name`,
    );
    expect(stored.rows).toEqual([
      { address: '五凤村9号', name: '王五', head: true },
      { address: '五凤村9号', name: '王小妹', head: false },
    ]);
    expect(
      (await db.execute(sql`SELECT count(*)::int AS n FROM household WHERE address = '五凤村10号'`)).rows[0],
    ).toEqual({ n: 0 });
  });

  it('creates nothing on a second import, and keeps region_tally true', async () => {
    const r = (await upload(csv())).json();
    expect(r).toMatchObject({ accepted: 3, createdHouseholds: 0, createdPersons: 0, linked: 3 });
    const tally =
      await db.execute(sql`SELECT (SELECT households FROM region_tally WHERE region_id = ${county.villageA.id})::int AS households, (SELECT persons FROM region_tally WHERE region_id = ${county.villageA.id})::int AS persons,
      (SELECT count(*) FROM household WHERE region_id = ${county.villageA.id})::int AS h, (SELECT count(*) FROM person WHERE region_id = ${county.villageA.id})::int AS p`);
    expect(tally.rows[0]).toEqual({ households: 1, persons: 2, h: 1, p: 2 });
  });
});
