import { z } from 'zod';
import { FINDING_SEVERITIES, SPOT_CHECK_OUTCOMES, isoDateSchema, pageQuerySchema, uuidSchema } from '@fangkong/domain';
import { instantQuery } from '../../http/time-window.js';

export const createSpotCheckBody = z.object({
  regionId: uuidSchema.describe('the region whose figure is checked'),
  section: z.string().trim().min(1, 'required').max(40, 'tooLong').describe('figure section, e.g. screening'),
  figure: z.string().trim().min(1, 'required').max(40, 'tooLong').describe('figure key, e.g. householdsToday'),
  day: isoDateSchema.optional().describe("the report day; default today's"),
  size: z.number().int().min(1, 'tooSmall').max(30, 'tooBig').default(10),
  seed: z
    .number()
    .int()
    .min(0, 'tooSmall')
    .max(2 ** 31 - 1, 'tooBig')
    .optional()
    .describe('the same seed draws the same sample; default a random one'),
});
export type CreateSpotCheckBody = z.infer<typeof createSpotCheckBody>;

export const spotCheckRecordSchema = z
  .object({
    id: z.uuid(),
    spotCheckId: z.uuid(),
    position: z.number().int().describe('its position in the list behind the figure when drawn'),
    recordId: z.uuid(),
    label: z.string().describe('as the list shows it (masked)'),
    regionId: z.uuid(),
    regionName: z.string(),
    outcome: z.enum(SPOT_CHECK_OUTCOMES),
    note: z.string().nullable(),
    checkedAt: z.iso.datetime().nullable(),
    findingId: z.uuid().nullable(),
  })
  .meta({ id: 'SpotCheckRecord' });
export const spotCheckRecordPage = z
  .object({ items: z.array(spotCheckRecordSchema), total: z.number().int() })
  .meta({ id: 'SpotCheckRecordPage' });

export const spotCheckSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    section: z.string(),
    figure: z.string(),
    reportDay: z.string(),
    seed: z.number().int(),
    population: z.number().int().describe('records behind the figure when drawn'),
    size: z.number().int(),
    checked: z.number().int(),
    discrepant: z.number().int(),
    inspectorName: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SpotCheck' });
export const spotCheckDetail = spotCheckSchema
  .extend({ records: z.array(spotCheckRecordSchema) })
  .meta({ id: 'SpotCheckDetail' });
export const spotCheckPage = z
  .object({ items: z.array(spotCheckSchema), total: z.number().int() })
  .meta({ id: 'SpotCheckPage' });

export const listSpotChecksQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  createdFrom: instantQuery,
  createdTo: instantQuery,
});
export type ListSpotChecksQuery = z.infer<typeof listSpotChecksQuery>;
export const listSpotCheckRecordsQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  outcome: z.enum(SPOT_CHECK_OUTCOMES, 'invalidEnum').optional(),
  checkedFrom: instantQuery,
  checkedTo: instantQuery,
});
export type ListSpotCheckRecordsQuery = z.infer<typeof listSpotCheckRecordsQuery>;

export const recordOutcomeBody = z.discriminatedUnion(
  'outcome',
  [
    z.object({ outcome: z.literal('confirmed'), note: z.string().trim().max(500, 'tooLong').optional() }),
    z.object({
      outcome: z.literal('discrepant'),
      note: z.string().trim().min(1, 'required').max(500, 'tooLong').describe('what the resident said'),
      severity: z.enum(FINDING_SEVERITIES, 'invalidEnum').default('major'),
      deadline: isoDateSchema.optional().describe('Shanghai date; default today (即知即改)'),
      responsiblePerson: z.string().trim().max(50, 'tooLong').optional(),
    }),
  ],
  { error: 'invalidEnum' },
);
export type RecordOutcomeBody = z.infer<typeof recordOutcomeBody>;
export const spotCheckRecordParams = z.object({ id: uuidSchema, recordId: uuidSchema });
