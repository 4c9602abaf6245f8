import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

describe('调度: tasks handed down with a deadline and a reply', async () => {
  let clock = new Date('2024-02-20T02:00:00Z');
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let commander: Session;
  let township: Session;
  let townshipB: Session;
  let cadre: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, {
      username: 'township',
      role: 'townshipOfficer',
      region: county.townshipA,
      displayName: '淮口值班员',
    });
    await buildUser(db, { username: 'townshipB', role: 'townshipOfficer', region: county.townshipB });
    await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA });
    commander = await loginAs(app, 'commander');
    township = await loginAs(app, 'township');
    townshipB = await loginAs(app, 'townshipB');
    cadre = await loginAs(app, 'cadre');
  });
  const post = (url: string, payload: Record<string, unknown>, who: Session) =>
    app.inject({ method: 'POST', url, payload, headers: who.headers });
  const box = async (who: Session, b: 'inbox' | 'outbox') =>
    (await app.inject({ url: `/api/v1/dispatches?box=${b}`, headers: who.headers })).json();

  it('hands a task to a township, which replies; the county closes it, or returns it', async () => {
    const sent = await post(
      '/api/v1/dispatches',
      {
        toRegionId: county.townshipA.id,
        title: '核查省外返乡人员名单',
        body: '今日18时前反馈',
        deadline: '2024-02-20T10:00:00Z',
      },
      commander,
    );
    expect(sent.statusCode).toBe(200);
    const task = sent.json();
    expect(task).toMatchObject({
      status: 'open',
      overdue: false,
      toRegionName: county.townshipA.name,
      canClose: true,
      canReply: false,
    });
    expect((await box(township, 'inbox')).items).toEqual([
      expect.objectContaining({ id: task.id, canReply: true, canClose: false }),
    ]);
    expect((await box(townshipB, 'inbox')).total).toBe(0);
    expect((await box(cadre, 'inbox')).total).toBe(0);

    clock = new Date('2024-02-20T10:00:00Z');
    expect((await box(commander, 'outbox')).items[0]).toMatchObject({ overdue: true });
    expect((await post(`/api/v1/dispatches/${task.id}/reply`, { reply: 'x' }, townshipB)).statusCode).toBe(404);
    expect((await post(`/api/v1/dispatches/${task.id}/reply`, { reply: 'x' }, commander)).statusCode).toBe(422);
    const replied = (
      await post(`/api/v1/dispatches/${task.id}/reply`, { reply: '已核查12人，均已落实居家隔离' }, township)
    ).json();
    expect(replied).toMatchObject({ status: 'replied', overdue: false, repliedByName: '淮口值班员' });
    const returned = (await post(`/api/v1/dispatches/${task.id}/follow-up`, { action: 'return' }, commander)).json();
    expect(returned).toMatchObject({ status: 'open', reply: '已核查12人，均已落实居家隔离' });
    await post(`/api/v1/dispatches/${task.id}/reply`, { reply: '补充：另有2人已转县外' }, township);
    expect((await post(`/api/v1/dispatches/${task.id}/follow-up`, { action: 'close' }, township)).statusCode).toBe(422);
    expect(
      (await post(`/api/v1/dispatches/${task.id}/follow-up`, { action: 'close' }, commander)).json(),
    ).toMatchObject({ status: 'closed', canClose: false });
    const audited = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${task.id} ORDER BY at, id`);
    expect(audited.rows.map((r) => r.event)).toEqual([
      'dispatch.create',
      'dispatch.reply',
      'dispatch.followUp',
      'dispatch.reply',
      'dispatch.followUp',
    ]);
  });

  it('hands a task to a working group; refuses two targets, a past deadline and regions out of scope', async () => {
    const group = (
      await post(
        '/api/v1/command-units',
        { regionId: county.county.id, kind: 'workingGroup', name: '物资保障组' },
        commander,
      )
    ).json();
    const toGroup = await post(
      '/api/v1/dispatches',
      { toUnitId: group.id, title: '调拨口罩5万只', deadline: '2024-02-21T10:00:00Z' },
      commander,
    );
    expect(toGroup.json()).toMatchObject({
      toUnitName: '物资保障组',
      toRegionName: county.county.name,
      canReply: true,
    });
    const both = await post(
      '/api/v1/dispatches',
      { toUnitId: group.id, toRegionId: county.townshipA.id, title: 'x', deadline: '2024-02-21T10:00:00Z' },
      commander,
    );
    expect(both.json().errors[0].field).toBe('toRegionId');
    expect(
      (
        await post(
          '/api/v1/dispatches',
          { toRegionId: county.villageA.id, title: 'x', deadline: '2024-02-20T09:00:00Z' },
          township,
        )
      ).json().errors[0].field,
    ).toBe('deadline');
    expect(
      (
        await post(
          '/api/v1/dispatches',
          { toRegionId: county.villageB.id, title: 'x', deadline: '2024-02-21T09:00:00Z' },
          township,
        )
      ).json().errors[0].field,
    ).toBe('toRegionId');
    expect(
      (
        await post('/api/v1/dispatches', { toUnitId: group.id, title: 'x', deadline: '2024-02-21T09:00:00Z' }, township)
      ).json().errors[0].field,
    ).toBe('toUnitId');
    expect(
      (
        await post(
          '/api/v1/dispatches',
          { toRegionId: county.villageA.id, title: 'x', deadline: '2024-02-21T09:00:00Z' },
          cadre,
        )
      ).statusCode,
    ).toBe(403);
  });
});
