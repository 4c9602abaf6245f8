import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, shanghaiDateOf } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildEntry, buildResident, buildUser } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';
import { observationBed, observationSite } from '../../db/schema/index.js';
import { inClear } from '../../../test/personal-data.js';

const OUTSIDER = '420106198805050055';
const RESIDENT = '510121198001010010';
const NEIGHBOUR = '510121198502020022';

/** 留验: a held outsider with a fever is placed in a bed, and the chain from entry to file holds. */
describe('checkpoint holds', async () => {
  const { app, db } = await testApp();
  let officer: Session;
  let siteId: string;
  const beds: string[] = [uuidv7(), uuidv7()];
  let heldOutsider: string;
  let heldResident: string;
  let passed: string;
  let heldNeighbour: string;
  const holds = async (state: string) =>
    (
      await app.inject({ method: 'GET', url: `/api/v1/checkpoint-holds?state=${state}`, headers: officer.headers })
    ).json();
  const place = (occupantId: string, bedId: string, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: `/api/v1/checkpoint-holds/${occupantId}/placement`,
      payload: { siteId, bedId },
      headers: { ...officer.headers, 'accept-language': lang },
    });

  beforeAll(async () => {
    const county = await buildCounty(db);
    await buildResident(db, county.villageA, RESIDENT, '张三');
    await buildResident(db, county.villageB, NEIGHBOUR, '李邻镇');
    const cp = await buildCheckpoint(db, county.villageA);
    siteId = uuidv7();
    await db
      .insert(observationSite)
      .values({ id: siteId, regionId: county.townshipA.id, regionPath: county.townshipA.path, name: '淮口留观点' });
    await db.insert(observationBed).values(beds.map((id, i) => ({ id, siteId, room: '201', bed: String(i + 1) })));
    const held = await buildEntry(db, cp, {
      decision: 'hold',
      holdOutcome: 'placement',
      occupants: [
        { idNumber: OUTSIDER, name: '赵外地', temperature: 38.2, phone: '13900001111' },
        { idNumber: RESIDENT, temperature: 36.6 },
      ],
    });
    [heldOutsider, heldResident] = held.occupants.map((o) => o.id) as [string, string];
    await buildEntry(db, cp, {
      plate: '川A00001',
      decision: 'hold',
      holdOutcome: 'handover',
      occupants: [{ idNumber: '11010519491231002X', name: '钱转运', temperature: 39.0 }],
    });
    passed = (await buildEntry(db, cp, { plate: '川A00002' })).occupants[0]!.id;
    heldNeighbour = (
      await buildEntry(db, cp, {
        plate: '川A00003',
        decision: 'hold',
        holdOutcome: 'placement',
        occupants: [{ idNumber: NEIGHBOUR, temperature: 38.5 }],
      })
    ).occupants[0]!.id;
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    officer = await loginAs(app, 'officer');
  });

  it('lists the held, pending placement or handed over, masked', async () => {
    const pending = await holds('pending');
    expect(pending.total).toBe(3);
    expect(pending.items.map((h: { name: string }) => h.name).sort()).toEqual(['张三', '李邻镇', '赵外地'].sort());
    expect(pending.items.find((h: { name: string }) => h.name === '赵外地')).toMatchObject({
      idNumber: '420106********0055',
      phone: '139****1111',
      fever: true,
      outcome: 'placement',
      keyPersonId: null,
    });
    expect((await holds('handover')).items).toEqual([expect.objectContaining({ name: '钱转运', outcome: 'handover' })]);
    expect((await holds('placed')).total).toBe(0);
  });

  it('refuses a central isolation starting on a day that has not come, with a field error, and places no one', async () => {
    const tomorrow = addDays(shanghaiDateOf(new Date()), 1);
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/checkpoint-holds/${heldResident}/placement`,
      payload: { siteId, bedId: beds[1], startDate: tomorrow },
      headers: { ...officer.headers, 'accept-language': 'en-US' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'startDate', message: 'The date cannot be later than today' }]);
    expect((await holds('placed')).total).toBe(0);
    expect((await db.execute(sql`SELECT count(*)::int AS n FROM key_person`)).rows[0]!.n).toBe(0);
  });

  it('places an outsider: registers them, opens a central-isolation file, verifies the lead and takes the bed', async () => {
    const res = await place(heldOutsider, beds[0]!);
    expect(res.statusCode).toBe(200);
    const { keyPersonId, created } = res.json();
    expect(created).toBe(true);
    const file = (
      await db.execute<{
        id_number: string;
        measure: string;
        category: string;
        source: string;
        lead_status: string;
        bed_id: string;
      }>(sql`
      SELECT p.id_number, k.measure, k.category, k.source, l.status AS lead_status, pl.bed_id
      FROM key_person k JOIN person p ON p.id = k.person_id LEFT JOIN lead l ON l.id = k.lead_id
      JOIN placement pl ON pl.key_person_id = k.id AND pl.ended_at IS NULL WHERE k.id = ${keyPersonId}`)
    ).rows;
    file.splice(0, file.length, ...inClear(file));
    expect(file).toEqual([
      {
        id_number: OUTSIDER,
        measure: 'centralIsolation',
        category: 'fever',
        source: 'checkpoint',
        lead_status: 'verified',
        bed_id: beds[0],
      },
    ]);

    expect((await holds('pending')).items.map((h: { name: string }) => h.name).sort()).toEqual(
      ['张三', '李邻镇'].sort(),
    );
    const verified = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'lead.verify'`);
    expect(verified.rows).toEqual([{ detail: { keyPersonId } }]);
    expect((await holds('placed')).items).toEqual([
      expect.objectContaining({ name: '赵外地', keyPersonId, siteName: '淮口留观点', room: '201', bed: '1' }),
    ]);
  });

  it("changes nothing on a replay, and refuses a taken bed or someone who was not held, in the user's language", async () => {
    const again = await place(heldOutsider, beds[0]!);
    expect(again.json()).toMatchObject({ created: false });
    expect(Number((await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM placement`)).rows[0]!.n)).toBe(1);

    const taken = await place(heldResident, beds[0]!);
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors[0].field).toBe('bedId');
    // Nothing of the refused placement stays: no file opened for the resident.
    expect(Number((await db.execute<{ n: number }>(sql`SELECT count(*) AS n FROM key_person`)).rows[0]!.n)).toBe(1);

    const notHeld = await place(passed, beds[1]!);
    expect(notHeld.statusCode).toBe(422);
    expect(notHeld.json().errors).toEqual([{ field: 'occupantId', message: '该人员未被留验，无需安置' }]);

    // Held here, living in the other township: theirs to place, and the officer is told so.
    const elsewhere = await place(heldNeighbour, beds[1]!);
    expect(elsewhere.statusCode).toBe(422);
    expect(elsewhere.json().errors).toEqual([
      { field: 'occupantId', message: '该人员住在您管辖范围以外，其线索已转到所在村，请由其所在乡镇安置' },
    ]);
  });

  it('places a resident in the register under their own village', async () => {
    const res = await place(heldResident, beds[1]!);
    expect(res.statusCode).toBe(200);
    const [row] = (
      await db.execute<{ name: string; category: string }>(
        sql`SELECT p.name, k.category FROM key_person k JOIN person p ON p.id = k.person_id WHERE k.id = ${res.json().keyPersonId}`,
      )
    ).rows;
    // Held for a risk-free reason: the category falls back to other.
    expect(row).toEqual({ name: '张三', category: 'other' });
    expect((await holds('pending')).items.map((h: { name: string }) => h.name)).toEqual(['李邻镇']);
  });
});
