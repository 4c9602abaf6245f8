// The demo county 金堂县: synthetic regions, grids, users, households and persons, bulk-loaded with
// COPY in one transaction so that a failed load leaves nothing behind.
import { encryptPersonalData } from '../security/personal-data-migration.js';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type pg from 'pg';
import { shanghaiDateOf, resolveToday, shanghaiInstant } from '@fangkong/domain';
import type { Config } from '../config.js';
import { hashPassword } from '../auth/password.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, demoAccountRows } from './accounts.js';
import { suspendIndexes } from './bulk.js';
import { loadDemoReports } from './daily-reports.js';
import { copyLine, copyRows } from '../db/copy.js';
import { planCounty } from './county.js';
import { loadDemoGrids, planGrids, type UserRow } from './grids.js';
import { generateHouseholds, type GeneratedHousehold } from './households.js';
import { createRandom } from './random.js';
import { loadDemoScreening } from './screening.js';
import { loadKeyPersonDemo } from './key-persons.js';
import { loadKeyPersonFileDemo } from './key-person-file.js';
import { loadDemoCheckpoints } from './checkpoints.js';
import { loadDemoCommand } from './command.js';
import { loadDemoSupervision } from './supervision.js';
import { loadDemoMeasures } from './measures.js';
import { loadDemoVaccinations } from './vaccinations.js';
import { loadDemoSentinels } from './sentinels.js';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts.js';

export type DemoPhase = 'regions' | 'households' | 'persons' | 'indexes';

export interface DemoCounts {
  regions: number;
  grids: number;
  users: number;
  households: number;
  persons: number;
}

export interface LoadDemoOptions {
  persons: number;
  /** The same seed (and `today`) gives the same county; default 2020. */
  seed?: string | number;
  /** Empty every table of the public schema first, in the same transaction as the load. */
  reset?: boolean;
  /** 'YYYY-MM-DD' that ages count to; defaults to today in China. */
  today?: string;
  onProgress?(done: number, total: number, phase: DemoPhase): void;
  /** Where NODE_ENV and FANGKONG_DEMO are read; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
}

/** Thrown when the database already holds regions (and `reset` was not asked for). */
export class DemoNotEmptyError extends Error {
  constructor() {
    super(
      'the database already holds regions; the demo county is only loaded into an empty database (use --reset to empty it first)',
    );
    this.name = 'DemoNotEmptyError';
  }
}

export const DEFAULT_DEMO_SEED = 2020;
const HOUSEHOLD_BATCH = 5000;
const HOUSEHOLD_COLUMNS = ['id', 'region_id', 'region_path', 'grid_id', 'address', 'head_person_id', 'phone', 'status'];
const PERSON_COLUMNS = [
  'id',
  'id_number',
  'name',
  'sex',
  'birth_date',
  'phone',
  'household_id',
  'region_id',
  'region_path',
  'registered_region_code',
  'vulnerable_groups',
];

/** Whether to load the demo county at start-up: FANGKONG_DEMO on/off, or auto = not in production. */
export function demoWanted(config: Pick<Config, 'FANGKONG_DEMO' | 'NODE_ENV'>): boolean {
  if (config.FANGKONG_DEMO === 'on') return true;
  if (config.FANGKONG_DEMO === 'off') return false;
  return config.NODE_ENV !== 'production';
}

/** Throws in production unless FANGKONG_DEMO=on: demo accounts share a published password. */
export function assertDemoAllowed(env: NodeJS.ProcessEnv = process.env): void {
  if (env.NODE_ENV === 'production' && env.FANGKONG_DEMO !== 'on') {
    throw new Error('refusing to load the demo county in production (set FANGKONG_DEMO=on to force it)');
  }
}

/** Loads the demo county unless the database already has regions; returns the counts, or null if skipped. */
export async function loadDemoIfEmpty(
  database: { pool: pg.Pool },
  opts: { persons: number; seed?: string | number; log?: (message: string) => void },
): Promise<DemoCounts | null> {
  const log = opts.log ?? (() => {});
  const { rows } = await database.pool.query<{ taken: boolean }>('SELECT EXISTS (SELECT 1 FROM region) AS taken');
  if (rows[0]?.taken) return null;
  log(`loading the demo county 金堂县 with ${opts.persons} persons`);
  const started = performance.now();
  try {
    const counts = await loadDemoCounty(database.pool, { persons: opts.persons, seed: opts.seed });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    log(
      `demo county loaded in ${seconds} s: ${counts.regions} regions, ${counts.grids} grids, ${counts.users} users, ${counts.households} households, ${counts.persons} persons`,
    );
    log(`demo accounts ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}; password '${DEMO_PASSWORD}'`);
    return counts;
  } catch (e) {
    if (e instanceof DemoNotEmptyError) return null; // another process loaded it meanwhile
    throw e;
  }
}

const userLine = (u: UserRow, passwordHash: string) =>
  copyLine([u.id, u.username, u.displayName, passwordHash, u.role, u.region.id, u.region.path, u.phone]);

const householdLine = ({ household: h }: GeneratedHousehold) =>
  copyLine([h.id, h.group.id, h.group.path, h.gridId, h.address, h.headPersonId, h.phone, h.status]);

interface Batch {
  households: string[];
  persons: string[];
}

/** The next batch of COPY lines; yields to the event loop now and then so a running COPY keeps flowing. */
async function nextBatch(households: Generator<GeneratedHousehold>): Promise<Batch> {
  const batch: Batch = { households: [], persons: [] };
  for (let i = 0; i < HOUSEHOLD_BATCH; i++) {
    if (i % 250 === 249) await nextTurn();
    const next = households.next();
    if (next.done) break;
    batch.households.push(householdLine(next.value));
    for (const p of next.value.persons) {
      batch.persons.push(
        copyLine([
          p.id,
          p.idNumber,
          p.name,
          p.sex,
          p.birthDate,
          p.phone,
          p.householdId,
          p.group.id,
          p.group.path,
          p.registeredRegionCode,
          p.vulnerableGroups,
        ]),
      );
    }
  }
  return batch;
}

async function truncatePublicSchema(client: pg.PoolClient): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '\\_\\_drizzle%'",
  );
  if (rows.length) await client.query(`TRUNCATE TABLE ${rows.map((r) => r.name).join(', ')} CASCADE`);
}

