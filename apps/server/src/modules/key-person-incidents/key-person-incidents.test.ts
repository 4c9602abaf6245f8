import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { uuidv7 } from '../../db/ids.js';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildUser } from '../../../test/factories.js';

describe('non-compliance: incidents, notice, hand-over to the police, outcome; counted on the daily report', async () => {
  const clock = new Date('2024-02-25T06:00:00Z'); // 14:00 in Shanghai, before the 18:00 cut-off
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let officer: Session;
  let officerB: Session;
  let grid: Session;
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
    kp = await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20' });
  });
  const call = (method: string, url: string, payload?: Record<string, unknown>, s = officer) =>
    app.inject({ method: method as never, url, payload, headers: s.headers });
  const events = async () =>
    (
      await db.execute<{ event: string }>(
        sql`SELECT event FROM audit_log WHERE event LIKE 'keyPerson.incident%' ORDER BY id`,
      )
    ).rows.map((r) => r.event);

  it('records an incident with its notice, then the hand-over and outcome; refuses the future and a hand-over without reference', async () => {
    const url = `/api/v1/key-persons/${kp.id}/incidents`;
    const id = uuidv7();
    const body = {
      id,
      kind: 'leftHome',
      occurredAt: '2024-02-25T01:30:00Z',
      witnessedBy: '孙网格',
      note: '擅自外出赶集',
      noticeHandedAt: '2024-02-25T02:00:00Z',
    };
    const res = await call('POST', url, body);
    expect(res.statusCode, res.body).toBe(200);
    expect((await call('POST', url, body)).json()).toHaveLength(1); // a replay changes nothing
    const future = await call('POST', url, {
      kind: 'refusedChecks',
      occurredAt: '2024-02-25T07:00:00Z',
      witnessedBy: '甲',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors).toEqual([{ field: 'occurredAt', message: '时间晚于当前时间，请核对手机时间' }]);
    const noRef = await call('PATCH', `${url}/${id}`, {
      handedOverAt: '2024-02-25T03:00:00Z',
      policeStation: '城关派出所',
    });
    expect(noRef.statusCode).toBe(422);
    expect(noRef.json().errors).toEqual([{ field: 'policeRef', message: '移交派出所时须填写派出所和移交文书编号' }]);
    const before = await call('PATCH', `${url}/${id}`, { noticeHandedAt: '2024-02-25T01:00:00Z' });
    expect(before.json().errors).toEqual([{ field: 'noticeHandedAt', message: '不能早于事件发生时间' }]);
    const handed = await call('PATCH', `${url}/${id}`, {
      handedOverAt: '2024-02-25T03:00:00Z',
      policeStation: '城关派出所',
      policeRef: '城关〔2024〕12号',
      outcome: '批评教育后返家，继续居家隔离',
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()[0]).toMatchObject({
      kind: 'leftHome',
      witnessedBy: '孙网格',
      noticeHandedAt: '2024-02-25T02:00:00.000Z',
      policeStation: '城关派出所',
      policeRef: '城关〔2024〕12号',
      handedOverAt: '2024-02-25T03:00:00.000Z',
      outcome: '批评教育后返家，继续居家隔离',
    });
    // Listed on the key person's page (the grid worker reads it, may not write).
    const listed = await call('GET', url, undefined, grid);
    expect(listed.json().map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await call('POST', url, { ...body, id: uuidv7() }, grid)).statusCode).toBe(403);
    // Yesterday's incident, handed over today: not an incident of today, but a hand-over of today.
    await call('POST', url, {
      kind: 'refusedChecks',
      occurredAt: '2024-02-24T02:00:00Z',
      witnessedBy: '李医生',
      handedOverAt: '2024-02-25T04:00:00Z',
      policeStation: '城关派出所',
      policeRef: '城关〔2024〕13号',
    });
    expect(await events()).toEqual(['keyPerson.incidentAdd', 'keyPerson.incidentUpdate', 'keyPerson.incidentAdd']);
  });

  it('answers another township with not found, on the file and on the list', async () => {
    const url = `/api/v1/key-persons/${kp.id}/incidents`;
    expect((await call('GET', url, undefined, officerB)).statusCode).toBe(404);
    const add = await call(
      'POST',
      url,
      { kind: 'other', occurredAt: '2024-02-25T01:00:00Z', witnessedBy: '某' },
      officerB,
    );
    expect(add.statusCode).toBe(404);
    const [one] = (await call('GET', url)).json();
    expect((await call('PATCH', `${url}/${one.id}`, { outcome: '某' }, officerB)).statusCode).toBe(404);
    const list = await call('GET', `/api/v1/key-person-incidents?regionId=${county.villageA.id}`, undefined, officerB);
    expect(list.json()).toEqual({ items: [], total: 0 });
    expect((await call('GET', '/api/v1/key-person-incidents', undefined, officerB)).json().total).toBe(0);
  });

  it('counts incidents and hand-overs of the report day, each equal to its drill-down list', async () => {
    const preview = (
      await call('GET', `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=2024-02-25`)
    ).json();
    expect(preview.live.nonCompliance).toEqual({ incidentsToday: 1, handedOverToday: 2 });
    for (const [key, d] of Object.entries(
      preview.drillDown.nonCompliance as Record<string, { api: string; query: Record<string, string>; exact: boolean }>,
    )) {
      expect(d.exact).toBe(true);
      const list = (await call('GET', `${d.api}?${new URLSearchParams(d.query)}`)).json();
      expect(list.total, key).toBe(preview.live.nonCompliance[key]);
      expect(list.items, key).toHaveLength(list.total);
    }
    const yesterday = (
      await call('GET', `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=2024-02-24`)
    ).json();
    expect(yesterday.live.nonCompliance).toEqual({ incidentsToday: 1, handedOverToday: 0 });
  });
});
