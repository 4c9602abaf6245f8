import { createHash } from 'node:crypto';
import { addDays, plannedEndOf, regionPathLabel, shanghaiDateOf, type Role } from '@fangkong/domain';
import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import {
  checkInLink,
  checkpoint,
  dailyReport,
  fileJob,
  grid,
  healthCheck,
  household,
  keyPerson,
  lead,
  leadSource,
  observationBed,
  observationSite,
  person,
  region,
  riskArea,
  screeningRound,
  triageTask,
  users,
} from '../src/db/schema/index.js';
import { hashPassword } from '../src/auth/password.js';
import { systemActor } from '../src/auth/actor.js';
import { checkpointEntriesService } from '../src/modules/checkpoint-entries/checkpoint-entries.service.js';
import type { CreateEntryBody } from '../src/modules/checkpoint-entries/checkpoint-entries.schemas.js';

export const TEST_PASSWORD = 'test-password-1';
const passwordHash = hashPassword(TEST_PASSWORD);

export interface RegionRow {
  id: string;
  code: string;
  path: string;
  name: string;
}

export async function buildRegion(db: Db, code: string, name: string, parent?: RegionRow): Promise<RegionRow> {
  const level =
    code.length === 15 ? 'group' : code.endsWith('000000') ? 'county' : code.endsWith('000') ? 'township' : 'village';
  const row = {
    id: uuidv7(),
    code,
    name,
    level,
    parentId: parent?.id ?? null,
    path: parent ? `${parent.path}.${regionPathLabel(code)}` : regionPathLabel(code),
  } as const;
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

export async function buildUser(
  db: Db,
  opts: { username: string; role: Role; region: RegionRow; displayName?: string },
) {
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

export async function buildHousehold(
  db: Db,
  village: RegionRow,
  members = 2,
  gridId?: string,
  address = `${village.name}1号`,
) {
  const id = uuidv7();
  await db
    .insert(household)
    .values({ id, regionId: village.id, regionPath: village.path, gridId: gridId ?? null, address });
  const memberIds: string[] = [];
  for (let i = 0; i < members; i++) {
    const personId = uuidv7();
    memberIds.push(personId);
    await db
      .insert(person)
      .values({ id: personId, name: `成员${i}`, householdId: id, regionId: village.id, regionPath: village.path });
  }
  return { id, memberIds };
}

/** A risk area on the county's list. */
export async function buildRiskArea(
  db: Db,
  county: RegionRow,
  opts: { name?: string; startsOn?: string; endsOn?: string | null } = {},
) {
  const row = {
    id: uuidv7(),
    regionPath: county.path,
    name: opts.name ?? '某省某市某区',
    level: 'high' as const,
    startsOn: opts.startsOn ?? '2026-11-01',
    endsOn: opts.endsOn === undefined ? null : opts.endsOn,
  };
  await db.insert(riskArea).values(row);
  return row;
}

/** An open screening round over a region. */
export async function buildRound(
  db: Db,
  over: RegionRow,
  opts: { name?: string; travelSince?: string; status?: 'open' | 'closed' } = {},
) {
  const row = {
    id: uuidv7(),
    regionId: over.id,
    regionPath: over.path,
    name: opts.name ?? '第一轮排查',
    startsOn: '2026-11-01',
    deadline: '2026-12-31',
    travelSince: opts.travelSince ?? '2026-10-15',
    status: opts.status ?? 'open',
  };
  await db.insert(screeningRound).values(row);
  return row;
}

let personSeq = 0;
/** One registered person in a village (no household unless given). */
export async function buildPerson(
  db: Db,
  village: RegionRow,
  opts: { name?: string; idNumber?: string; phone?: string; householdId?: string } = {},
) {
  const row = {
    id: uuidv7(),
    name: opts.name ?? `人员${++personSeq}`,
    idNumber: opts.idNumber ?? null,
    phone: opts.phone ?? null,
    householdId: opts.householdId ?? null,
    regionId: village.id,
    regionPath: village.path,
  };
  await db.insert(person).values(row);
  return row;
}

/** A key person under home isolation from `startDate` (14 days), in the person's village. */
export async function buildKeyPerson(
  db: Db,
  village: RegionRow,
  opts: { startDate?: string; plannedEndDate?: string; category?: 'returnee' | 'closeContact'; personId?: string } = {},
) {
  const personId = opts.personId ?? (await buildPerson(db, village)).id;
  const startDate = opts.startDate ?? '2024-02-20';
  const row = {
    id: uuidv7(),
    personId,
    regionId: village.id,
    regionPath: village.path,
    category: opts.category ?? 'returnee',
    source: 'screening',
    measure: 'homeIsolation',
    startDate,
    plannedEndDate: opts.plannedEndDate ?? plannedEndOf(startDate, 14),
  } as const;
  await db.insert(keyPerson).values(row);
  return row;
}

/** Key persons, a check, a closed triage task and an open lead on each side of the scope line (for the route walk). */
export async function buildKeyPersonFixtures(db: Db, county: Awaited<ReturnType<typeof buildCounty>>) {
  const yesterday = addDays(shanghaiDateOf(new Date()), -1);
  const side = async (village: RegionRow) => {
    const kp = await buildKeyPerson(db, village, { startDate: addDays(yesterday, -2) });
    const freePerson = await buildPerson(db, village);
    const checkId = uuidv7();
    await db.insert(healthCheck).values({
      id: checkId,
      keyPersonId: kp.id,
      regionPath: village.path,
      day: yesterday,
      slot: 'pm',
      temperature: 38.1,
      measuredBy: 'doctor',
      recordedAt: new Date(),
    });
    const triageId = uuidv7();
    await db.insert(triageTask).values({
      id: triageId,
      keyPersonId: kp.id,
      healthCheckId: checkId,
      regionPath: village.path,
      temperature: 38.1,
      status: 'closed',
      deadline: new Date(),
      outcome: '排除',
    });
    const idNumber = village === county.villageA ? '510121199003071233' : '11010519491231002X';
    const listed = await buildPerson(db, village, { name: `线索${village.name}`, idNumber });
    // An open lead about someone already under a measure, and a dismissed one: both refuse to be resolved.
    const leadId = uuidv7();
    const dismissedLeadId = uuidv7();
    await db.insert(lead).values([
      {
        id: leadId,
        personId: kp.personId,
        name: `线索${village.name}`,
        regionId: village.id,
        regionPath: village.path,
        deadline: new Date(Date.now() + 7_200_000),
      },
      {
        id: dismissedLeadId,
        personId: listed.id,
        name: listed.name,
        regionId: village.id,
        regionPath: village.path,
        deadline: new Date(),
        status: 'dismissed',
        resolution: '查无此人',
      },
    ]);
    // The dismissed lead came on an imported list (协查名单) of its own.
    const listId = uuidv7();
    await db.insert(leadSource).values([
      { id: uuidv7(), leadId, source: 'tip', reasons: ['riskArea'] },
      {
        id: uuidv7(),
        leadId: dismissedLeadId,
        source: 'assistRequest',
        sourceRef: listId,
        reasons: ['listed'],
        detail: { issuer: '县卫健局', batch: null, row: 2 },
      },
    ]);
    const expiredToken = (village === county.villageA ? 'a' : 'b').repeat(43);
    await db.insert(checkInLink).values({
      id: uuidv7(),
      keyPersonId: kp.id,
      tokenHash: createHash('sha256').update(expiredToken).digest('hex'),
      expiresAt: new Date(Date.now() - 1000),
    });
    const siteId = uuidv7();
    const bedId = uuidv7();
    await db
      .insert(observationSite)
      .values({ id: siteId, regionId: village.id, regionPath: village.path, name: `${village.name}留观点` });
    await db.insert(observationBed).values({ id: bedId, siteId, room: '101', bed: '1' });
    return {
      siteId,
      bedId,
      keyPersonId: kp.id,
      freePersonId: freePerson.id,
      checkId,
      triageId,
      leadId,
      dismissedLeadId,
      listId,
      idNumber,
      expiredToken,
      checkDay: yesterday,
    };
  };
  return { a: await side(county.villageA), b: await side(county.villageB) };
}

export async function buildCheckpoint(
  db: Db,
  at: RegionRow,
  opts: { name?: string; status?: 'open' | 'closed'; closedAt?: Date } = {},
) {
  const row = {
    id: uuidv7(),
    regionId: at.id,
    regionPath: at.path,
    name: opts.name ?? `${at.name}卡口`,
    kind: 'roadJunction' as const,
    status: opts.status ?? ('open' as const),
    closedAt: opts.closedAt ?? null,
    facilities: ['tent', 'thermometer'],
  };
  await db.insert(checkpoint).values(row);
  return row;
}

/** A person in the register with an ID number, living in `village`. */
export async function buildResident(
  db: Db,
  village: RegionRow,
  idNumber: string,
  name: string,
  phone: string | null = null,
) {
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
  const { entry } = await checkpointEntriesService(db, () => new Date()).create(
    systemActor(cp.regionPath),
    cp.id,
    full,
  );
  return entry;
}

/** A submitted daily report of a region for a day (figures as given, not computed). */
export async function buildDailyReport(
  db: Db,
  r: RegionRow,
  submittedBy: string,
  reportDate: string,
  figures: Record<string, Record<string, number>> = {},
) {
  const row = {
    id: uuidv7(),
    regionId: r.id,
    regionPath: r.path,
    reportDate,
    version: 1,
    figures,
    submittedBy,
    submittedAt: new Date(),
    late: false,
  };
  await db.insert(dailyReport).values(row);
  return row;
}

/** A finished import job started by `user`, in their scope. */
export async function buildFileJob(db: Db, user: { id: string; regionPath: string }) {
  const id = uuidv7();
  await db.insert(fileJob).values({
    id,
    kind: 'import',
    status: 'done',
    done: 1,
    total: 1,
    result: { rows: 1, accepted: 1, createdHouseholds: 0, createdPersons: 0, linked: 1, errors: [] },
    createdBy: user.id,
    regionPath: user.regionPath,
    finishedAt: new Date(),
  });
  return id;
}
