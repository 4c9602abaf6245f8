import { z } from 'zod';
import { isoDateSchema, REGION_LEVELS, uuidSchema } from '@fangkong/domain';

const text = (max: number) => z.string().trim().max(max, 'tooLong').optional().nullable();
const figures = z.record(z.string(), z.record(z.string(), z.number()));

const drillDownSchema = z
  .object({
    api: z.string(),
    web: z.string().describe('the page of the web app that lists the records'),
    query: z.record(z.string(), z.string()),
    counts: z
      .enum(['total', 'occupants', 'feverOccupants', 'tablesCancelled', 'personsCancelled', 'areaM2', 'hours', 'reach'])
      .describe("the list page's count that equals the figure"),
    exact: z.boolean().describe('false when the list is only the nearest one to the figure'),
  })
  .meta({ id: 'DrillDown' });

export const submitReportBody = z.object({
  id: uuidSchema.describe('client-made UUIDv7; a repeated id returns the stored report'),
  regionId: z.uuid('invalidUuid'),
  reportDate: isoDateSchema,
  isZero: z.boolean().default(false),
  remarks: text(2000),
  problems: text(2000),
  suggestions: text(2000),
  correctionReason: text(500),
});
export type SubmitReportBody = z.infer<typeof submitReportBody>;

export const dailyReportSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    level: z.enum(REGION_LEVELS),
    reportDate: z.string(),
    version: z.number().int(),
    isZero: z.boolean(),
    figures,
    remarks: z.string().nullable(),
    problems: z.string().nullable(),
    suggestions: z.string().nullable(),
    correctionReason: z.string().nullable(),
    submittedByName: z.string(),
    submittedAt: z.iso.datetime(),
    late: z.boolean(),
    text: z.array(z.string()).describe('the report as officials send it'),
  })
  .meta({ id: 'DailyReport' });

export const previewQuery = z.object({ regionId: z.uuid('invalidUuid'), reportDate: isoDateSchema });
export const previewSchema = z
  .object({
    regionId: z.uuid(),
    regionName: z.string(),
    level: z.enum(REGION_LEVELS),
    reportDate: z.string(),
    deadline: z.string(),
    live: figures.describe('computed from the records now'),
    drillDown: z
      .record(z.string(), z.record(z.string(), drillDownSchema))
      .describe('per section and figure, the list of the records behind it'),
    submitted: dailyReportSchema.nullable().describe('the latest version submitted for the day'),
    villageSum: figures.nullable().describe("for a township: the sum of its villages' latest snapshots"),
    changedBelow: z
      .array(
        z.object({
          regionId: z.uuid(),
          name: z.string(),
          version: z.number().int(),
          submittedAt: z.iso.datetime(),
          difference: figures.describe('its latest snapshot minus the one the submitted report was made with'),
        }),
      )
      .describe(
        'lower levels that corrected (or first submitted) their report after this region submitted: the frozen snapshot is stale until resubmitted',
      ),
    text: z.array(z.string()),
  })
  .meta({ id: 'DailyReportPreview' });

const reporterSchema = z.object({
  regionId: z.uuid(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  status: z.enum(['onTime', 'late', 'missing']),
  reportId: z.uuid().nullable(),
  version: z.number().int().nullable(),
  isZero: z.boolean().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  reminders: z.number().int().describe('催报 sent for the day'),
  lastRemindedAt: z.iso.datetime().nullable(),
  changedBelow: z.boolean().describe('a lower level submitted or corrected its report after this one was submitted'),
});
const rateSchema = z.object({ expected: z.number().int(), submitted: z.number().int(), onTime: z.number().int() });

export const statusQuery = z.object({ regionId: z.uuid('invalidUuid').optional(), reportDate: isoDateSchema });
export const statusSchema = z
  .object({
    reportDate: z.string(),
    deadline: z.string(),
    reporters: z
      .array(reporterSchema)
      .describe('the region itself (when it reports) and its direct children that report'),
    rates: z
      .object({ village: rateSchema, township: rateSchema })
      .describe('completeness (submitted/expected) and timeliness (onTime/expected) over the whole subtree'),
  })
  .meta({ id: 'DailyReportStatus' });

export const reportIdParams = z.object({ id: z.uuid('invalidUuid') });
export const historySchema = z.object({ items: z.array(dailyReportSchema) }).meta({ id: 'DailyReportHistory' });
