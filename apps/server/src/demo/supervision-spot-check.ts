// The demo county's data-truth spot check (数据核查) of a village's key persons — one record
// confirmed, one discrepant (a finding), one still to ask — and a finding of the checkpoint that
// waits on a tent from the county's supplies group (缺物资).
import { sql } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { addDays } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import { pathUnder } from '../auth/scope.js';
import * as schema from '../db/schema/index.js';
import type { RegionRow } from './county.js';
import type { UserRow } from './grids.js';

export async function loadDemoSpotCheck(
  db: NodePgDatabase<typeof schema>,
  o: { inspector: UserRow; village: RegionRow; county: RegionRow; now: Date; today: string },
) {
  const { rows } = await db.execute<{ id: string; name: string; region_id: string; path: string; region: string }>(sql`
    SELECT k.id, p.name, k.region_id, k.region_path::text AS path, r.name AS region
    FROM key_person k JOIN person p ON p.id = k.person_id JOIN region r ON r.id = k.region_id
    WHERE ${pathUnder(sql`k.region_path`, o.village.path)} AND k.status = 'active' ORDER BY k.id LIMIT 3`);
  if (rows.length) {
    const id = uuidv7();
    const at = new Date(o.now.getTime() - 3_600_000);
    await db.insert(schema.spotCheck).values({
      id,
      regionId: o.village.id,
      regionPath: o.village.path,
      section: 'keyPersons',
      figure: 'active',
      reportDay: o.today,
      listApi: '/api/v1/key-persons',
      listQuery: { regionId: o.village.id, status: 'active' },
      seed: 20220128,
      population: rows.length,
      inspectorId: o.inspector.id,
      inspectorName: o.inspector.displayName,
      createdAt: at,
    });
    for (const [i, r] of rows.entries()) {
      const outcome = (['confirmed', 'discrepant', 'pending'] as const)[i]!;
      const findingId = outcome === 'discrepant' ? uuidv7() : null;
      const label = `${r.name} · ${r.region}`;
      if (findingId)
        await db.insert(schema.finding).values({
          id: findingId,
          spotCheckId: id,
          regionId: r.region_id,
          regionPath: r.path,
          description: `数据核查不符: ${label}: 本人称今日未测体温`,
          severity: 'major',
          deadline: o.today,
          status: 'assigned',
          createdBy: o.inspector.id,
          createdAt: at,
        });
      await db.insert(schema.spotCheckRecord).values({
        id: uuidv7(),
        spotCheckId: id,
        position: i,
        recordId: r.id,
        label,
        regionId: r.region_id,
        regionPath: r.path,
        outcome,
        note: outcome === 'discrepant' ? '本人称今日未测体温' : null,
        checkedAt: outcome === 'pending' ? null : at,
        checkedBy: outcome === 'pending' ? null : o.inspector.id,
        findingId,
      });
    }
  }

  const [inspection] = await db
    .select({ id: schema.inspection.id, regionId: schema.inspection.regionId, path: schema.inspection.regionPath })
    .from(schema.inspection)
    .where(sql`${schema.inspection.placeKind} = 'checkpoint'`)
    .limit(1);
  if (!inspection) return;
  const storeId = uuidv7();
  await db.insert(schema.supplyStore).values({
    id: storeId,
    kind: 'region',
    regionId: o.county.id,
    regionPath: o.county.path,
    name: '县物资保障组仓库',
  });
  await db.insert(schema.finding).values({
    id: uuidv7(),
    inspectionId: inspection.id,
    itemKey: 'tentAndThermometers',
    regionId: inspection.regionId,
    regionPath: inspection.path,
    description: '配备御寒帐篷和体温检测设备: 均没有御寒帐篷',
    severity: 'major',
    deadline: addDays(o.today, 2),
    status: 'rectifying',
    createdBy: o.inspector.id,
    createdAt: new Date(o.now.getTime() - 86_400_000),
    waitingStoreId: storeId,
    waitingNote: '缺御寒帐篷1顶，已与县物资保障组协调',
    waitingSince: new Date(o.now.getTime() - 80_000_000),
  });
}
