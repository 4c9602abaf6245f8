// The guarantee behind "ID numbers and phones are not readable in a dump of the database": every
// write path that takes an ID number or a phone is taken once (a person, a checkpoint entry with a
// febrile traveller, a duty shift with phones, a merge, a list of leads, look-ups and exports that
// name an ID number in their filter, a failed login with a phone as the user name), then every row
// of every table is read as text, as pg_dump writes it, and none of those numbers may appear. Rows
// written before encryption (JSON copies included) are encrypted by the start-up migration and
// re-encrypted by a key rotation.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { testDatabase } from '../../test/db.js';
import { buildCheckpoint, buildCounty, buildUser } from '../../test/factories.js';
import { person } from '../db/schema/index.js';
import { uuidv7 } from '../db/ids.js';
import { generateDataKey, installKeyRing, keyRingOf } from './personal-data-crypto.js';
import { encryptPersonalData } from './personal-data-migration.js';

const id = (sequence: number, birthDate = '1975-03-09') =>
  makeIdNumber({ regionCode: '510121', birthDate, sequence, sex: 'male' });
const PERSON_ID = id(11);
const PERSON_PHONE = '13611110001';
const DUPLICATE_ID = id(13, '1981-06-02');
const DUPLICATE_PHONE = '13611110002';
const TRAVELLER_ID = id(15, '1990-12-30');
const TRAVELLER_PHONE = '13611110003';
const LISTED_ID = id(17, '1966-07-21');
const LISTED_PHONE = '13611110004';
const DUTY_PHONE = '13611110005';
const OFFICE_PHONE = '13611110006';
const OLD_DUTY_PHONE = '13611110007';
const OLD_MERGED_ID = id(19, '1959-01-15');
const OLD_MERGED_PHONE = '13611110008';
const LOGIN_PHONE = '13611110009';
const SECRETS = [
  LOGIN_PHONE,
  PERSON_ID,
  PERSON_PHONE,
  DUPLICATE_ID,
  DUPLICATE_PHONE,
  TRAVELLER_ID,
  TRAVELLER_PHONE,
  LISTED_ID,
  LISTED_PHONE,
  DUTY_PHONE,
  OFFICE_PHONE,
];
const TEST_KEY = process.env.FANGKONG_DATA_KEY!;
const dutyDay = () => new Date().toISOString().slice(0, 10);

/** The major version of the pg_dump on PATH, if there is one. */
function pgDumpMajor(): number | undefined {
  try {
    return Number(/(\d+)\./.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1]);
  } catch {
    return undefined;
  }
}

