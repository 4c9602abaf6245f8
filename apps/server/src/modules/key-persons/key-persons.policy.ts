import { eq } from 'drizzle-orm';
import { DEFAULT_MEASURE_DAYS, DEFAULT_REQUIRED_OFFICERS, DEFAULT_SLOT_WINDOWS, KEY_PERSON_CATEGORIES, type KeyPersonCategory, type SlotWindows } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { managementPolicy } from '../../db/schema/index.js';

/** A county's effective rules: its own settings over the domain's defaults. */
export interface Policy {
  countyPath: string;
  measureDays: Record<KeyPersonCategory, number>;
  requiredOfficers: Record<KeyPersonCategory, number>;
  slotWindows: SlotWindows;
  leadDeadlineHours: number;
  triageDeadlineHours: number;
}

export const DEFAULT_LEAD_DEADLINE_HOURS = 2;
export const DEFAULT_TRIAGE_DEADLINE_HOURS = 2;

/** The county of a region path: its first label. */
export const countyPathOf = (regionPath: string) => regionPath.split('.')[0]!;

const byCategory = (stored: Record<string, number>, defaults: Readonly<Record<KeyPersonCategory, number>>) =>
  Object.fromEntries(KEY_PERSON_CATEGORIES.map((c) => [c, stored[c] ?? defaults[c]])) as Record<KeyPersonCategory, number>;

/** The rules that apply to records under `regionPath`. */
export async function policyFor(tx: Tx, regionPath: string): Promise<Policy> {
  const countyPath = countyPathOf(regionPath);
  const [row] = await tx.select().from(managementPolicy).where(eq(managementPolicy.regionPath, countyPath));
  return policyOf(countyPath, row);
}

/** A county's rules from its stored row (read by the caller, e.g. joined to the record it concerns). */
export function policyOf(countyPath: string, row: typeof managementPolicy.$inferSelect | null | undefined): Policy {
  return {
    countyPath,
    measureDays: byCategory(row?.measureDays ?? {}, DEFAULT_MEASURE_DAYS),
    requiredOfficers: byCategory(row?.requiredOfficers ?? {}, DEFAULT_REQUIRED_OFFICERS),
    slotWindows: row?.slotWindows ?? DEFAULT_SLOT_WINDOWS,
    leadDeadlineHours: row?.leadDeadlineHours ?? DEFAULT_LEAD_DEADLINE_HOURS,
    triageDeadlineHours: row?.triageDeadlineHours ?? DEFAULT_TRIAGE_DEADLINE_HOURS,
  };
}
