import { z } from 'zod';
import {
  GATHERING_KINDS,
  GATHERING_OUTCOMES,
  isoDateSchema,
  pageQuery,
  phoneSchema,
  uuidSchema,
} from '@fangkong/domain';
import { instantQuery } from '../../http/time-window.js';

const count = z.number({ error: 'invalidInteger' }).int('invalidInteger').min(0, 'tooSmall').max(100_000, 'tooBig');

export const gatheringSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    kind: z.enum(GATHERING_KINDS),
    host: z.string(),
    phone: z.string().nullable().describe('masked'),
    date: z.iso.date(),
    place: z.string(),
    tables: z.number().int(),
    persons: z.number().int(),
    outcome: z.enum(GATHERING_OUTCOMES),
    tablesHeld: z.number().int().nullable(),
    personsHeld: z.number().int().nullable(),
    tablesCancelled: z.number().int().describe('tables not held: all when stopped (劝停), the cut when scaled down'),
    personsCancelled: z.number().int(),
    settledAt: z.iso.datetime().describe('when the outcome was settled: the day it counts on'),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
  })
  .meta({ id: 'Gathering' });
export const gatheringPage = z
  .object({
    items: z.array(gatheringSchema),
    total: z.number().int(),
    stopped: z.number().int().describe('劝停 among the matching'),
    tablesCancelled: z.number().int().describe('tables not held, of all the matching'),
    personsCancelled: z.number().int(),
  })
  .meta({ id: 'GatheringPage' });

export const listGatheringsQuery = pageQuery().extend({
  regionId: uuidSchema.optional(),
  kind: z.enum(GATHERING_KINDS, 'invalidEnum').optional(),
  outcome: z.enum(GATHERING_OUTCOMES, 'invalidEnum').optional(),
  stopped: z.enum(['true'], 'invalidEnum').optional().describe('only 劝停 (cancelled or postponed)'),
  settledFrom: instantQuery.describe('settled at or after (a drill-down window)'),
  settledTo: instantQuery.describe('settled before'),
});
export type ListGatheringsQuery = z.infer<typeof listGatheringsQuery>;

export const createGatheringBody = z
  .object({
    id: uuidSchema.optional(),
    regionId: uuidSchema,
    kind: z.enum(GATHERING_KINDS, 'invalidEnum'),
    host: z
      .string()
      .trim()
      .min(1, 'required')
      .max(50, 'tooLong')
      .describe('who holds it (事主), or the organiser of a market or fair'),
    phone: phoneSchema.optional(),
    date: isoDateSchema.describe('the day it was or is to be held'),
    place: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    tables: count.default(0),
    persons: count.default(0),
    outcome: z.enum(GATHERING_OUTCOMES, 'invalidEnum'),
    tablesHeld: count.optional().describe('when scaled down or held: the tables actually set'),
    personsHeld: count.optional(),
    settledAt: z.iso.datetime({ offset: true, error: 'invalidDate' }),
    note: z.string().trim().max(500, 'tooLong').optional(),
  })
  .superRefine((b, ctx) => {
    if (b.tablesHeld !== undefined && b.tablesHeld > b.tables)
      ctx.addIssue({ code: 'custom', path: ['tablesHeld'], message: 'gathering.heldOverPlanned' });
    if (b.personsHeld !== undefined && b.personsHeld > b.persons)
      ctx.addIssue({ code: 'custom', path: ['personsHeld'], message: 'gathering.heldOverPlanned' });
  });
export type CreateGatheringBody = z.infer<typeof createGatheringBody>;
