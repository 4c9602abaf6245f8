// 疫苗接种: the vaccines, how a dose counts (first, full, booster) and the age groups coverage is
// counted by — one rule, read by the server's figures (as SQL) and by the web's tables.

/** The vaccine types and the doses their primary series takes (灭活 2, 腺病毒载体 1, 重组蛋白 3). */
export const VACCINES = { inactivated: 2, adenovirus: 1, recombinantProtein: 3 } as const;
export type Vaccine = keyof typeof VACCINES;
export const VACCINE_TYPES = Object.keys(VACCINES) as Vaccine[];

/**
 * What a dose completes: `first` 第一剂, `primary` a dose inside the primary series after the first
 * (重组蛋白's second), `full` 全程接种 (the series' last dose; a one-dose vaccine's first), `booster` 加强针.
 */
export const DOSE_KINDS = ['first', 'primary', 'full', 'booster'] as const;
export type DoseKind = (typeof DOSE_KINDS)[number];

export function doseKindOf(vaccine: Vaccine, doseNumber: number): DoseKind {
  const series = VACCINES[vaccine];
  if (doseNumber > series) return 'booster';
  if (doseNumber === series) return 'full';
  return doseNumber === 1 ? 'first' : 'primary';
}

/** The coverage figures: persons with at least a first dose, with the primary series complete, with a booster. */
export const COVERAGE_DOSES = ['first', 'full', 'booster'] as const;
export type CoverageDose = (typeof COVERAGE_DOSES)[number];
/** The dose kinds that count a person towards each coverage figure. */
export const COVERAGE_KINDS: Record<CoverageDose, readonly DoseKind[]> = {
  first: DOSE_KINDS,
  full: ['full', 'booster'],
  booster: ['booster'],
};

/** Age groups in whole years on the day counted (inclusive bounds; `max` null = and older). Under 3 is not eligible. */
export const AGE_GROUPS = [
  { key: '3-11', min: 3, max: 11 },
  { key: '12-17', min: 12, max: 17 },
  { key: '18-59', min: 18, max: 59 },
  { key: '60-79', min: 60, max: 79 },
  { key: '80+', min: 80, max: null },
] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number]['key'];
export const AGE_GROUP_KEYS = AGE_GROUPS.map((g) => g.key) as AgeGroup[];

/** Whole years from `birthDate` to `day` (both 'YYYY-MM-DD'). */
export function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The age group of a person born on `birthDate`, on `day`; null under 3. */
export function ageGroupOf(birthDate: string, day: string): AgeGroup | null {
  const age = ageOn(birthDate, day);
  return AGE_GROUPS.find((g) => age >= g.min && (g.max === null || age <= g.max))?.key ?? null;
}

/** Why a person in a group is not vaccinated, as the grid worker found: 禁忌症, 拒绝接种, 外出. */
export const UNVACCINATED_REASONS = ['contraindication', 'refused', 'away'] as const;
export type UnvaccinatedReason = (typeof UNVACCINATED_REASONS)[number];
