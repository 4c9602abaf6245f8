// The password rules of 等保 2.0 身份鉴别, configurable per deployment; shared so the web can say them.

export interface PasswordPolicy {
  minLength: number;
  /** How many of the four classes (lower case, upper case, digits, other) a password must mix. */
  minClasses: number;
  /** Days until a password must be changed; 0 never expires. */
  maxAgeDays: number;
  /** How many previous passwords may not be used again. */
  historyCount: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3, maxAgeDays: 90, historyCount: 5 };

export interface PasswordProblem {
  key: 'password.tooShort' | 'password.classes' | 'password.containsUsername' | 'password.common';
  params?: Record<string, number>;
}

/** How many of the four character classes the password mixes. */
export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/**
 * Every rule the password breaks, each a message key with its numbers. `isCommon` answers from the
 * list of common passwords, which the server bundles (too big for the browser).
 */
export function passwordProblems(
  password: string,
  username: string,
  policy: PasswordPolicy,
  isCommon: (p: string) => boolean = () => false,
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < policy.minLength)
    problems.push({ key: 'password.tooShort', params: { minimum: policy.minLength } });
  if (characterClasses(password) < policy.minClasses)
    problems.push({ key: 'password.classes', params: { classes: policy.minClasses } });
  const name = username.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) problems.push({ key: 'password.containsUsername' });
  if (isCommon(password)) problems.push({ key: 'password.common' });
  return problems;
}

/** True when a password set at `changedAt` has expired by `now` under the policy. */
export function passwordExpired(changedAt: Date, now: Date, policy: PasswordPolicy): boolean {
  return policy.maxAgeDays > 0 && now.getTime() - changedAt.getTime() >= policy.maxAgeDays * 86_400_000;
}
