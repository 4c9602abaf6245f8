// The demo county's supervision (督查): two supervision groups led by county leaders, and a round of
// inspections whose findings stand in every state of their life — one overdue, escalated to the county.
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { addDays, defaultChecklist, type FindingStatus, type PlaceKind } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import * as schema from '../db/schema/index.js';
import type { CountyPlan, RegionRow } from './county.js';
import type { UserRow } from './grids.js';
import { loadDemoSpotCheck } from './supervision-spot-check.js';

const DAY = 86_400_000;

export async function loadDemoSupervision(
  client: pg.PoolClient,
  plan: CountyPlan,
  o: { inspector: UserRow; village: RegionRow; now: Date; today: string },
) {
  const db = drizzle(client, { schema });
  const byName = (name: string) => plan.townships.find((t) => t.name === name)!;
  const groups = [
    {
      name: '第一督导组',
      leaderName: '张某某',
      leaderTitle: '县委副书记',
      members: ['王某', '刘某'],
      townships: [byName('淮口街道'), byName('赵镇街道')],
      topics: '卡口值守、入户排查、重点人员管控',
    },
    {
      name: '第二督导组',
      leaderName: '李某某',
      leaderTitle: '副县长',
      members: ['陈某', '杨某'],
      townships: [byName('官仓街道'), byName('栖贤街道')],
      topics: '留观点、物资保障、宣传告知',
    },
  ];
  const groupIds: string[] = [];
  for (const g of groups) {
    const id = uuidv7();
    groupIds.push(id);
    await db.insert(schema.supervisionGroup).values({
      id,
      regionPath: plan.county.path,
      name: g.name,
      leaderName: g.leaderName,
      leaderTitle: g.leaderTitle,
      members: g.members,
      topics: g.topics,
      startsOn: addDays(o.today, -3),
      createdAt: new Date(o.now.getTime() - 3 * DAY),
    });
    await db
      .insert(schema.supervisionGroupTownship)
      .values(g.townships.map((t) => ({ groupId: id, regionId: t.id, regionPath: t.path })));
  }

  const [post] = await db.select().from(schema.checkpoint).limit(1);
  const inspect = async (
    kind: PlaceKind,
    place: { id?: string; name: string; regionId: string; regionPath: string },
    daysAgo: number,
    failed: { key: string; remark: string; status: FindingStatus; deadlineDays?: number }[],
  ) => {
    const id = uuidv7();
    const at = new Date(o.now.getTime() - daysAgo * DAY);
    const items = defaultChecklist(kind, 'zh-CN');
    const answers = items.map((i) => {
      const f = failed.find((x) => x.key === i.key);
      return { key: i.key, label: i.label, ok: !f, remark: f?.remark ?? null };
    });
    await db.insert(schema.inspection).values({
      id,
      regionId: place.regionId,
      regionPath: place.regionPath,
      placeKind: kind,
      placeId: place.id ?? null,
      placeName: place.name,
      unannounced: daysAgo > 0,
      groupId: groupIds[0],
      inspectedAt: at,
      inspectorId: o.inspector.id,
      inspectorName: o.inspector.displayName,
      answers,
      createdAt: at,
    });
    for (const f of failed) {
      const label = items.find((i) => i.key === f.key)!.label;
      const reported = f.status === 'reported' || f.status === 'closed';
      await db.insert(schema.finding).values({
        id: uuidv7(),
        inspectionId: id,
        itemKey: f.key,
        regionId: place.regionId,
        regionPath: place.regionPath,
        description: `${label}: ${f.remark}`,
        severity: 'major',
        deadline: addDays(o.today, -daysAgo + (f.deadlineDays ?? 0)),
        status: f.status,
        createdBy: o.inspector.id,
        createdAt: at,
        evidence: reported ? '已整改到位' : null,
        reportedAt: reported ? new Date(at.getTime() + 3_600_000) : null,
        closedAt: f.status === 'closed' ? new Date(at.getTime() + 7_200_000) : null,
        closedBy: f.status === 'closed' ? o.inspector.id : null,
      });
    }
  };
  if (post) {
    await inspect(
      'checkpoint',
      { id: post.id, name: post.name, regionId: post.regionId, regionPath: post.regionPath },
      1,
      [
        { key: 'everyVehicleRegistered', remark: '部分车辆未登记', status: 'closed' },
        { key: 'observationRoom', remark: '未设临时留观室', status: 'reported', deadlineDays: 2 },
      ],
    );
  }
  const village = { name: o.village.name, regionId: o.village.id, regionPath: o.village.path };
  await inspect('village', village, 2, [
    { key: 'noticesPosted', remark: '村口未张贴通告', status: 'rectifying', deadlineDays: 5 },
    { key: 'screeningLedger', remark: '台账不全', status: 'assigned' }, // due two days ago: overdue, escalated
  ]);
  await inspect('village', village, 0, [{ key: 'noDuplicateScreening', remark: '多部门重复入户', status: 'assigned' }]);
  await loadDemoSpotCheck(db, { ...o, county: plan.county });
}