/**
 * Generates the demo county for `persons` people and loads it with COPY in one transaction.
 * Refuses when regions exist (unless `reset`) and in production unless FANGKONG_DEMO=on.
 */
export async function loadDemoCounty(pool: pg.Pool, opts: LoadDemoOptions): Promise<DemoCounts> {
  assertDemoAllowed(opts.env);
  if (!Number.isSafeInteger(opts.persons) || opts.persons < 0)
    throw new RangeError(`persons must be a whole number ≥ 0, got ${opts.persons}`);
  const progress = opts.onProgress ?? (() => {});
  const today = resolveToday(opts.today);
  const random = createRandom(opts.seed ?? DEFAULT_DEMO_SEED);
  const plan = planCounty(opts.persons, random.fork('regions'));
  const grids = planGrids(plan, random.fork('grids'), Number(today.slice(0, 4)));
  const accounts = demoAccountRows(plan, grids);
  const users = [...accounts.users, ...grids.users];
  const passwordHash = await hashPassword(DEMO_PASSWORD); // once: argon2 is slow on purpose
  const counts: DemoCounts = {
    regions: plan.regions.length,
    grids: grids.grids.length,
    users: users.length,
    households: 0,
    persons: 0,
  };

  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('fangkong.demo'))");
    if (opts.reset) await truncatePublicSchema(client);
    const { rows } = await client.query<{ taken: boolean }>('SELECT EXISTS (SELECT 1 FROM region) AS taken');
    if (rows[0]?.taken) throw new DemoNotEmptyError();

    progress(0, plan.regions.length, 'regions');
    await copyRows(
      client,
      'region',
      ['id', 'code', 'name', 'level', 'parent_id', 'path'],
      plan.regions.map((x) => copyLine([x.id, x.code, x.name, x.level, x.parentId, x.path])),
    );
    await copyRows(
      client,
      'app_user',
      ['id', 'username', 'display_name', 'password_hash', 'role', 'region_id', 'region_path', 'phone'],
      users.map((u) => userLine(u, passwordHash)),
    );
    await loadDemoGrids(client, grids.grids, accounts.gridWorker);
    progress(plan.regions.length, plan.regions.length, 'regions');

    const restoreIndexes = await suspendIndexes(client, ['household', 'person']);
    const households = generateHouseholds(plan, grids, random.fork('households'), today);
    // Households, then their members, batch by batch; the next batch is generated while PostgreSQL ingests this one.
    let pending = nextBatch(households);
    for (;;) {
      const batch = await pending;
      if (batch.households.length === 0) break;
      pending = nextBatch(households);
      pending.catch(() => {}); // awaited on the next turn; never an unhandled rejection if a COPY fails first
      counts.households += await copyRows(client, 'household', HOUSEHOLD_COLUMNS, batch.households);
      progress(counts.households, plan.households, 'households');
      counts.persons += await copyRows(client, 'person', PERSON_COLUMNS, batch.persons);
      progress(counts.persons, plan.persons, 'persons');
    }
    await restoreIndexes((done, total) => progress(done, total, 'indexes'));
    await loadDemoScreening(client, random.fork('screening'), today);
    const villageAccount = accounts.users.find((u) => u.username === 'village')!;
    const townshipAccount = accounts.users.find((u) => u.username === 'township')!;
    // Checks run up to now on the real today; a demo for another day stops at 15:30 of that day.
    const now = today === shanghaiDateOf(new Date()) ? new Date() : shanghaiInstant(today, '15:30');
    await loadKeyPersonDemo(client, {
      users: accounts.users,
      villagePath: villageAccount.region.path,
      townshipPath: townshipAccount.region.path,
      now,
      today,
    });
    const name = (username: string) => accounts.users.find((u) => u.username === username)?.displayName ?? username;
    await loadKeyPersonFileDemo(client, {
      villagePath: villageAccount.region.path,
      today,
      doctor: name('doctor'),
      gridWorker: name('grid'),
      cadre: name('village'),
    });
    await loadDemoCheckpoints(client, plan, random.fork('checkpoints'), today);
    await loadDemoCommand(client, plan, random.fork('command'));
    await loadDemoSupervision(client, plan, {
      inspector: accounts.users.find((u) => u.username === 'inspector')!,
      village: villageAccount.region,
      now,
      today,
    });
    await loadDemoMeasures(client, plan, random.fork('measures'), today, now);
    await loadDemoVaccinations(client, today);
    const nextVillage = plan.villages.find(
      (v) => v.township.id === townshipAccount.region.id && v.id !== villageAccount.region.id,
    )!;
    await loadDemoSentinels(client, random.fork('sentinels'), {
      village: villageAccount.region,
      next: nextVillage,
      accountId: accounts.users.find((u) => u.username === 'pharmacy')!.id,
      today,
      now,
    });
    // Loaded in clear by COPY (the demo reads its people back); encrypted before anyone sees them.
    await encryptPersonalData(client);
    await client.query('COMMIT');
  } catch (e) {
    broken = await client.query('ROLLBACK').then(
      () => undefined,
      (err: Error) => err,
    );
    throw e;
  } finally {
    client.release(broken); // a connection that cannot even roll back is discarded
  }
  await pool.query(
    'ANALYZE region, grid, grid_worker, app_user, household, person, screening_round, visit, visit_member, lead, lead_source, checkpoint, checkpoint_entry, checkpoint_occupant, checkpoint_stat, checkpoint_stat_day, duty_shift',
  );
  // Reports come last: their figures are computed from everything loaded before them.
  await loadDemoReports(pool, today);
  return counts;
}
