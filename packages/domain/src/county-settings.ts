// 县级设置: the rules a county sets for itself (and, where it chooses, for one of its townships or
// villages), grouped in sections; what no region above a record sets comes from the defaults here.
import { DEFAULT_MEASURE_DAYS, DEFAULT_REQUIRED_OFFICERS, type KeyPersonCategory } from './key-person.js';
import { DEFAULT_SLOT_WINDOWS, type SlotWindows } from './isolation-days.js';

/** The sections of the county settings: 管控规则, 日报设置, 卡口设置. */
export const COUNTY_SETTING_SECTIONS = ['policy', 'report', 'checkpoint'] as const;
export type CountySettingSection = (typeof COUNTY_SETTING_SECTIONS)[number];

/** 管控规则: days per category, officers required per category, the check windows and the deadlines. */
export interface PolicySettings {
  measureDays: Record<KeyPersonCategory, number>;
  requiredOfficers: Record<KeyPersonCategory, number>;
  slotWindows: SlotWindows;
  leadDeadlineHours: number;
  triageDeadlineHours: number;
  /** Hours to follow up the lead a sentinel's sale raises (a test or a health check). */
  sentinelLeadHours: number;
}

/** 日报设置: the daily cut-off (截止时间), how long a report may be corrected, when the system reminds. */
export interface ReportSettings {
  /** HH:MM, Asia/Shanghai. */
  deadline: string;
  correctionWindowHours: number;
  /** How long before the deadline the system itself reminds (催报) the reporters still missing. */
  reminderMinutesBefore: number;
}

/** 卡口设置: which occupant checks (健康码, 行程卡, 48 小时核酸) checkpoint entries must record. */
export interface CheckpointSettings {
  healthCodeRequired: boolean;
  itineraryRequired: boolean;
  nucleicAcidRequired: boolean;
}

export interface CountySettings {
  policy: PolicySettings;
  report: ReportSettings;
  checkpoint: CheckpointSettings;
}

/** The product's defaults: what applies where no region above a record set a value (seed 000's 18:00, 三包一 …). */
export const DEFAULT_COUNTY_SETTINGS: { readonly [S in CountySettingSection]: Readonly<CountySettings[S]> } = {
  policy: {
    measureDays: { ...DEFAULT_MEASURE_DAYS },
    requiredOfficers: { ...DEFAULT_REQUIRED_OFFICERS },
    slotWindows: DEFAULT_SLOT_WINDOWS,
    leadDeadlineHours: 2,
    triageDeadlineHours: 2,
    sentinelLeadHours: 24,
  },
  report: { deadline: '18:00', correctionWindowHours: 48, reminderMinutesBefore: 60 },
  checkpoint: { healthCodeRequired: false, itineraryRequired: false, nucleicAcidRequired: false },
};

/**
 * Settings whose value is a record by category are inherited category by category (a township may
 * set the days of close contacts only): they are stored as `measureDays.closeContact` and so on.
 */
export const PER_CATEGORY_SETTINGS = ['measureDays', 'requiredOfficers'] as const;

/** The keys a section stores, one value each: what the look-up inherits key by key. */
export function settingKeys(section: CountySettingSection): string[] {
  const defaults = DEFAULT_COUNTY_SETTINGS[section] as unknown as Record<string, unknown>;
  return Object.entries(defaults).flatMap(([key, value]) =>
    (PER_CATEGORY_SETTINGS as readonly string[]).includes(key)
      ? Object.keys(value as object).map((c) => `${key}.${c}`)
      : [key],
  );
}

/** A section's values as stored (flat keys), from a partial section (nested per-category records). */
export function flattenSettings(values: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if ((PER_CATEGORY_SETTINGS as readonly string[]).includes(key) && value && typeof value === 'object') {
      for (const [c, v] of Object.entries(value)) flat[`${key}.${c}`] = v;
    } else flat[key] = value;
  }
  return flat;
}

/** A whole section from the values found (flat keys), each missing key from the defaults. */
export function completeSettings<S extends CountySettingSection>(
  section: S,
  flat: Record<string, unknown>,
): CountySettings[S] {
  const defaults = DEFAULT_COUNTY_SETTINGS[section] as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults)) {
    if ((PER_CATEGORY_SETTINGS as readonly string[]).includes(key)) {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([c, v]) => [c, flat[`${key}.${c}`] ?? v]),
      );
    } else out[key] = flat[key] ?? value;
  }
  return out as unknown as CountySettings[S];
}
