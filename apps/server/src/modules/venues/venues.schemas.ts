import { z } from 'zod';
import { instantQuery } from '../../http/time-window.js';
import {
  VENUE_CHECK_DAYS,
  VENUE_CHECK_RESULTS,
  VENUE_ORDER_KINDS,
  VENUE_TYPES,
  isoDateSchema,
  pageQuery,
  phoneSchema,
  uuidSchema,
} from '@fangkong/domain';

const text = (max: number) => z.string().trim().max(max, 'tooLong');

export const venueOrderSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    venueType: z.enum(VENUE_TYPES).nullable(),
    venueId: z.uuid().nullable(),
    venueName: z.string().nullable(),
    kind: z.enum(VENUE_ORDER_KINDS),
    hours: z.string().nullable().describe('the hours allowed, for restrictHours'),
    effectiveFrom: z.iso.date(),
    effectiveUntil: z.iso.date().nullable().describe('inclusive; open-ended when null'),
    note: z.string().nullable(),
    inEffect: z.boolean().describe('in effect today (Asia/Shanghai)'),
  })
  .meta({ id: 'VenueOrder' });
export const venueOrderList = z
  .object({ items: z.array(venueOrderSchema), total: z.number().int() })
  .meta({ id: 'VenueOrderList' });

export const venueCheckSchema = z
  .object({
    id: z.uuid(),
    checkedAt: z.iso.datetime(),
    result: z.enum(VENUE_CHECK_RESULTS),
    actionTaken: z.string().nullable(),
    note: z.string().nullable(),
    recheckOf: z.uuid().nullable(),
    checkedBy: z.string().nullable(),
  })
  .meta({ id: 'VenueCheck' });

export const venueSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    type: z.enum(VENUE_TYPES),
    name: z.string(),
    address: z.string().nullable(),
    operator: z.string().nullable(),
    phone: z.string().nullable().describe('masked, as in every list of people'),
    orders: z.array(z.enum(VENUE_ORDER_KINDS)).describe('kinds of the orders in effect today'),
    lastCheckedAt: z.iso.datetime().nullable(),
    lastResult: z.enum(VENUE_CHECK_RESULTS).nullable(),
    needsRecheck: z.boolean().describe('its latest check found a violation: re-check until one finds it compliant'),
  })
  .meta({ id: 'Venue' });
export const venuePage = z.object({ items: z.array(venueSchema), total: z.number().int() }).meta({ id: 'VenuePage' });
export const venueDetail = venueSchema
  .extend({
    orderList: z.array(venueOrderSchema).describe('every order that applies to the venue, newest first'),
    checks: z.array(venueCheckSchema),
  })
  .meta({ id: 'VenueDetail' });

export const listVenuesQuery = pageQuery().extend({
  regionId: uuidSchema.optional(),
  type: z.enum(VENUE_TYPES, 'invalidEnum').optional(),
  underOrder: z
    .enum(['true', 'false'], 'invalidEnum')
    .optional()
    .describe('only venues under an order (or not) on `onDay`'),
  order: z
    .enum(VENUE_ORDER_KINDS, 'invalidEnum')
    .optional()
    .describe('only venues under an order of this kind on `onDay`'),
  onDay: isoDateSchema.optional().describe('the day the orders are taken on (a report day); today when absent'),
  needsRecheck: z.enum(['true', 'false'], 'invalidEnum').optional(),
});
export type ListVenuesQuery = z.infer<typeof listVenuesQuery>;
export const uncheckedQuery = z.object({
  regionId: uuidSchema.optional(),
  days: z.coerce
    .number({ error: 'invalidInteger' })
    .int('invalidInteger')
    .min(1, 'tooSmall')
    .max(90, 'tooBig')
    .default(VENUE_CHECK_DAYS)
    .describe('not checked in this many days'),
});

export const createVenueBody = z.object({
  id: uuidSchema.optional(),
  regionId: uuidSchema,
  type: z.enum(VENUE_TYPES, 'invalidEnum'),
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  address: text(200).optional(),
  operator: text(50).optional(),
  phone: phoneSchema.optional(),
});
export type CreateVenueBody = z.infer<typeof createVenueBody>;

export const createOrderBody = z
  .object({
    id: uuidSchema.optional(),
    regionId: uuidSchema.optional().describe('with venueType: every venue of the type at or below this region'),
    venueType: z.enum(VENUE_TYPES, 'invalidEnum').optional(),
    venueId: uuidSchema.optional().describe('or one venue'),
    kind: z.enum(VENUE_ORDER_KINDS, 'invalidEnum'),
    hours: text(50).optional().describe('e.g. 08:00-20:00, for restrictHours'),
    effectiveFrom: isoDateSchema,
    effectiveUntil: isoDateSchema.optional(),
    note: text(500).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.venueId === !(b.venueType && b.regionId))
      ctx.addIssue({ code: 'custom', path: [b.venueId ? 'venueId' : 'venueType'], message: 'venueOrder.target' });
    if (b.effectiveUntil && b.effectiveUntil < b.effectiveFrom)
      ctx.addIssue({ code: 'custom', path: ['effectiveUntil'], message: 'venueOrder.untilBeforeFrom' });
  });
export type CreateOrderBody = z.infer<typeof createOrderBody>;
export const listOrdersQuery = z.object({
  regionId: uuidSchema.optional(),
  inEffect: z.enum(['true', 'false'], 'invalidEnum').optional(),
});

export const createCheckBody = z
  .object({
    id: uuidSchema.optional(),
    checkedAt: z.iso.datetime({ offset: true, error: 'invalidDate' }),
    result: z.enum(VENUE_CHECK_RESULTS, 'invalidEnum'),
    actionTaken: text(500).optional().describe('what was done: 责令停业, 立案查处 …; required when not compliant'),
    note: text(500).optional(),
    recheckOf: uuidSchema.optional().describe('the violation this re-check follows up'),
  })
  .superRefine((b, ctx) => {
    if (b.result !== 'compliant' && !b.actionTaken)
      ctx.addIssue({ code: 'custom', path: ['actionTaken'], message: 'venueCheck.actionRequired' });
  });
export type CreateCheckBody = z.infer<typeof createCheckBody>;
export const venueCheckRow = venueCheckSchema
  .extend({ venueId: z.uuid(), venueName: z.string(), venueType: z.enum(VENUE_TYPES), regionName: z.string() })
  .meta({ id: 'VenueCheckRow' });
export const venueCheckPage = z
  .object({ items: z.array(venueCheckRow), total: z.number().int() })
  .meta({ id: 'VenueCheckPage' });
export const listChecksQuery = pageQuery().extend({
  regionId: uuidSchema.optional(),
  checkedFrom: instantQuery.describe('checked at or after (a drill-down window)'),
  checkedTo: instantQuery.describe('checked before'),
  violation: z.enum(['true'], 'invalidEnum').optional().describe('only checks that found a violation or a reopening'),
});
export type ListChecksQuery = z.infer<typeof listChecksQuery>;
export const idParams = z.object({ id: uuidSchema });
