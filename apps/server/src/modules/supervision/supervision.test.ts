import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { addDays, reportDayOf, shanghaiDateOf } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCheckpoint, buildCounty, buildRegion, buildUser, type RegionRow } from '../../../test/factories.js';
import { uuidv7 } from '../../db/ids.js';

interface Drill {
  api: string;
  query: Record<string, string>;
  exact: boolean;
}

describe('supervision: inspections, findings and rectification', async () => {
  let clock = new Date();
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let village: RegionRow;
  let checkpointId: string;
  let countyInspector: Session, inspector: Session, officer: Session, cadre: Session, otherCadre: Session;

  beforeAll(async () => {
    county = await buildCounty(db);
    village = await buildRegion(db, '510121001007', '桃花村', county.townshipA);
    checkpointId = (await buildCheckpoint(db, village, { name: '桃花卡口' })).id;
    await buildUser(db, { username: 'sv-county', role: 'inspector', region: county.county });
    await buildUser(db, { username: 'sv-town', role: 'inspector', region: county.townshipA, displayName: '督查员甲' });
    await buildUser(db, { username: 'sv-officer', role: 'townshipOfficer', region: county.townshipA });
    await buildUser(db, { username: 'sv-cadre', role: 'villageCadre', region: village });
    await buildUser(db, { username: 'sv-other', role: 'villageCadre', region: county.villageB });
    [countyInspector, inspector, officer, cadre, otherCadre] = (await Promise.all(
      ['sv-county', 'sv-town', 'sv-officer', 'sv-cadre', 'sv-other'].map((u) => loginAs(app, u)),
    )) as [Session, Session, Session, Session, Session];
  });

  const inspect = (payload: Record<string, unknown>, s = inspector) =>
    app.inject({ method: 'POST', url: '/api/v1/inspections', payload, headers: s.headers });
  const step = (id: string, kind: 'rectification' | 'review', payload: Record<string, unknown>, s: Session) =>
    app.inject({ method: 'POST', url: `/api/v1/findings/${id}/${kind}`, payload, headers: s.headers });
  const count = async (table: 'inspection' | 'finding') =>
    Number((await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`)).rows[0]!.n);

  it('ships default checklists drawn from the seeds; only the county rewords them, keeping item keys', async () => {
    const lists = (await app.inject({ url: '/api/v1/inspection-checklists', headers: cadre.headers })).json();
    const checkpoint = lists.items.find((c: { placeKind: string }) => c.placeKind === 'checkpoint');
    expect(checkpoint.custom).toBe(false);
    expect(checkpoint.items.map((i: { label: string }) => i.label)).toContain('配备御寒帐篷和体温检测设备');

    const items = [{ key: 'noticesPosted', label: '村口张贴防控通告' }, { label: '劝导群众不聚集' }];
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/inspection-checklists/village',
          payload: { items },
          headers: inspector.headers,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: '/api/v1/inspection-checklists/village',
          payload: { items },
          headers: cadre.headers,
        })
      ).statusCode,
    ).toBe(403);
    const res = await app.inject({
      method: 'PUT',
      url: '/api/v1/inspection-checklists/village',
      payload: { items },
      headers: countyInspector.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().custom).toBe(true);
    expect(res.json().items[0]).toEqual({ key: 'noticesPosted', label: '村口张贴防控通告' });
    expect(res.json().items[1].key).toMatch(/^c/);
    const village2 = (await app.inject({ url: '/api/v1/inspection-checklists', headers: inspector.headers }))
      .json()
      .items.find((c: { placeKind: string }) => c.placeKind === 'village');
    expect(village2.items).toEqual(res.json().items);
  });

  let findingIds: string[] = [];
  it('records an unannounced inspection of a checkpoint: each failed item and each finding of its own becomes a finding, audited', async () => {
    const res = await inspect({
      id: uuidv7(),
      placeKind: 'checkpoint',
      placeId: checkpointId,
      unannounced: true,
      answers: [
        { key: 'staffed24h', ok: true },
        { key: 'tentAndThermometers', ok: false, remark: '无御寒帐篷' },
        {
          key: 'everyVehicleRegistered',
          ok: false,
          finding: { severity: 'serious', responsiblePerson: '张三', deadline: addDays(shanghaiDateOf(clock), 2) },
        },
        { key: 'observationRoom', ok: null },
      ],
      findings: [{ description: '登记缓慢，造成交通拥堵', regionId: county.townshipA.id, severity: 'minor' }],
      remarks: '夜间暗访',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      placeName: '桃花卡口',
      regionId: village.id,
      unannounced: true,
      inspectorName: '督查员甲',
      findings: 3,
    });
    expect(body.answers[1]).toEqual({
      key: 'tentAndThermometers',
      label: '配备御寒帐篷和体温检测设备',
      ok: false,
      remark: '无御寒帐篷',
    });
    const today = shanghaiDateOf(clock);
    expect(
      body.findingList
        .map((f: { regionName: string; deadline: string; status: string; severity: string }) => [
          f.regionName,
          f.deadline,
          f.status,
          f.severity,
        ])
        .sort(),
    ).toEqual(
      [
        ['桃花村', addDays(today, 2), 'assigned', 'serious'],
        ['桃花村', today, 'assigned', 'major'],
        ['淮口街道', today, 'assigned', 'minor'],
      ].sort(),
    );
    findingIds = body.findingList.map((f: { id: string }) => f.id);
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${body.id}`);
    expect(audit.rows).toEqual([{ event: 'inspection.create' }]);
    // The village sees the findings addressed to it, not the township's own.
    expect((await app.inject({ url: '/api/v1/findings', headers: cadre.headers })).json().total).toBe(2);
    expect((await app.inject({ url: '/api/v1/findings', headers: otherCadre.headers })).json().total).toBe(0);
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    const [inspections, findings] = [await count('inspection'), await count('finding')];
    const res = await inspect({
      placeKind: 'village',
      regionId: village.id,
      unannounced: false,
      answers: [
        { key: 'noSuchItem', ok: false },
        {
          key: 'noticesPosted',
          ok: false,
          finding: { severity: 'major', deadline: addDays(shanghaiDateOf(clock), -1) },
        },
      ],
      findings: [
        { description: 'x', regionId: county.villageB.id, severity: 'major' },
        { description: 'y', regionId: uuidv7(), severity: 'major' },
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['answers.0.key', 'answers.1.finding.deadline', 'findings.0.regionId', 'findings.1.regionId'].sort());
    expect(res.json().errors.find((e: { field: string }) => e.field === 'answers.1.finding.deadline').message).toBe(
      '整改时限不能早于今天',
    );
    expect((await inspect({ placeKind: 'checkpoint', unannounced: false, answers: [] })).json().errors).toEqual([
      { field: 'placeId', message: '请选择督查地点' },
    ]);
    // A finding without a responsible region.
    expect(
      (
        await inspect({
          placeKind: 'village',
          regionId: village.id,
          unannounced: false,
          answers: [],
          findings: [{ description: 'y', severity: 'major' }],
        })
      ).json().errors,
    ).toEqual([{ field: 'findings.0.regionId', message: '此项为必填' }]);
    expect(
      (await inspect({ placeKind: 'village', regionId: county.villageB.id, unannounced: false, answers: [] })).json()
        .errors[0].field,
    ).toBe('regionId');
    expect([await count('inspection'), await count('finding')]).toEqual([inspections, findings]);
  });

  it('follows a finding through its life: the village rectifies and reports, the inspector verifies or sends back', async () => {
    // By deadline: b is due today, a in two days.
    const [b, a] = (await app.inject({ url: `/api/v1/findings?regionId=${village.id}`, headers: cadre.headers }))
      .json()
      .items.map((f: { id: string }) => f.id);
    // Someone outside the responsible region does not see it; the inspector cannot verify what is not reported.
    expect((await step(a, 'rectification', { action: 'start' }, otherCadre)).statusCode).toBe(404);
    expect((await step(a, 'review', { action: 'verify' }, inspector)).statusCode).toBe(409);
    expect((await step(a, 'rectification', { action: 'start' }, cadre)).json().status).toBe('rectifying');
    const noEvidence = await step(a, 'rectification', { action: 'report', evidence: ' ' }, cadre);
    expect(noEvidence.statusCode).toBe(422);
    expect(
      (await step(a, 'rectification', { action: 'report', evidence: '已购置帐篷2顶、测温枪3把' }, cadre)).json(),
    ).toMatchObject({ status: 'reported', evidence: '已购置帐篷2顶、测温枪3把' });
    expect((await step(a, 'review', { action: 'sendBack' }, inspector)).statusCode).toBe(422); // a reason is required
    expect((await step(a, 'review', { action: 'sendBack', note: '帐篷未搭建' }, inspector)).json()).toMatchObject({
      status: 'rectifying',
      reviewNote: '帐篷未搭建',
    });
    await step(a, 'rectification', { action: 'report', evidence: '帐篷已搭建' }, cadre);
    const closed = await step(a, 'review', { action: 'verify' }, inspector);
    expect(closed.json()).toMatchObject({ status: 'closed', overdue: false });
    expect(closed.json().closedAt).toBe(clock.toISOString());
    expect((await step(a, 'rectification', { action: 'report', evidence: 'x' }, cadre)).statusCode).toBe(409);
    // The township answers for its villages too; the cadre cannot verify.
    expect((await step(b, 'rectification', { action: 'start' }, officer)).json().status).toBe('rectifying');
    expect((await step(b, 'review', { action: 'verify' }, cadre)).statusCode).toBe(403);
    const events = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${a} ORDER BY id`);
    expect(events.rows.map((r) => r.event)).toEqual([
      'finding.start',
      'finding.report',
      'finding.sendBack',
      'finding.report',
      'finding.verify',
    ]);
    expect(findingIds).toContain(a);
  });

  it('counts inspections and findings on the report day they happened, and every figure opens its list', async () => {
    clock = new Date(clock.getTime() + 60_000); // a figure is taken at an instant: what was recorded before it
    const day = reportDayOf(clock);
    const preview = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=${day}`,
        headers: officer.headers,
      })
    ).json();
    expect(preview.live.supervision).toEqual({
      inspectionsToday: 1,
      findingsToday: 3,
      findingsOpen: 2,
      findingsOverdue: 0,
      rectifiedToday: 1,
    });
    for (const [key, d] of Object.entries(preview.drillDown.supervision as Record<string, Drill>)) {
      expect(d.exact).toBe(true);
      const res = await app.inject({ url: `${d.api}?${new URLSearchParams(d.query)}`, headers: officer.headers });
      expect(res.json().total, key).toBe(preview.live.supervision[key]);
    }
    const villageOnly = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${village.id}&reportDate=${day}`,
        headers: officer.headers,
      })
    ).json();
    expect(villageOnly.live.supervision).toMatchObject({ inspectionsToday: 1, findingsToday: 2, findingsOpen: 1 });
  });

  it('makes a finding overdue after its deadline day and lists it for the level above', async () => {
    clock = new Date(clock.getTime() + 86_400_000);
    const overdue = (await app.inject({ url: '/api/v1/findings?overdue=true', headers: officer.headers })).json();
    // The township's own finding and the village's one being rectified, both due yesterday; the closed one is not.
    expect(overdue.items.map((f: { regionName: string; status: string }) => [f.regionName, f.status]).sort()).toEqual([
      ['桃花村', 'rectifying'],
      ['淮口街道', 'assigned'],
    ]);
    // Reported done: waiting for the inspector, no longer overdue for the village.
    const b = overdue.items.find((f: { regionName: string }) => f.regionName === '桃花村').id;
    await step(b, 'rectification', { action: 'report', evidence: '已补登' }, cadre);
    expect((await app.inject({ url: '/api/v1/findings?overdue=true', headers: officer.headers })).json().total).toBe(1);
    await step(b, 'review', { action: 'sendBack', note: '登记不全' }, inspector);
    // Escalated (督办): the township chases its villages' overdue findings; its own are the county's to chase.
    const escalated = (await app.inject({ url: '/api/v1/findings?escalated=true', headers: officer.headers })).json();
    expect(escalated.items.map((f: { regionName: string }) => f.regionName)).toEqual(['桃花村']);
    const countyView = (
      await app.inject({ url: '/api/v1/findings?escalated=true', headers: countyInspector.headers })
    ).json();
    expect(countyView.total).toBe(2);
    const preview = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=${reportDayOf(clock)}`,
        headers: officer.headers,
      })
    ).json();
    expect(preview.live.supervision).toMatchObject({
      inspectionsToday: 0,
      findingsOpen: 2,
      findingsOverdue: 2,
      rectifiedToday: 0,
    });
    const d = preview.drillDown.supervision.findingsOverdue as Drill;
    expect(
      (await app.inject({ url: `${d.api}?${new URLSearchParams(d.query)}`, headers: officer.headers })).json().total,
    ).toBe(2);
  });

  it('sends supervision groups led by county leaders to townships; a township sees the groups sent to it', async () => {
    const body = {
      name: '第一督导组',
      leaderName: '王某某',
      leaderTitle: '县委副书记',
      members: ['李某', '赵某'],
      townshipIds: [county.townshipA.id],
      startsOn: shanghaiDateOf(clock),
      topics: '卡口值守、入户排查',
    };
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/v1/supervision-groups',
          payload: body,
          headers: inspector.headers,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/supervision-groups',
      payload: { ...body, townshipIds: [county.townshipA.id, village.id] },
      headers: countyInspector.headers,
    });
    expect(bad.json().errors).toEqual([{ field: 'townshipIds.1', message: '请选择本县的乡镇（街道）' }]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/supervision-groups',
      payload: body,
      headers: countyInspector.headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const group = res.json();
    expect(group).toMatchObject({
      name: '第一督导组',
      leaderName: '王某某',
      members: ['李某', '赵某'],
      townships: [{ id: county.townshipA.id, name: '淮口街道' }],
      inspections: 0,
    });
    expect(
      (await app.inject({ url: '/api/v1/supervision-groups', headers: cadre.headers }))
        .json()
        .items.map((g: { id: string }) => g.id),
    ).toEqual([group.id]);
    expect((await app.inject({ url: '/api/v1/supervision-groups', headers: otherCadre.headers })).json().items).toEqual(
      [],
    );
    const moved = await app.inject({
      method: 'PATCH',
      url: `/api/v1/supervision-groups/${group.id}`,
      payload: { townshipIds: [county.townshipA.id, county.townshipB.id] },
      headers: countyInspector.headers,
    });
    expect(moved.json()).toMatchObject({ members: ['李某', '赵某'], leaderTitle: '县委副书记' });
    expect(moved.json().townships).toHaveLength(2);
    expect(
      (await app.inject({ url: '/api/v1/supervision-groups', headers: otherCadre.headers })).json().items,
    ).toHaveLength(1);
    // An inspection made with the group counts for it.
    const inspected = await inspect({
      placeKind: 'village',
      regionId: village.id,
      unannounced: true,
      groupId: group.id,
      answers: [{ key: 'noticesPosted', ok: true }],
    });
    expect(inspected.json().groupId).toBe(group.id);
    const listed = (await app.inject({ url: '/api/v1/supervision-groups', headers: inspector.headers })).json();
    expect(listed.items[0].inspections, JSON.stringify(listed)).toBe(1);
    expect(
      (
        await inspect({ placeKind: 'village', regionId: village.id, unannounced: true, groupId: uuidv7(), answers: [] })
      ).json().errors,
    ).toEqual([{ field: 'groupId', message: '记录不存在或已被删除' }]);
    const audit = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${group.id} ORDER BY id`);
    expect(audit.rows.map((r) => r.event)).toEqual(['supervisionGroup.create', 'supervisionGroup.update']);
  });
});
