import { regionPathLabel, type Role } from '@fangkong/domain';
import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import { dailyReport, grid, household, person, region, riskArea, screeningRound, users } from '../src/db/schema/index.js';
import { hashPassword } from '../src/auth/password.js';

export const TEST_PASSWORD = 'test-password-1';
const passwordHash = hashPassword(TEST_PASSWORD);

export interface RegionRow { id: string; code: string; path: string; name: string }

export async function buildRegion(db: Db, code: string, name: string, parent?: RegionRow): Promise<RegionRow> {
  const level = code.length === 15 ? 'group' : code.endsWith('000000') ? 'county' : code.endsWith('000') ? 'township' : 'village';
  const row = { id: uuidv7(), code, name, level, parentId: parent?.id ?? null, path: parent ? `${parent.path}.${regionPathLabel(code)}` : regionPathLabel(code) } as const;
  await db.insert(region).values(row);
  return row;
}

/** A county with two townships, each with one village: enough to be in and out of scope. */
export async function buildCounty(db: Db) {
  const county = await buildRegion(db, '510121000000', '金堂县');
  const townshipA = await buildRegion(db, '510121001000', '淮口街道', county);
  const townshipB = await buildRegion(db, '510121002000', '官仓街道', county);
  const villageA = await buildRegion(db, '510121001001', '五凤村', townshipA);
  const villageB = await buildRegion(db, '510121002001', '石板村', townshipB);
  return { county, townshipA, townshipB, villageA, villageB };
}

export async function buildUser(db: Db, opts: { username: string; role: Role; region: RegionRow; displayName?: string }) {
  const row = {
    id: uuidv7(),
    username: opts.username,
    displayName: opts.displayName ?? opts.username,
    passwordHash: await passwordHash,
    role: opts.role,
    regionId: opts.region.id,
    regionPath: opts.region.path,
  };
  await db.insert(users).values(row);
  return row;
}

export async function buildGrid(db: Db, village: RegionRow, name = '第一网格', leaderId?: string) {
  const row = { id: uuidv7(), regionId: village.id, regionPath: village.path, name, leaderId: leaderId ?? null };
  await db.insert(grid).values(row);
  return row;
}

export async function buildHousehold(db: Db, village: RegionRow, members = 2, gridId?: string, address = `${village.name}1号`) {
  const id = uuidv7();
  await db.insert(household).values({ id, regionId: village.id, regionPath: village.path, gridId: gridId ?? null, address });
  const memberIds: string[] = [];
  for (let i = 0; i < members; i++) {
    const personId = uuidv7();
    memberIds.push(personId);
    await db.insert(person).values({ id: personId, name: `成员${i}`, householdId: id, regionId: village.id, regionPath: village.path });
  }
  return { id, memberIds };
}

/** A risk area on the county's list. */
export async function buildRiskArea(db: Db, county: RegionRow, opts: { name?: string; startsOn?: string; endsOn?: string | null } = {}) {
  const row = { id: uuidv7(), regionPath: county.path, name: opts.name ?? '某省某市某区', level: 'high' as const, startsOn: opts.startsOn ?? '2026-11-01', endsOn: opts.endsOn === undefined ? null : opts.endsOn };
  await db.insert(riskArea).values(row);
  return row;
}

/** An open screening round over a region. */
export async function buildRound(db: Db, over: RegionRow, opts: { name?: string; travelSince?: string; status?: 'open' | 'closed' } = {}) {
  const row = { id: uuidv7(), regionId: over.id, regionPath: over.path, name: opts.name ?? '第一轮排查', startsOn: '2026-11-01', deadline: '2026-12-31', travelSince: opts.travelSince ?? '2026-10-15', status: opts.status ?? 'open' };
  await db.insert(screeningRound).values(row);
  return row;
}

/** A submitted daily report of a region for a day (figures as given, not computed). */
export async function buildDailyReport(db: Db, r: RegionRow, submittedBy: string, reportDate: string, figures: Record<string, Record<string, number>> = {}) {
  const row = { id: uuidv7(), regionId: r.id, regionPath: r.path, reportDate, version: 1, figures, submittedBy, submittedAt: new Date(), late: false };
  await db.insert(dailyReport).values(row);
  return row;
}