describe('a dump of the database after every kind of write holds no ID number or phone in clear', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let staff: Session;
  let checkpointId: string;

  /** Every row of every table of the schema as text, as `pg_dump` would write it. */
  async function dump(): Promise<string> {
    const tables = (
      await db.execute<{ t: string }>(sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((r) => r.t);
    const parts: string[] = [];
    for (const t of tables)
      parts.push(
        ...(await db.execute<{ r: string }>(sql.raw(`SELECT t::text AS r FROM "${t}" t`))).rows.map(
          (r) => `${t}: ${r.r}`,
        ),
      );
    return parts.join('\n');
  }
  const leaks = (all: string, secrets: string[]) =>
    secrets.flatMap((s) =>
      all
        .split('\n')
        .filter((line) => line.includes(s))
        .map((line) => `${s} in ${line.slice(0, 300)}`),
    );
  const roster = async () =>
    (
      await app.inject({ url: `/api/v1/duty-shifts?from=${dutyDay()}&to=${dutyDay()}`, headers: officer.headers })
    ).json();
  const phonesOnDuty = (r: { shifts: { members: { phone?: string | null }[] }[] }) =>
    r.shifts
      .flatMap((s) => s.members.map((m) => m.phone ?? null))
      .filter(Boolean)
      .sort();

  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'staff', role: 'checkpointStaff', region: county.townshipA });
    officer = await loginAs(app, 'officer');
    staff = await loginAs(app, 'staff');
    checkpointId = (await buildCheckpoint(db, county.villageA, { name: '五凤村路口' })).id;

    // A person registered with an ID number and a phone, then looked up by them.
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: officer.headers,
      payload: { name: '王登记', idNumber: PERSON_ID, phone: PERSON_PHONE, regionId: county.villageA.id },
    });
    expect(created.statusCode).toBe(201);
    for (const q of [PERSON_ID, PERSON_PHONE])
      expect((await app.inject({ url: `/api/v1/persons?q=${q}`, headers: officer.headers })).json().items).toHaveLength(
        1,
      );

    // Two records of one human merged: the folded record is kept in person_merge.
    const survivor = uuidv7();
    const duplicate = uuidv7();
    await db.insert(person).values([
      {
        id: survivor,
        name: '李合并',
        birthDate: '1981-06-02',
        regionId: county.villageA.id,
        regionPath: county.villageA.path,
      },
      {
        id: duplicate,
        name: '李合并',
        birthDate: '1981-06-02',
        idNumber: DUPLICATE_ID,
        phone: DUPLICATE_PHONE,
        regionId: county.villageA.id,
        regionPath: county.villageA.path,
      },
    ]);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/persons/${survivor}/merge`,
          payload: { duplicateId: duplicate },
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(200);

    // A febrile traveller not in the register, with a phone, at a checkpoint (raises a lead).
    const entry = await app.inject({
      method: 'POST',
      url: `/api/v1/checkpoints/${checkpointId}/entries`,
      headers: staff.headers,
      payload: {
        id: uuidv7(),
        kind: 'pedestrian',
        direction: 'in',
        origin: '成都市',
        decision: 'pass',
        recordedAt: new Date().toISOString(),
        occupants: [{ idNumber: TRAVELLER_ID, name: '赵过客', phone: TRAVELLER_PHONE, temperature: '37.9' }],
      },
    });
    expect(entry.statusCode).toBe(201);
    // Look-ups and an export whose filter names the traveller's ID number (the export is audited with its filter).
    expect(
      (
        await app.inject({
          url: `/api/v1/checkpoint-entries/residents?q=${PERSON_ID.slice(-6)}`,
          headers: staff.headers,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({ url: `/api/v1/checkpoint-entries?idNumber=${TRAVELLER_ID}`, headers: officer.headers })
      ).json().items,
    ).toHaveLength(1);
    expect(
      (
        await app.inject({
          url: `/api/v1/checkpoint-entries/export?idNumber=${TRAVELLER_ID}`,
          headers: officer.headers,
        })
      ).statusCode,
    ).toBe(200);

    // The checkpoint's shift and the township office's shift, with the phones of those on duty.
    const shift = await app.inject({
      method: 'PUT',
      url: `/api/v1/checkpoints/${checkpointId}/duty-shifts/${dutyDay()}`,
      headers: officer.headers,
      payload: {
        members: [
          { name: '刘书记', role: 'leader' },
          { name: '陈警官', role: 'policeOfficer', phone: DUTY_PHONE },
        ],
      },
    });
    expect(shift.statusCode).toBe(200);
    expect(shift.json().members[1]).toMatchObject({ name: '陈警官', phone: DUTY_PHONE });
    const office = await app.inject({
      method: 'PUT',
      url: `/api/v1/offices/${county.townshipA.id}/duty-shifts/${dutyDay()}`,
      headers: officer.headers,
      payload: { members: [{ name: '带班镇长', role: 'leader', phone: OFFICE_PHONE }] },
    });
    expect(office.statusCode).toBe(200);

    // A list of people to find (协查名单) naming one by ID number and phone.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('协查').addRows([
      ['姓名', '身份证号', '手机号'],
      ['孙协查', LISTED_ID, LISTED_PHONE],
    ]);
    const listed = await app.inject({
      method: 'POST',
      url: '/api/v1/leads/import?issuer=县卫健局',
      headers: {
        ...officer.headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    expect(listed.statusCode).toBe(200);

    // Someone logging in with their phone as the user name, which fails (counted, audited).
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: LOGIN_PHONE, password: 'wrong-password' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('leaves none of them in clear in any table, JSON columns and the audit log included', async () => {
    const all = await dump();
    // The dump did read what was written: the shift, the merged record's copy, the entry, the list row.
    for (const name of ['陈警官', '带班镇长', '李合并', '赵过客', '孙协查', 'checkpointEntry.export'])
      expect(all).toContain(name);
    expect(leaks(all, SECRETS)).toEqual([]);
  });

  // pg_dump refuses a server of another major version (the embedded one is 17, Debian 12's client
  // 15): CI's run on the machine's own PostgreSQL (FANGKONG_TEST_PG=system) takes this one.
  const serverMajor = Math.floor(
    Number((await db.execute<{ v: string }>(sql`SELECT current_setting('server_version_num') AS v`)).rows[0]!.v) /
      10_000,
  );
  it.skipIf(pgDumpMajor() !== serverMajor)('and so does pg_dump of the database', async () => {
    const out = execFileSync('pg_dump', ['--no-owner', (await testDatabase()).url], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    });
    expect(out).toContain('陈警官');
    expect(SECRETS.filter((s) => out.includes(s))).toEqual([]);
  });

  it('still shows the phones on duty to those who keep the roster, on the page and in the 值班表', async () => {
    expect(phonesOnDuty(await roster())).toEqual([DUTY_PHONE, OFFICE_PHONE]);
    const xlsx = await app.inject({
      url: `/api/v1/duty-shifts/export?from=${dutyDay()}&to=${dutyDay()}`,
      headers: officer.headers,
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells = wb.worksheets[0]!.getSheetValues().flat().map(String).join('\n');
    expect(cells).toContain(DUTY_PHONE);
    expect(cells).toContain(OFFICE_PHONE);
    // The checkpoint card names who is on duty, without phones.
    expect(
      (await app.inject({ url: `/api/v1/checkpoints/${checkpointId}`, headers: officer.headers })).json().onDuty,
    ).toEqual([
      { name: '刘书记', role: 'leader' },
      { name: '陈警官', role: 'policeOfficer' },
    ]);
  });

  it('encrypts the phones of shifts and the merged copies written before encryption, and rotates them with the key', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await db.execute(sql`INSERT INTO duty_shift (id, checkpoint_id, region_path, day, members) VALUES (${uuidv7()}, ${checkpointId}, ${county.villageA.path}::ltree, ${tomorrow},
      ${JSON.stringify([
        { name: '旧值班员', role: 'leader', phone: OLD_DUTY_PHONE },
        { name: '无电话', role: 'volunteer', phone: null },
      ])}::jsonb)`);
    const survivor = (await db.execute<{ id: string }>(sql`SELECT id FROM person WHERE name = '王登记'`)).rows[0]!.id;
    await db.execute(sql`INSERT INTO person_merge (id, survivor_id, merged_id, snapshot, region_path) VALUES (${uuidv7()}, ${survivor}, ${uuidv7()},
      ${JSON.stringify({ name: '旧合并', idNumber: OLD_MERGED_ID, phone: OLD_MERGED_PHONE, birthDate: null })}::jsonb, ${county.villageA.path}::ltree)`);
    expect(leaks(await dump(), [OLD_DUTY_PHONE, OLD_MERGED_ID, OLD_MERGED_PHONE])).toHaveLength(3);

    expect(await encryptPersonalData(db.$client)).toBe(3);
    expect(await encryptPersonalData(db.$client)).toBe(0);
    expect(leaks(await dump(), [...SECRETS, OLD_DUTY_PHONE, OLD_MERGED_ID, OLD_MERGED_PHONE])).toEqual([]);
    const both = async () =>
      (
        await app.inject({ url: `/api/v1/duty-shifts?from=${dutyDay()}&to=${tomorrow}`, headers: officer.headers })
      ).json();
    expect(phonesOnDuty(await both())).toEqual([DUTY_PHONE, OFFICE_PHONE, OLD_DUTY_PHONE].sort());

    // A rotation re-encrypts the JSON copies too: with the old key gone they still read.
    const fresh = generateDataKey();
    try {
      installKeyRing(keyRingOf([fresh, TEST_KEY]));
      expect(await encryptPersonalData(db.$client, { rotate: true })).toBeGreaterThan(0);
      installKeyRing(keyRingOf([fresh]));
      expect(phonesOnDuty(await both())).toEqual([DUTY_PHONE, OFFICE_PHONE, OLD_DUTY_PHONE].sort());
      const snapshots = (
        await db.execute<{ i: string; p: string }>(
          sql`SELECT snapshot->>'idNumber' AS i, snapshot->>'phone' AS p FROM person_merge`,
        )
      ).rows;
      expect(snapshots).toHaveLength(2);
      const freshId = keyRingOf([fresh]).keys[0]!.id;
      for (const s of snapshots) for (const v of [s.i, s.p]) expect(v.split('$')[0]).toBe(freshId);
    } finally {
      installKeyRing(keyRingOf([TEST_KEY, fresh]));
      await encryptPersonalData(db.$client, { rotate: true });
      installKeyRing(keyRingOf([TEST_KEY]));
    }
    expect(phonesOnDuty(await both())).toEqual([DUTY_PHONE, OFFICE_PHONE, OLD_DUTY_PHONE].sort());
  });
});
