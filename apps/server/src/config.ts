import { z } from 'zod';

/** Every setting the server reads, validated once at start-up. */
const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development').describe('production turns on secure cookies and refuses demo accounts'),
  HOST: z.string().default('127.0.0.1').describe('address to listen on'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('port to listen on'),
  DATABASE_URL: z.string().url().optional().describe('PostgreSQL server to use; unset starts the embedded PostgreSQL'),
  FANGKONG_DATA_DIR: z.string().default('./data').describe('where the embedded PostgreSQL keeps its files'),
  FANGKONG_EMBEDDED_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0).describe('port of the embedded PostgreSQL; 0 picks a free one'),
  FANGKONG_DEMO: z.enum(['auto', 'on', 'off']).default('auto').describe('load the demo county into an empty database (auto: on unless production)'),
  FANGKONG_DEMO_PERSONS: z.coerce.number().int().min(0).max(1_000_000).default(20_000).describe('size of the demo county'),
  FANGKONG_WEB_DIR: z.string().optional().describe('built web app to serve; defaults to apps/web/dist'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12).describe('idle lifetime of a login session'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().positive().default(5).describe('failed logins before the account is locked'),
  LOGIN_LOCK_MINUTES: z.coerce.number().positive().default(15).describe('how long a locked account stays locked'),
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(3600).default(60).describe('how often the scheduler marks missed checks overdue and escalates'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

/** Reads and validates the configuration; throws a readable error naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export const configDescriptions = Object.entries(configSchema.shape).map(([name, schema]) => ({
  name,
  description: schema.description ?? '',
}));
