import { regionPathLabel, type Role } from '@fangkong/domain';
import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import { checkpoint, dailyReport, grid, household, person, region, users } from '../src/db/schema/index.js';
import { hashPassword } from '../src/auth/password.js';
import { systemActor } from '../src/auth/actor.js';
import { checkpointEntriesService } from '../src/modules/checkpoint-entries/checkpoint-entries.service.js';
import type { CreateEntryBody } from '../src/modules/checkpoint-entries/checkpoint-entries.schemas.js';

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

export async function buildHousehold(db: Db, village: RegionRow, members = 2, gridId?: string) {
  const id = uuidv7();
  await db.insert(household).values({ id, regionId: village.id, regionPath: village.path, gridId: gridId ?? null, address: `${village.name}1号` });
  for (let i = 0; i < members; i++) {
    await db.insert(person).values({ id: uuidv7(), name: `成员${i}`, householdId: id, regionId: village.id, regionPath: village.path });
  }
  return { id };
}

export async function buildCheckpoint(db: Db, at: RegionRow, opts: { name?: string; status?: 'open' | 'closed'; closedAt?: Date } = {}) {
  const row = { id: uuidv7(), regionId: at.id, regionPath: at.path, name: opts.name ?? `${at.name}卡口`, kind: 'roadJunction' as const, status: opts.status ?? ('open' as const), closedAt: opts.closedAt ?? null, facilities: ['tent', 'thermometer'] };
  await db.insert(checkpoint).values(row);
  return row;
}

/** A person in the register with an ID number, living in `village`. */
export async function buildResident(db: Db, village: RegionRow, idNumber: string, name: string, phone: string | null = null) {
  const row = { id: uuidv7(), idNumber, name, phone, regionId: village.id, regionPath: village.path };
  await db.insert(person).values(row);
  return row;
}

/** An entry stored through the service (so statistics and leads follow), one occupant by default. */
export async function buildEntry(db: Db, cp: { id: string; regionPath: string }, body: Partial<CreateEntryBody> = {}) {
  const full: CreateEntryBody = {
    id: uuidv7(),
    kind: 'vehicle',
    plate: '川A12345',
    direction: 'in',
    origin: '',
    destination: '',
    reason: '',
    decision: 'pass',
    recordedAt: new Date().toISOString(),
    occupants: [{ idNumber: '420106198805050055', name: '过客', temperature: 36.4 }],
    ...body,
  };
  const { entry } = await checkpointEntriesService(db).create(systemActor(cp.regionPath), cp.id, full);
  return entry;
}

/** A submitted daily report of a region for a day (figures as given, not computed). */
export async function buildDailyReport(db: Db, r: RegionRow, submittedBy: string, reportDate: string, figures: Record<string, Record<string, number>> = {}) {
  const row = { id: uuidv7(), regionId: r.id, regionPath: r.path, reportDate, version: 1, figures, submittedBy, submittedAt: new Date(), late: false };
  await db.insert(dailyReport).values(row);
  return row;
}
