import { z } from 'zod';
import { KEY_PERSON_CATEGORIES, isoDateSchema, pageQuerySchema, uuidSchema } from '@fangkong/domain';

export const HOLD_STATES = ['pending', 'placed', 'handover'] as const;

export const listHoldsQuery = pageQuerySchema.extend({
  state: z
    .enum(HOLD_STATES, 'invalidEnum')
    .default('pending')
    .describe('pending: to be placed at an observation site; placed; handover: handed to the health centre'),
  regionId: uuidSchema.optional(),
});
export type ListHoldsQuery = z.infer<typeof listHoldsQuery>;

export const holdSchema = z
  .object({
    occupantId: z.uuid(),
    entryId: z.uuid(),
    checkpointId: z.uuid(),
    checkpointName: z.string(),
    recordedAt: z.iso.datetime(),
    plate: z.string().nullable(),
    outcome: z.enum(['placement', 'handover']),
    name: z.string(),
    idNumber: z.string().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    temperature: z.number(),
    fever: z.boolean(),
    riskArea: z.boolean(),
    leadId: z.uuid().nullable(),
    keyPersonId: z.uuid().nullable().describe('the file opened when the person was placed'),
    siteName: z.string().nullable(),
    room: z.string().nullable(),
    bed: z.string().nullable(),
  })
  .meta({ id: 'CheckpointHold' });
export const holdPage = z
  .object({ items: z.array(holdSchema), total: z.number().int() })
  .meta({ id: 'CheckpointHoldPage' });

export const occupantParams = z.object({ occupantId: uuidSchema });
export const placeHoldBody = z.object({
  siteId: uuidSchema,
  bedId: uuidSchema,
  category: z
    .enum(KEY_PERSON_CATEGORIES, 'invalidEnum')
    .optional()
    .describe('by default fever when the person had a fever, returnee when from a risk area, else other'),
  startDate: isoDateSchema.optional().describe('day 1 of the central isolation; the day of the entry by default'),
});
export type PlaceHoldBody = z.infer<typeof placeHoldBody>;
