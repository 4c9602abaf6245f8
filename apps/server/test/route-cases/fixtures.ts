// The records the route walk (auth/boundary.test.ts) and the hostile-input suite work on: every
// role's user in township A, and records inside (village A) and outside (village B) that scope.
import ExcelJS from 'exceljs';
import { ROLES, type Role } from '@fangkong/domain';
import type { Db } from '../../src/db/client.js';
import { uuidv7 } from '../../src/db/ids.js';
import { digest } from '../../src/auth/session.js';
import { fileJob, session } from '../../src/db/schema/index.js';
import { EXPORT_FILE_MODE, ensureExportDir, exportFilePath } from '../../src/modules/file-jobs/file-jobs.service.js';
import { encryptedFileWriter } from '../../src/security/file-crypto.js';
import {
  buildCheckpoint,
  buildCounty,
  buildDailyReport,
  buildEntry,
  buildFileJob,
  buildGrid,
  buildHousehold,
  buildKeyPersonFixtures,
  buildResident,
  buildRiskArea,
  buildRound,
  buildUser,
} from '../factories.js';
import { buildInspection, buildSupervisionGroup, buildSpotCheck } from '../supervision-factories.js';
import {
  buildGathering,
  buildVenue,
  buildSupplyItem,
  buildSupplyStore,
  buildAttachment,
} from '../community-factories.js';
import { buildSentinel, buildWalkIn } from '../sentinel-factories.js';
import type { Fixtures } from './shared.js';

/** A finished export job of `user` whose file (a real, small workbook) waits for its one download. */
export async function buildExportJob(db: Db, user: { id: string; regionPath: string }, full = false) {
  const id = uuidv7();
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('基础台账表').addRow(['姓名']);
  await ensureExportDir();
  const { stream, closed } = encryptedFileWriter(exportFilePath(id), EXPORT_FILE_MODE);
  stream.end(Buffer.from(await wb.xlsx.writeBuffer()));
  await closed;
  await db.insert(fileJob).values({
    id,
    kind: 'export',
    status: 'done',
    done: 1,
    total: 1,
    result: { rows: 1, full, regionPath: user.regionPath, downloaded: false },
    createdBy: user.id,
    regionPath: user.regionPath,
    finishedAt: new Date(),
  });
  return id;
}

/** A live session of a new user of `region`, by its stored id (the digest of its token). */
async function buildSession(db: Db, username: string, region: Parameters<typeof buildUser>[1]['region']) {
  const user = await buildUser(db, { username, role: 'viewer', region });
  const id = digest(uuidv7()); // stored as the SHA-256 of the cookie's token
  await db
    .insert(session)
    .values({ id, userId: user.id, csrfToken: uuidv7(), expiresAt: new Date(Date.now() + 3_600_000) });
  return id;
}

/** Every role's user `u-<role>` in township A, and the records of the walk. */
export async function buildWalkFixtures(db: Db): Promise<Fixtures> {
  const county = await buildCounty(db);
  // Every role is scoped to township A: village A is inside, village B outside.
  const users = new Map<Role, { id: string; regionPath: string }>();
  for (const role of ROLES)
    users.set(role, await buildUser(db, { username: `u-${role}`, role, region: county.townshipA }));
  const userInA = await buildUser(db, { username: 'target-a', role: 'viewer', region: county.villageA });
  const userInB = await buildUser(db, { username: 'target-b', role: 'viewer', region: county.villageB });
  const gridInA = await buildGrid(db, county.villageA);
  const gridInB = await buildGrid(db, county.villageB);
  const reportInA = await buildDailyReport(db, county.villageA, userInA.id, '2022-01-28');
  const reportInB = await buildDailyReport(db, county.villageB, userInB.id, '2022-01-28');
  const householdA = await buildHousehold(db, county.villageA, 2);
  const householdA2 = await buildHousehold(db, county.villageA, 0);
  const householdB = await buildHousehold(db, county.villageB, 2);
  const riskArea = await buildRiskArea(db, county.county);
  const roundA = await buildRound(db, county.townshipA);
  const roundB = await buildRound(db, county.townshipB);
  const checkpointInA = await buildCheckpoint(db, county.villageA, { name: '五凤卡口' });
  const checkpointInB = await buildCheckpoint(db, county.villageB, { name: '石板卡口' });
  // With phones: every answer to a role that may not see full data is checked for them in clear.
  await buildResident(db, county.villageA, '510121198001010010', '居民甲', '13812340001');
  await buildResident(db, county.villageB, '510121198502020022', '居民乙', '13812340002');
  const entryA = await buildEntry(db, checkpointInA, { plate: '川A12345' });
  const entryB = await buildEntry(db, checkpointInB, { plate: '川B54321' });
  const supplyItemId = (await buildSupplyItem(db, county.county)).id;
  const storeInA = await buildSupplyStore(db, county.villageA, { itemId: supplyItemId, stock: 100 });
  const storeInB = await buildSupplyStore(db, county.villageB, { itemId: supplyItemId, stock: 100 });
  const sentinelInA = await buildSentinel(db, county.villageA, [users.get('sentinel')!]);
  const sentinelInB = await buildSentinel(db, county.villageB);
  const ownExport = Object.fromEntries(
    await Promise.all(ROLES.map(async (role) => [role, await buildExportJob(db, users.get(role)!)] as const)),
  ) as Record<Role, string>;
  return {
    ...county,
    gridInA,
    gridInB,
    venueInA: await buildVenue(db, county.villageA),
    venueInB: await buildVenue(db, county.villageB),
    gatheringInA: await buildGathering(db, county.villageA),
    gatheringInB: await buildGathering(db, county.villageB),
    userInA,
    userInB,
    reportInA,
    reportInB,
    householdA,
    householdA2,
    householdB,
    riskArea,
    roundA,
    roundB,
    kp: await buildKeyPersonFixtures(db, county),
    checkpointInA,
    checkpointInB,
    supplyItemId,
    storeInA,
    storeInB,
    photoInA: await buildAttachment(db, county.villageA),
    photoInB: await buildAttachment(db, county.villageB),
    sentinelInA,
    sentinelInB,
    walkInA: await buildWalkIn(db, sentinelInA),
    walkInB: await buildWalkIn(db, sentinelInB),
    sentinelUser: users.get('sentinel')!.id,
    entryInA: entryA.id,
    entryInB: entryB.id,
    occupantInA: entryA.occupants[0]!.id,
    occupantInB: entryB.occupants[0]!.id,
    jobInA: await buildFileJob(db, userInA),
    jobInB: await buildFileJob(db, userInB),
    ownJob: Object.fromEntries(
      await Promise.all(ROLES.map(async (role) => [role, await buildFileJob(db, users.get(role)!)] as const)),
    ) as Record<Role, string>,
    ownExport,
    exportInA: await buildExportJob(db, userInA),
    sessionInA: await buildSession(db, 'session-a', county.villageA),
    sessionInB: await buildSession(db, 'session-b', county.villageB),
    inspectionInA: await buildInspection(db, county.villageA, userInA),
    inspectionInB: await buildInspection(db, county.villageB, userInB),
    groupA: await buildSupervisionGroup(db, county.county, [county.townshipA]),
    groupB: await buildSupervisionGroup(db, county.county, [county.townshipB], '第二督导组'),
    spotCheckInA: await buildSpotCheck(db, county.villageA, userInA),
    spotCheckInB: await buildSpotCheck(db, county.villageB, userInB),
  };
}
