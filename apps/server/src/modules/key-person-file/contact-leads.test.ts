import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildHousehold, buildKeyPerson, buildPerson, buildUser } from '../../../test/factories.js';
import { raiseLead } from '../leads/leads.service.js';

describe('close contacts become leads; household members proposed', async () => {
  const clock = new Date('2024-02-25T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let officerB: Session;
  let grid: Session;
  let home: { id: string; memberIds: string[] };
  let kp: { id: string };
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'officer-b', role: 'townshipOfficer', region: county.townshipB });
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    [officer, officerB, grid] = [
      await loginAs(app, 'officer'),
      await loginAs(app, 'officer-b'),
      await loginAs(app, 'grid'),
    ];
    home = await buildHousehold(db, county.villageA, 3);
    kp = await buildKeyPerson(db, county.villageA, { personId: home.memberIds[0], startDate: '2024-02-24' });
  });
  const call = (method: string, url: string, payload?: Record<string, unknown>, s = officer) =>
    app.inject({ method: method as never, url, payload, headers: s.headers });
  const leadsOf = async (personId: string) =>
    (
      await db.execute<{ id: string; status: string; region_path: string; n: number }>(
        sql`SELECT l.id, l.status, l.region_path::text, (SELECT count(*)::int FROM lead_source s WHERE s.lead_id = l.id) AS n FROM lead l WHERE l.person_id = ${personId}`,
      )
    ).rows;

  it('proposes the household members, then marks the one linked', async () => {
    const url = `/api/v1/key-persons/${kp.id}/household-members`;
    const before = (await call('GET', url)).json();
    expect(before.map((m: { personId: string }) => m.personId).sort()).toEqual(home.memberIds.slice(1).sort());
    expect(before.every((m: { linked: boolean }) => !m.linked)).toBe(true);
    expect((await call('GET', url, undefined, officerB)).statusCode).toBe(404);
  });

  it('raises a lead in the contact’s village with the key person as source, joined to an open lead of theirs', async () => {
    const spouse = home.memberIds[1]!;
    const res = await call('POST', `/api/v1/key-persons/${kp.id}/contacts`, {
      contactPersonId: spouse,
      relation: 'household',
      lastContactDate: '2024-02-24',
      needsManagement: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [lead] = await leadsOf(spouse);
    expect(res.json().leadId).toBe(lead!.id);
    expect(lead).toMatchObject({ status: 'open', region_path: county.villageA.path, n: 1 });
    const shown = (await call('GET', `/api/v1/leads/${lead!.id}`, undefined, grid)).json();
    expect(shown.sources[0]).toMatchObject({
      source: 'contactTracing',
      sourceRef: kp.id,
      reasons: ['closeContact'],
      detail: { keyPersonId: kp.id, relation: 'household' },
    });
    expect(shown.deadline).toBe('2024-02-25T04:00:00.000Z');
    const members = (await call('GET', `/api/v1/key-persons/${kp.id}/household-members`)).json();
    expect(members.find((m: { personId: string }) => m.personId === spouse).linked).toBe(true);

    // A colleague elsewhere in the township who already has an open lead: one lead, two sources.
    const colleague = await buildPerson(db, county.villageA, { name: '同事' });
    await db.transaction((tx) =>
      raiseLead(tx, {
        personId: colleague.id,
        name: colleague.name,
        regionId: county.villageA.id,
        regionPath: county.villageA.path,
        source: 'screening',
        reasons: ['fever'],
        now: clock,
      }),
    );
    await call('POST', `/api/v1/key-persons/${kp.id}/contacts`, {
      contactPersonId: colleague.id,
      relation: 'colleague',
      lastContactDate: '2024-02-23',
      needsManagement: true,
    });
    expect(await leadsOf(colleague.id)).toEqual([expect.objectContaining({ status: 'open', n: 2 })]);
  });

  it('opens a close-contact file in one action; a contact without the flag raises nothing', async () => {
    const child = home.memberIds[2]!;
    const res = await call('POST', `/api/v1/key-persons/${kp.id}/contacts`, {
      contactPersonId: child,
      relation: 'household',
      lastContactDate: '2024-02-24',
      openFile: { measure: 'homeIsolation', startDate: '2024-02-25' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const file = (await call('GET', `/api/v1/key-persons/${res.json().keyPersonId}`)).json();
    expect(file).toMatchObject({ category: 'closeContact', measure: 'homeIsolation', source: 'contactTracing' });
    expect(await leadsOf(child)).toEqual([expect.objectContaining({ status: 'verified' })]);

    const plain = await call('POST', `/api/v1/key-persons/${kp.id}/contacts`, {
      newPerson: { name: '路人' },
      relation: 'other',
      lastContactDate: '2024-02-24',
    });
    expect(plain.json()).toMatchObject({ leadId: null, keyPersonId: null });
  });

  it('refuses a contact outside the scope, raising nothing', async () => {
    const outside = await buildPerson(db, county.villageB, { name: '外镇人' });
    const res = await call('POST', `/api/v1/key-persons/${kp.id}/contacts`, {
      contactPersonId: outside.id,
      relation: 'colleague',
      lastContactDate: '2024-02-24',
      needsManagement: true,
    });
    expect(res.statusCode).toBe(422);
    expect(await leadsOf(outside.id)).toEqual([]);
  });
});
