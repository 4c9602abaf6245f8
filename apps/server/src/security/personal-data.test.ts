// ID numbers and phones at rest: a dump of the database holds none of them in clear, while the
// application still finds people by the whole ID number, its last digits and the phone, and joins
// leads and checkpoint occupants to the register. Keys rotate; a wrong key stops with a clear error.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { loadConfig } from '../config.js';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildCheckpoint, buildCounty, buildEntry, buildUser } from '../../test/factories.js';
import {
  generateDataKey,
  installKeyRing,
  keyRing,
  keyRingOf,
  PersonalDataKeyError,
  readKeyFile,
} from './personal-data-crypto.js';
import { checkDataKeys, encryptPersonalData } from './personal-data-migration.js';
import { rotateKeys } from './key-commands.js';

const ID = '510121199003071233';
const PHONE = '13811112222';
const OTHER_ID = '510121198512240010';
const OTHER_PHONE = '13955556666';
const TEST_KEY = process.env.FANGKONG_DATA_KEY!;

async function xlsx(rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('协查').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('personal data at rest', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  let personId: string;

  /** Every row of every table of the schema as text, as `pg_dump` would write it. */
  async function dump(): Promise<string> {
    const tables = (
      await db.execute<{ t: string }>(sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((r) => r.t);
    const parts: string[] = [];
    for (const t of tables)
      parts.push(
        ...(await db.execute<{ r: string }>(sql.raw(`SELECT t::text AS r FROM "${t}" t`))).rows.map((r) => r.r),
      );
    return parts.join('\n');
  }
  const search = async (q: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/persons?q=${encodeURIComponent(q)}`, headers: township.headers }))
      .json()
      .items.map((p: { id: string }) => p.id);

  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    township = await loginAs(app, 'township');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/persons',
      headers: township.headers,
      payload: { name: '王返乡', idNumber: ID, phone: PHONE, regionId: county.villageA.id },
    });
    expect(created.statusCode).toBe(201);
    personId = created.json().id;
    // A list row naming them by ID number, and one naming someone not registered.
    const listed = await app.inject({
      method: 'POST',
      url: '/api/v1/leads/import?issuer=县卫健局',
      headers: {
        ...township.headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      payload: await xlsx([
        ['姓名', '身份证号', '手机号'],
        ['王返乡', ID, ''],
        ['赵不详', OTHER_ID, OTHER_PHONE],
      ]),
    });
    expect(listed.json()).toMatchObject({ matched: 1, unmatched: 1 });
    const cp = await buildCheckpoint(db, county.villageA);
    await buildEntry(db, cp, {
      occupants: [
        { idNumber: ID, name: '王返乡', temperature: 36.5 },
        { idNumber: OTHER_ID, name: '赵不详', temperature: 36.6, phone: OTHER_PHONE },
      ],
    });
  });

  it('leaves no ID number or phone in clear in a dump of the tables, nor their masked forms', async () => {
    const all = await dump();
    expect(all).toContain('王返乡'); // the dump did read the rows
    for (const secret of [ID, PHONE, OTHER_ID, OTHER_PHONE, ID.slice(-6), '510121********1233', '138****2222'])
      expect(all).not.toContain(secret);
  });

  it('still finds the person by the whole ID number, its last 4 or 6 (or 3, 5, 8) digits and the phone, and shows them masked', async () => {
    for (const q of [ID, ID.slice(-4), ID.slice(-6), ID.slice(-3), ID.slice(-5), ID.slice(-8), PHONE])
      expect(await search(q), q).toContain(personId);
    expect(await search('9999')).not.toContain(personId);
    const list = (
      await app.inject({ method: 'GET', url: `/api/v1/persons?q=${ID}`, headers: township.headers })
    ).json();
    expect(list.items[0]).toMatchObject({ idNumber: '510121********1233', phone: '138****2222' });
  });

  it('joins the list row and the checkpoint occupant to the person through the blind index', async () => {
    const leads = (
      await db.execute<{ person_id: string | null; name: string }>(
        sql`SELECT person_id, name FROM lead ORDER BY person_id NULLS FIRST`,
      )
    ).rows;
    expect(leads).toEqual([
      { person_id: null, name: '赵不详' },
      { person_id: personId, name: '王返乡' },
    ]);
    const occupants = (
      await db.execute<{ person_id: string | null; name: string }>(
        sql`SELECT person_id, name FROM checkpoint_occupant ORDER BY person_id NULLS FIRST`,
      )
    ).rows;
    expect(occupants).toEqual([
      { person_id: null, name: '赵不详' },
      { person_id: personId, name: '王返乡' },
    ]);
  });

  it('encrypts rows written before encryption, once', async () => {
    const id = (await db.execute<{ id: string }>(sql`SELECT id FROM region WHERE id = ${county.villageA.id}`)).rows[0]!
      .id;
    await db.execute(
      sql`INSERT INTO person (id, id_number, name, phone, region_id, region_path) VALUES (gen_random_uuid(), '510121200001010010', '旧记录', '13700001111', ${id}, ${county.villageA.path}::ltree)`,
    );
    expect(await dump()).toContain('510121200001010010');
    expect(await encryptPersonalData(db.$client)).toBe(2);
    expect(await encryptPersonalData(db.$client)).toBe(0);
    const all = await dump();
    expect(all).not.toContain('510121200001010010');
    expect(all).not.toContain('13700001111');
    expect(await search('510121200001010010')).toHaveLength(1);
    expect(await search('0010')).toHaveLength(1);
  });

  it('rotates the key of a key file: every value re-encrypted, the old key gone, everything still found', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fangkong-rotate-'));
    const file = path.join(dir, 'data-key');
    writeFileSync(file, `${TEST_KEY}\n`, { mode: 0o600 });
    const oldId = keyRing().keys[0]!.id;
    try {
      const config = loadConfig({ NODE_ENV: 'test', FANGKONG_DATA_KEY_FILE: file, FANGKONG_DATA_DIR: dir });
      const said: string[] = [];
      await rotateKeys(db, config, (m) => said.push(m));
      const [fresh] = readKeyFile(file);
      expect(readKeyFile(file)).toHaveLength(1);
      expect(fresh).not.toBe(TEST_KEY);
      const newId = keyRingOf([fresh!]).keys[0]!.id;
      const keys = (
        await db.execute<{ k: string }>(
          sql`SELECT DISTINCT split_part(id_number, '$', 1) AS k FROM person UNION SELECT DISTINCT split_part(phone, '$', 1) FROM checkpoint_occupant WHERE phone IS NOT NULL UNION SELECT DISTINCT split_part(id_number, '$', 1) FROM lead`,
        )
      ).rows;
      expect(keys).toEqual([{ k: newId }]);
      expect(said.join('\n')).toMatch(/re-encrypted under the new key/);
      for (const q of [ID, ID.slice(-4), PHONE]) expect(await search(q), q).toContain(personId);
      // The old key alone no longer reads anything: a clear refusal.
      installKeyRing(keyRingOf([TEST_KEY]));
      await expect(checkDataKeys(db.$client)).rejects.toThrow(
        new RegExp(`encrypted with key ${newId}, which is not among the loaded keys`),
      );
      installKeyRing(keyRingOf([fresh!]));
      expect(await search(ID)).toContain(personId);
      // Back to the test key for the other tests (a rotation with the key given in the environment).
      installKeyRing(keyRingOf([TEST_KEY, fresh!]));
      await encryptPersonalData(db.$client, { rotate: true });
      installKeyRing(keyRingOf([TEST_KEY]));
      expect(await search(ID)).toContain(personId);
      expect(keyRing().keys[0]!.id).toBe(oldId);
    } finally {
      installKeyRing(keyRingOf([TEST_KEY]));
    }
  });

  it('answers a wrong key with a clear error, not garbage', async () => {
    installKeyRing(keyRingOf([generateDataKey()]));
    try {
      await expect(checkDataKeys(db.$client)).rejects.toThrow(PersonalDataKeyError);
      await expect(encryptPersonalData(db.$client)).rejects.toThrow(/wrong FANGKONG_DATA_KEY or key file/);
      const res = await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: township.headers });
      expect(res.statusCode).toBe(500);
      expect(res.body).not.toContain(ID.slice(-4));
    } finally {
      installKeyRing(keyRingOf([TEST_KEY]));
    }
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/persons/${personId}`, headers: township.headers })).json(),
    ).toMatchObject({ idNumber: '510121********1233' });
  });
});
