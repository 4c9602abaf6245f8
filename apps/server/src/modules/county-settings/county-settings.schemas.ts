import { z } from 'zod';
import {
  COUNTY_SETTING_SECTIONS,
  KEY_PERSON_CATEGORIES,
  REGION_LEVELS,
  pageQuerySchema,
  uuidSchema,
} from '@fangkong/domain';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'slotWindow.format');
const deadline = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'slotWindow.format');
const slotWindow = z.object({ opens: z.string(), closes: z.string() });

export const policySettingsSchema = z
  .object({
    measureDays: z.record(z.enum(KEY_PERSON_CATEGORIES), z.number().int()).describe('days of the measure by category'),
    requiredOfficers: z
      .record(z.enum(KEY_PERSON_CATEGORIES), z.number().int())
      .describe('responsible officers each key person needs, by category (三包一, 五包一)'),
    slotWindows: z
      .object({ am: slotWindow, pm: slotWindow })
      .describe('the morning and afternoon check windows (HH:MM, Asia/Shanghai)'),
    leadDeadlineHours: z.number().int().describe('hours to verify a lead'),
    triageDeadlineHours: z.number().int().describe('hours to answer a triage task'),
    sentinelLeadHours: z.number().int().describe("hours to follow up the lead of a sentinel's sale"),
  })
  .meta({ id: 'PolicySettings' });

export const reportSettingsSchema = z
  .object({
    deadline: z.string().describe('the daily cut-off, HH:MM Asia/Shanghai (截止时间)'),
    correctionWindowHours: z.number().int().describe('hours after the cut-off a report may still be corrected'),
    reminderMinutesBefore: z
      .number()
      .int()
      .describe('minutes before the cut-off the system reminds the reporters still missing (催报)'),
  })
  .meta({ id: 'ReportSettings' });

export const checkpointSettingsSchema = z
  .object({
    healthCodeRequired: z.boolean().describe("健康码: every occupant's health-code colour is recorded"),
    itineraryRequired: z.boolean().describe("行程卡: every occupant's itinerary card is recorded"),
    nucleicAcidRequired: z.boolean().describe("核酸: every occupant's 48-hour nucleic-acid result is recorded"),
  })
  .meta({ id: 'CheckpointSettings' });

/** Null on a key: the region stops setting it and inherits it again (from above, else the default). */
export const updatePolicySettingsBody = z.object({
  measureDays: z
    .partialRecord(
      z.enum(KEY_PERSON_CATEGORIES, 'invalidEnum'),
      z.number().int('invalidInteger').min(1, 'tooSmall').max(90, 'tooBig').nullable(),
    )
    .optional(),
  requiredOfficers: z
    .partialRecord(
      z.enum(KEY_PERSON_CATEGORIES, 'invalidEnum'),
      z.number().int('invalidInteger').min(0, 'tooSmall').max(10, 'tooBig').nullable(),
    )
    .optional(),
  slotWindows: z
    .object({ am: z.object({ opens: hhmm, closes: hhmm }), pm: z.object({ opens: hhmm, closes: hhmm }) })
    .nullable()
    .optional(),
  leadDeadlineHours: z.number().int('invalidInteger').min(1, 'tooSmall').max(72, 'tooBig').nullable().optional(),
  triageDeadlineHours: z.number().int('invalidInteger').min(1, 'tooSmall').max(24, 'tooBig').nullable().optional(),
  sentinelLeadHours: z.number().int('invalidInteger').min(1, 'tooSmall').max(168, 'tooBig').nullable().optional(),
});
export const updateReportSettingsBody = z.object({
  deadline: deadline.nullable().optional(),
  correctionWindowHours: z.number().int('invalidInteger').min(0, 'tooSmall').max(168, 'tooBig').nullable().optional(),
  reminderMinutesBefore: z.number().int('invalidInteger').min(0, 'tooSmall').max(720, 'tooBig').nullable().optional(),
});
export const updateCheckpointSettingsBody = z.object({
  healthCodeRequired: z.boolean().nullable().optional(),
  itineraryRequired: z.boolean().nullable().optional(),
  nucleicAcidRequired: z.boolean().nullable().optional(),
});
export type UpdateSettingsBody =
  | z.infer<typeof updatePolicySettingsBody>
  | z.infer<typeof updateReportSettingsBody>
  | z.infer<typeof updateCheckpointSettingsBody>;

/** Which region's settings: the actor's own region when absent. */
export const settingsRegionQuery = z.object({ regionId: uuidSchema.optional() });

const sourceSchema = z
  .record(z.string(), z.object({ regionId: z.uuid(), regionName: z.string(), level: z.enum(REGION_LEVELS) }).nullable())
  .describe(
    'per stored key (`deadline`, `measureDays.closeContact` …): the region that set the value in force, or null for the product default',
  );

const section = <T extends z.ZodType>(values: T, id: string) => z.object({ values, source: sourceSchema }).meta({ id });
export const policySection = section(policySettingsSchema, 'PolicySettingsInForce');
export const reportSection = section(reportSettingsSchema, 'ReportSettingsInForce');
export const checkpointSection = section(checkpointSettingsSchema, 'CheckpointSettingsInForce');

export const countySettingsSchema = z
  .object({
    region: z.object({ id: z.uuid(), name: z.string(), level: z.enum(REGION_LEVELS) }),
    policy: policySection,
    report: reportSection,
    checkpoint: checkpointSection,
  })
  .meta({ id: 'CountySettings' });

export const settingHistoryQuery = pageQuerySchema.extend({
  regionId: uuidSchema
    .optional()
    .describe("changes that shaped this region's settings (at it and above) or override them below it"),
  section: z.enum(COUNTY_SETTING_SECTIONS, 'invalidEnum').optional(),
});

export const settingChangePage = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        regionId: z.uuid(),
        regionName: z.string(),
        level: z.enum(REGION_LEVELS),
        section: z.enum(COUNTY_SETTING_SECTIONS),
        changes: z.array(
          z.object({
            key: z.string().describe('the stored key, e.g. `deadline` or `measureDays.closeContact`'),
            old: z.unknown().describe('the value the region set before; absent/null: inherited'),
            new: z.unknown().describe('the value the region sets now; absent/null: inherited'),
          }),
        ),
        changedByName: z.string().nullable(),
        changedAt: z.string(),
      }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'CountySettingChangePage' });
