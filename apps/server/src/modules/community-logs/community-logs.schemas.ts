import { z } from 'zod';
import {
  DISINFECTION_PLACES,
  MAX_BROADCAST_HOURS,
  PUBLICITY_KINDS,
  isoDateSchema,
  pageQuery,
  uuidSchema,
} from '@fangkong/domain';
import { instantQuery } from '../../http/time-window.js';

const count = (max: number) =>
  z.number({ error: 'invalidInteger' }).int('invalidInteger').min(0, 'tooSmall').max(max, 'tooBig');
const note = z.string().trim().max(500, 'tooLong').optional();

export const disinfectionSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    placeKind: z.enum(DISINFECTION_PLACES),
    place: z.string(),
    doneAt: z.iso.datetime(),
    agent: z.string().nullable(),
    areaM2: z.number().int(),
    doneBy: z.string().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Disinfection' });
export const disinfectionPage = z
  .object({
    items: z.array(disinfectionSchema),
    total: z.number().int(),
    areaM2: z.number().int().describe('area of all the matching sessions'),
  })
  .meta({ id: 'DisinfectionPage' });
export const listDisinfectionsQuery = pageQuery().extend({
  regionId: uuidSchema.optional(),
  placeKind: z.enum(DISINFECTION_PLACES, 'invalidEnum').optional(),
  doneFrom: instantQuery.describe('done at or after'),
  doneTo: instantQuery.describe('done before'),
});
export type ListDisinfectionsQuery = z.infer<typeof listDisinfectionsQuery>;
export const createDisinfectionBody = z.object({
  id: uuidSchema.optional(),
  regionId: uuidSchema,
  placeKind: z.enum(DISINFECTION_PLACES, 'invalidEnum'),
  place: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  doneAt: z.iso.datetime({ offset: true, error: 'invalidDate' }),
  agent: z.string().trim().max(100, 'tooLong').optional().describe('e.g. 84消毒液 1:100'),
  areaM2: count(10_000_000).default(0),
  doneBy: z.string().trim().max(100, 'tooLong').optional(),
  note,
});
export type CreateDisinfectionBody = z.infer<typeof createDisinfectionBody>;

export const publicitySchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    kind: z.enum(PUBLICITY_KINDS),
    day: z.iso.date(),
    quantity: z.number().int(),
    hours: z.number().nullable(),
    reach: z.number().int().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'Publicity' });
export const publicityPage = z
  .object({
    items: z.array(publicitySchema),
    total: z.number().int(),
    hours: z.number().describe('broadcast hours of the matching'),
    reach: z.number().int().describe('persons reached by the matching messages'),
  })
  .meta({ id: 'PublicityPage' });
export const listPublicityQuery = pageQuery().extend({
  regionId: uuidSchema.optional(),
  kind: z.enum(PUBLICITY_KINDS, 'invalidEnum').optional(),
  day: isoDateSchema.optional(),
});
export type ListPublicityQuery = z.infer<typeof listPublicityQuery>;
export const createPublicityBody = z
  .object({
    id: uuidSchema.optional(),
    regionId: uuidSchema,
    kind: z.enum(PUBLICITY_KINDS, 'invalidEnum'),
    day: isoDateSchema,
    quantity: count(1_000_000).default(0).describe('banners, posters, vehicles, screens, messages or leaflets'),
    hours: z
      .number({ error: 'invalidNumber' })
      .min(0, 'tooSmall')
      .max(MAX_BROADCAST_HOURS, 'tooBig')
      .optional()
      .describe('broadcast hours (村村响)'),
    reach: count(10_000_000).optional().describe('persons a WeChat or SMS message went to'),
    note,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'broadcast' && b.hours === undefined)
      ctx.addIssue({ code: 'custom', path: ['hours'], message: 'publicity.hoursRequired' });
  });
export type CreatePublicityBody = z.infer<typeof createPublicityBody>;
