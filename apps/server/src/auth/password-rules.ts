import { eq } from 'drizzle-orm';
import { DEFAULT_PASSWORD_POLICY, passwordProblems, type PasswordPolicy } from '@fangkong/domain';
import type { Config } from '../config.js';
import type { Tx } from '../db/client.js';
import { securityPolicy } from '../db/schema/index.js';
import { invalid, type FieldError } from '../http/problem.js';
import { isCommonPassword } from './common-passwords.js';
import { verifyPassword } from './password.js';

/** The policy of the deployment: as the security administrator set it, else as configured. */
export async function readPasswordPolicy(db: Tx, config: Config): Promise<PasswordPolicy> {
  const [row] = await db
    .select({ policy: securityPolicy.passwordPolicy })
    .from(securityPolicy)
    .where(eq(securityPolicy.id, 1));
  return row ? { ...configuredPolicy(config), ...(row.policy as Partial<PasswordPolicy>) } : configuredPolicy(config);
}

export function configuredPolicy(config: Config): PasswordPolicy {
  return {
    ...DEFAULT_PASSWORD_POLICY,
    minLength: config.PASSWORD_MIN_LENGTH,
    minClasses: config.PASSWORD_MIN_CLASSES,
    maxAgeDays: config.PASSWORD_MAX_AGE_DAYS,
    historyCount: config.PASSWORD_HISTORY,
  };
}

/**
 * Refuses a new password that breaks the policy, naming every rule it breaks on `field`; with the
 * user's previous hashes, also one used among the last `historyCount`.
 */
export async function assertPasswordAllowed(
  policy: PasswordPolicy,
  password: string,
  username: string,
  field: string,
  previousHashes: string[] = [],
) {
  const problems: FieldError[] = passwordProblems(password, username, policy, isCommonPassword).map((p) => ({
    field,
    key: p.key,
    params: p.params,
  }));
  if (!problems.length && policy.historyCount > 0) {
    for (const hash of previousHashes.slice(0, policy.historyCount)) {
      if (await verifyPassword(hash, password)) {
        problems.push({ field, key: 'password.reused', params: { count: policy.historyCount } });
        break;
      }
    }
  }
  if (problems.length) throw invalid(problems);
}

/** The history to store after a change: the old hash in front, cut to what the policy keeps. */
export const nextHistory = (currentHash: string, history: string[], policy: PasswordPolicy) =>
  [currentHash, ...history].slice(0, Math.max(policy.historyCount, 0));

/** The policy, read at most every `ttlMs` (every request's password-age check reads it); a change here is seen at once. */
export function passwordPolicyCache(db: Tx, config: Config, ttlMs = 30_000) {
  let cached: { at: number; policy: Promise<PasswordPolicy> } | undefined;
  return {
    get(): Promise<PasswordPolicy> {
      if (!cached || Date.now() - cached.at > ttlMs) {
        const policy = readPasswordPolicy(db, config);
        cached = { at: Date.now(), policy };
        policy.catch(() => (cached = undefined));
      }
      return cached.policy;
    },
    forget() {
      cached = undefined;
    },
  };
}
export type PasswordPolicyCache = ReturnType<typeof passwordPolicyCache>;
