import path from 'node:path';
import { z } from 'zod';

/** Every setting the server reads, validated once at start-up. */
const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe('production turns on secure cookies and refuses demo accounts'),
  HOST: z.string().default('127.0.0.1').describe('address to listen on'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('port to listen on'),
  DATABASE_URL: z.string().url().optional().describe('PostgreSQL server to use; unset starts the embedded PostgreSQL'),
  DATABASE_OWNER_URL: z
    .string()
    .url()
    .optional()
    .describe(
      "owner of the schema, for migrations and the cli; DATABASE_URL is then the application's restricted login (member of fangkong_app)",
    ),
  FANGKONG_DATA_DIR: z
    .string()
    .default('./data')
    .describe(
      'where the embedded PostgreSQL keeps its files, and export files wait for their download (exports/, owner-only); a relative path is taken from the folder the command was run in',
    ),
  FANGKONG_EMBEDDED_PG_PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(0)
    .describe('port of the embedded PostgreSQL; 0 picks a free one'),
  FANGKONG_DEMO: z
    .enum(['auto', 'on', 'off'])
    .default('auto')
    .describe('load the demo county into an empty database (auto: on unless production)'),
  FANGKONG_DEMO_PERSONS: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(20_000)
    .describe('size of the demo county'),
  FANGKONG_WEB_DIR: z.string().optional().describe('built web app to serve; defaults to apps/web/dist'),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .default(30)
    .describe('a session without requests for this long ends (idle timeout)'),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .positive()
    .default(12)
    .describe('a session ends this long after login, however active (absolute lifetime)'),
  SESSION_MAX_PER_USER: z.coerce
    .number()
    .int()
    .positive()
    .default(3)
    .describe('concurrent sessions per user; a new login ends the oldest beyond it'),
  LOGIN_MAX_FAILURES: z.coerce
    .number()
    .int()
    .positive()
    .default(5)
    .describe('failed logins of one account from one address before that account is locked for that address'),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce
    .number()
    .int()
    .positive()
    .default(20)
    .describe('failed logins from one address, whatever the account, before that address is refused'),
  LOGIN_LOCK_MINUTES: z.coerce
    .number()
    .positive()
    .default(15)
    .describe('how long a lock lasts, and the window in which failures are counted'),
  PASSWORD_MIN_LENGTH: z.coerce
    .number()
    .int()
    .min(8)
    .max(64)
    .default(8)
    .describe('initial password policy: minimum length (the security administrator can change it later)'),
  PASSWORD_MIN_CLASSES: z.coerce
    .number()
    .int()
    .min(1)
    .max(4)
    .default(3)
    .describe('initial password policy: how many of lower case, upper case, digits and symbols'),
  PASSWORD_MAX_AGE_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(90)
    .describe('initial password policy: days until a password must be changed (0: never)'),
  PASSWORD_HISTORY: z.coerce
    .number()
    .int()
    .min(0)
    .max(24)
    .default(5)
    .describe('initial password policy: previous passwords that may not be reused'),
  TRUST_PROXY: z
    .string()
    .default('')
    .describe(
      'comma-separated addresses or CIDRs of the reverse proxies whose X-Forwarded-For is believed; empty trusts none',
    ),
  TLS_CERT_FILE: z.string().optional().describe('PEM certificate: with TLS_KEY_FILE the server serves HTTPS itself'),
  TLS_KEY_FILE: z.string().optional().describe('PEM private key of TLS_CERT_FILE'),
  RATE_LIMIT: z
    .enum(['on', 'off'])
    .default('on')
    .describe('per-address and per-user request limits on login, the public check-in, uploads and exports'),
  JOBS_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(3600)
    .default(60)
    .describe('how often the scheduler marks missed checks overdue and escalates'),
  FANGKONG_METRICS_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe(
      'bearer token for /metrics from other machines; unset, /metrics answers only on this machine (loopback, not through a proxy)',
    ),
  AUDIT_RETENTION_MONTHS: z.coerce
    .number()
    .int()
    .min(6)
    .max(1200)
    .default(12)
    .describe('months of audit log kept (at least 6); older monthly partitions are dropped'),
  FANGKONG_BACKUP_DIR: z
    .string()
    .optional()
    .describe('where `cli backup` and the daily backup write; defaults to <FANGKONG_DATA_DIR>/backups'),
  FANGKONG_BACKUP_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, '64 hexadecimal digits (32 bytes)')
    .optional()
    .describe('AES-256-GCM key of the backups, 64 hex digits (openssl rand -hex 32); unset: no daily backup'),
  FANGKONG_BACKUP_HOUR: z.coerce
    .number()
    .int()
    .min(0)
    .max(23)
    .default(2)
    .describe('hour of the day (Asia/Shanghai) of the daily backup'),
  FANGKONG_BACKUP_KEEP_DAYS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3650)
    .default(30)
    .describe('days a backup is kept before the daily backup removes it'),
  FANGKONG_DATA_KEY: z
    .string()
    .optional()
    .describe(
      'AES-256-GCM key of ID numbers and phones at rest, base64 of 32 bytes (openssl rand -base64 32); several comma-separated while rotating, the new one first',
    ),
  FANGKONG_DATA_KEY_FILE: z
    .string()
    .optional()
    .describe(
      'file holding the personal data key(s), one base64 key a line, current first; unset with FANGKONG_DATA_KEY unset: <FANGKONG_DATA_DIR>/data-key, made on the first start',
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Reads and validates the configuration; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success && Boolean(parsed.data.TLS_CERT_FILE) !== Boolean(parsed.data.TLS_KEY_FILE)) {
    throw new Error('Invalid configuration:\n  TLS_CERT_FILE and TLS_KEY_FILE go together');
  }
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  // npm runs a workspace's script in the workspace's folder; INIT_CWD is where the user typed it.
  const from = env.INIT_CWD || process.cwd();
  return { ...parsed.data, FANGKONG_DATA_DIR: path.resolve(from, parsed.data.FANGKONG_DATA_DIR) };
}

export const configDescriptions = Object.entries(configSchema.shape).map(([name, schema]) => ({
  name,
  description: schema.description ?? '',
}));
