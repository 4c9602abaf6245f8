/** 特殊群体: 特困供养, 低保, 残疾, 孤寡老人 — a person may belong to several. */
export const VULNERABLE_GROUPS = ['extremePoverty', 'subsistenceAllowance', 'disabled', 'elderlyAlone'] as const;
export type VulnerableGroup = (typeof VULNERABLE_GROUPS)[number];
