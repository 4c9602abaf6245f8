import { shanghaiDateOf } from '@fangkong/domain';
import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import {
  finding,
  inspection,
  supervisionGroup,
  supervisionGroupTownship,
  spotCheck,
  spotCheckRecord,
} from '../src/db/schema/index.js';

import type { RegionRow } from './factories.js';

/** An inspection of `village` by `inspector` with one failed item, its finding addressed to the village (督查). */
export async function buildInspection(
  db: Db,
  village: RegionRow,
  inspector: { id: string },
  opts: { at?: Date; deadline?: string } = {},
) {
  const at = opts.at ?? new Date();
  const id = uuidv7();
  const findingId = uuidv7();
  await db.insert(inspection).values({
    id,
    regionId: village.id,
    regionPath: village.path,
    placeKind: 'village',
    placeName: village.name,
    unannounced: true,
    inspectedAt: at,
    inspectorId: inspector.id,
    inspectorName: 'inspector',
    answers: [{ key: 'noticesPosted', label: 'notices', ok: false, remark: null }],
    createdAt: at,
  });
  await db.insert(finding).values({
    id: findingId,
    inspectionId: id,
    itemKey: 'noticesPosted',
    regionId: village.id,
    regionPath: village.path,
    description: 'notices',
    severity: 'major',
    deadline: opts.deadline ?? shanghaiDateOf(at),
    createdBy: inspector.id,
    createdAt: at,
  });
  return { id, findingId };
}

/** A spot check (数据核查) of a village's key persons with one sampled record, pending. */
export async function buildSpotCheck(db: Db, village: RegionRow, inspector: { id: string }) {
  const id = uuidv7();
  const recordId = uuidv7();
  await db.insert(spotCheck).values({
    id,
    regionId: village.id,
    regionPath: village.path,
    section: 'keyPersons',
    figure: 'active',
    reportDay: shanghaiDateOf(new Date()),
    listApi: '/api/v1/key-persons',
    listQuery: {},
    seed: 1,
    population: 1,
    inspectorId: inspector.id,
    inspectorName: 'inspector',
  });
  await db.insert(spotCheckRecord).values({
    id: recordId,
    spotCheckId: id,
    position: 0,
    recordId: uuidv7(),
    label: '人员',
    regionId: village.id,
    regionPath: village.path,
  });
  return { id, recordId };
}

/** A supervision group (督导组) of `county` sent to `townships`. */
export async function buildSupervisionGroup(db: Db, county: RegionRow, townships: RegionRow[], name = '第一督导组') {
  const id = uuidv7();
  await db
    .insert(supervisionGroup)
    .values({ id, regionPath: county.path, name, leaderName: '张县长', members: ['组员甲'], startsOn: '2022-01-28' });
  await db
    .insert(supervisionGroupTownship)
    .values(townships.map((t) => ({ groupId: id, regionId: t.id, regionPath: t.path })));
  return id;
}
