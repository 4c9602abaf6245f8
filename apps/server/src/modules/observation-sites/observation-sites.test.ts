import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildUser } from '../../../test/factories.js';

describe('observation sites', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let township: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'township', role: 'townshipOfficer', region: county.townshipA });
    township = await loginAs(app, 'township');
  });
  const call = (method: string, url: string, payload?: Record<string, unknown>) =>
    app.inject({ method: method as never, url, payload, headers: township.headers });

  it('opens a site with beds, places persons under central isolation, and warns past 90%', async () => {
    const created = await call('POST', '/api/v1/observation-sites', {
      regionId: county.townshipA.id,
      name: '淮口镇集中隔离点',
      rooms: [
        { room: '101', beds: 5 },
        { room: '102', beds: 5 },
      ],
    });
    expect(created.statusCode).toBe(201);
    const site = created.json();
    expect(site).toMatchObject({ beds: 10, occupied: 0, free: 10, warning: false });
    const persons = [];
    for (let i = 0; i < 10; i++) {
      const kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
      await db.execute(sql`UPDATE key_person SET measure = 'centralIsolation' WHERE id = ${kp.id}`);
      persons.push(kp.id);
    }
    for (let i = 0; i < 9; i++)
      expect(
        (
          await call('POST', `/api/v1/observation-sites/${site.id}/placements`, {
            keyPersonId: persons[i],
            bedId: site.bedList[i].id,
          })
        ).statusCode,
      ).toBe(200);
    const list = (await call('GET', '/api/v1/observation-sites')).json();
    expect(list.items[0]).toMatchObject({ occupied: 9, free: 1, occupancy: 0.9, warning: false });
    expect(list.summary).toEqual({ beds: 10, occupied: 9, free: 1 });
    const taken = await call('POST', `/api/v1/observation-sites/${site.id}/placements`, {
      keyPersonId: persons[9],
      bedId: site.bedList[0].id,
    });
    expect(taken.statusCode).toBe(409);
    const full = (
      await call('POST', `/api/v1/observation-sites/${site.id}/placements`, {
        keyPersonId: persons[9],
        bedId: site.bedList[9].id,
      })
    ).json();
    expect(full).toMatchObject({ occupied: 10, free: 0, occupancy: 1, warning: true });
    const placementId = full.bedList[0].placementId;
    const left = (await call('POST', `/api/v1/observation-sites/${site.id}/placements/${placementId}/end`)).json();
    expect(left).toMatchObject({ occupied: 9, warning: false });

    // 床位表 for the shift change: every bed in room order, the freed one empty; audited.
    const xlsx = await call('GET', `/api/v1/observation-sites/${site.id}/export`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(3).getCell(1).value)).toBe('床位 10 张，在住 9 人，空床 1 张');
    expect((ws.getRow(5).values as unknown[]).slice(1, 4)).toEqual(['101', '1', '空']);
    expect((ws.getRow(6).values as unknown[]).slice(1, 3)).toEqual(['101', '2']);
    expect(ws.getRow(6).getCell(3).value).toBe(left.bedList[1].name);
    expect(ws.getRow(6).getCell(5).value).toBe(1);
    expect(ws.rowCount).toBe(14);
    const exported = await db.execute(sql`SELECT detail FROM audit_log WHERE event = 'observationSite.export'`);
    expect(exported.rows).toEqual([{ detail: { occupied: 9 } }]);
  });

  it('refuses home-isolated persons, persons out of scope and duplicate rooms', async () => {
    const site = (
      await call('POST', '/api/v1/observation-sites', {
        regionId: county.villageA.id,
        name: '村留观点',
        rooms: [{ room: '1', beds: 1 }],
      })
    ).json();
    const home = await buildKeyPerson(db, county.villageA);
    expect(
      (
        await call('POST', `/api/v1/observation-sites/${site.id}/placements`, {
          keyPersonId: home.id,
          bedId: site.bedList[0].id,
        })
      ).json().errors[0].message,
    ).toBe('只有正在集中隔离医学观察的重点人员才能安排床位');
    const other = await buildKeyPerson(db, county.villageB);
    expect(
      (
        await call('POST', `/api/v1/observation-sites/${site.id}/placements`, {
          keyPersonId: other.id,
          bedId: site.bedList[0].id,
        })
      ).json().errors[0].field,
    ).toBe('keyPersonId');
    const dup = await call('POST', '/api/v1/observation-sites', {
      regionId: county.villageA.id,
      name: 'x',
      rooms: [
        { room: '1', beds: 1 },
        { room: '1', beds: 2 },
      ],
    });
    expect(dup.json().errors[0].field).toBe('rooms.1.room');
  });

  it('adds rooms and beds to an open site, numbering a known room after its last bed', async () => {
    const site = (
      await call('POST', '/api/v1/observation-sites', {
        regionId: county.villageA.id,
        name: '村卫生室留观点',
        rooms: [{ room: '1', beds: 2 }],
      })
    ).json();
    const added = await call('POST', `/api/v1/observation-sites/${site.id}/rooms`, {
      rooms: [
        { room: '1', beds: 2 },
        { room: '2', beds: 1 },
      ],
    });
    expect(added.statusCode).toBe(200);
    expect(added.json()).toMatchObject({ beds: 5, free: 5 });
    expect(added.json().bedList.map((b: { room: string; bed: string }) => `${b.room}-${b.bed}`)).toEqual([
      '1-1',
      '1-2',
      '1-3',
      '1-4',
      '2-1',
    ]);
    const audited = await db.execute(
      sql`SELECT detail FROM audit_log WHERE event = 'observationSite.addRooms' AND target_id = ${site.id}`,
    );
    expect(audited.rows).toEqual([{ detail: { name: '村卫生室留观点', beds: 3, rooms: ['1', '2'] } }]);

    const bad = await call('POST', `/api/v1/observation-sites/${site.id}/rooms`, { rooms: [{ room: '3', beds: 0 }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('rooms.0.beds');
    const other = (
      await app.inject({ method: 'GET', url: `/api/v1/observation-sites/${site.id}`, headers: township.headers })
    ).json();
    expect(other.beds).toBe(5);

    await buildUser(db, { username: 'townshipB', role: 'townshipOfficer', region: county.townshipB });
    const b = await loginAs(app, 'townshipB');
    const outside = await app.inject({
      method: 'POST',
      url: `/api/v1/observation-sites/${site.id}/rooms`,
      payload: { rooms: [{ room: '9', beds: 1 }] },
      headers: b.headers,
    });
    expect(outside.statusCode).toBe(404);
  });
});
