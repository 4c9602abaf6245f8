import { z } from 'zod';
import { instantQuery } from '../../http/time-window.js';
import {
  DRUG_CLASSES,
  SALE_SYMPTOMS,
  SENTINEL_KINDS,
  idNumberSchema,
  isoDateSchema,
  pageQuery,
  phoneSchema,
  uniqueList,
  uuidSchema,
} from '@fangkong/domain';

const text = (max: number) => z.string().trim().max(max, 'tooLong');

export const sentinelSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    kind: z.enum(SENTINEL_KINDS),
    name: z.string(),
    licenceNo: z.string().nullable(),
    contact: z.string().nullable(),
    phone: z.string().nullable().describe('masked'),
    salesToday: z.number().int().describe('sales recorded at the site today (Asia/Shanghai)'),
    salesWeek: z.number().int().describe('sales of the 7 days ending today'),
    accounts: z.number().int().describe('sentinel accounts bound to the site'),
  })
  .meta({ id: 'Sentinel' });
export const sentinelPage = z
  .object({ items: z.array(sentinelSchema), total: z.number().int() })
  .meta({ id: 'SentinelPage' });

export const listSentinelsQuery = pageQuery({ defaultSize: 50 }).extend({ regionId: uuidSchema.optional() });

export const createSentinelBody = z.object({
  id: uuidSchema.optional(),
  regionId: uuidSchema,
  kind: z.enum(SENTINEL_KINDS, 'invalidEnum'),
  name: text(100).min(1, 'required'),
  licenceNo: text(50).optional(),
  contact: text(50).optional(),
  phone: phoneSchema.optional(),
});
export type CreateSentinelBody = z.infer<typeof createSentinelBody>;

export const bindAccountBody = z.object({ userId: uuidSchema });
export const idParams = z.object({ id: uuidSchema });

export const saleSchema = z
  .object({
    id: z.uuid(),
    sentinelId: z.uuid(),
    sentinelName: z.string(),
    regionId: z.uuid().describe("the buyer's village (the site's when the register does not know them)"),
    regionName: z.string(),
    name: z.string(),
    idNumber: z.string().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    drugClasses: z.array(z.enum(DRUG_CLASSES)),
    symptoms: z.array(z.enum(SALE_SYMPTOMS)),
    soldAt: z.iso.datetime(),
    leadId: z.uuid().nullable(),
  })
  .meta({ id: 'SentinelSale' });
export const salePage = z
  .object({ items: z.array(saleSchema), total: z.number().int() })
  .meta({ id: 'SentinelSalePage' });

export const createSaleBody = z.object({
  id: uuidSchema.optional().describe('made by the phone, so a resend records the sale once'),
  sentinelId: uuidSchema,
  idNumber: idNumberSchema,
  name: text(50).min(1, 'required'),
  phone: phoneSchema.optional(),
  drugClasses: uniqueList(z.enum(DRUG_CLASSES, 'invalidEnum')).min(1, 'sentinelSale.drugClassRequired'),
  symptoms: uniqueList(z.enum(SALE_SYMPTOMS, 'invalidEnum')).default([]),
  soldAt: z.iso.datetime({ offset: true, error: 'invalidDate' }).optional().describe('default now'),
});
export type CreateSaleBody = z.infer<typeof createSaleBody>;

export const listSalesQuery = pageQuery().extend({
  regionId: uuidSchema.optional().describe("the buyers' region"),
  sentinelId: uuidSchema.optional(),
  soldFrom: instantQuery,
  soldTo: instantQuery,
});
export type ListSalesQuery = z.infer<typeof listSalesQuery>;

export const mySiteSchema = z
  .object({
    sentinel: sentinelSchema.nullable().describe('the site the account is bound to; null when none yet'),
    today: z.array(saleSchema).describe("the site's sales today, newest first"),
  })
  .meta({ id: 'SentinelMySite' });

export const countsQuery = z.object({ regionId: uuidSchema.optional(), day: isoDateSchema.optional() });
export const villageCountSchema = z
  .object({
    regionId: z.uuid(),
    regionName: z.string(),
    count: z.number().int().describe('sales to buyers of the village on the day'),
    baseline: z.number().describe('daily mean of the 7 days before'),
    spike: z.boolean().describe('count ≥ 5 and above twice the baseline'),
    days: z.array(z.object({ day: z.iso.date(), count: z.number().int() })).describe('the 8 days ending with the day'),
  })
  .meta({ id: 'SentinelVillageCount' });
export const countsSchema = z
  .object({
    day: z.iso.date(),
    villages: z.array(villageCountSchema).describe('villages with a sale in the 8 days, spikes first'),
  })
  .meta({ id: 'SentinelCounts' });
