import { z } from 'zod';
import {
  pageQuerySchema,
  SUPPLY_CATEGORIES,
  SUPPLY_STORE_KINDS,
  SUPPLY_UNITS,
  STOCK_MOVEMENT_KINDS,
  uuidSchema,
} from '@fangkong/domain';

export const supplyItemSchema = z
  .object({
    id: z.uuid(),
    key: z
      .string()
      .nullable()
      .describe("a default item's key (the web shows its translated name); null for the county's own"),
    name: z.string(),
    category: z.enum(SUPPLY_CATEGORIES),
    unit: z.enum(SUPPLY_UNITS),
    active: z.boolean(),
  })
  .meta({ id: 'SupplyItem' });
export type SupplyItemDto = z.infer<typeof supplyItemSchema>;
export const supplyItemList = z
  .object({ items: z.array(supplyItemSchema), total: z.number().int() })
  .meta({ id: 'SupplyItemList' });

export const createSupplyItemBody = z.object({
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  category: z.enum(SUPPLY_CATEGORIES, 'invalidEnum'),
  unit: z.enum(SUPPLY_UNITS, 'invalidEnum'),
});
export type CreateSupplyItemBody = z.infer<typeof createSupplyItemBody>;
export const updateSupplyItemBody = createSupplyItemBody.partial().extend({ active: z.boolean().optional() });
export type UpdateSupplyItemBody = z.infer<typeof updateSupplyItemBody>;

export const supplyStoreSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(SUPPLY_STORE_KINDS),
    name: z.string(),
    regionId: z.uuid(),
    regionName: z.string(),
    regionPath: z.string(),
    checkpointId: z.uuid().nullable(),
    observationSiteId: z.uuid().nullable(),
    /** Items whose days of cover are below the county's threshold, or out of stock. */
    itemsShort: z.number().int(),
  })
  .meta({ id: 'SupplyStore' });
export type SupplyStoreDto = z.infer<typeof supplyStoreSchema>;
export const supplyStorePage = z
  .object({ items: z.array(supplyStoreSchema), total: z.number().int() })
  .meta({ id: 'SupplyStorePage' });

export const createSupplyStoreBody = z.object({
  id: uuidSchema.optional().describe('client-made UUIDv7; a replay with the same id returns the existing store'),
  regionId: uuidSchema.optional().describe('a region store: the county, a township or a village'),
  checkpointId: uuidSchema.optional(),
  observationSiteId: uuidSchema.optional(),
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
});
export type CreateSupplyStoreBody = z.infer<typeof createSupplyStoreBody>;

export const listSupplyStoresQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  short: z.enum(['true', 'false']).optional().describe('only stores with an item short of cover'),
});
export type ListSupplyStoresQuery = z.infer<typeof listSupplyStoresQuery>;

export const stockLineSchema = z
  .object({
    itemId: z.uuid(),
    key: z.string().nullable(),
    name: z.string(),
    unit: z.enum(SUPPLY_UNITS),
    stock: z.number().int(),
    /** Issued over the 7 whole Shanghai days before today. */
    issuedLast7Days: z.number().int(),
    averageDailyIssue: z.number(),
    daysOfCover: z.number().nullable().describe('stock ÷ average daily issue; null when nothing was issued'),
    short: z.boolean().describe('out of stock while used, or fewer days of cover than the threshold'),
  })
  .meta({ id: 'StockLine' });
export type StockLineDto = z.infer<typeof stockLineSchema>;
export const storeStockSchema = z
  .object({ store: supplyStoreSchema, lowCoverDays: z.number(), lines: z.array(stockLineSchema) })
  .meta({ id: 'StoreStock' });

export const recordMovementBody = z
  .object({
    id: uuidSchema.optional().describe('client-made UUIDv7; a replay with the same id changes nothing'),
    kind: z.enum(['receipt', 'issue', 'transfer', 'count'], 'invalidEnum'),
    itemId: uuidSchema,
    quantity: z
      .number('invalidNumber')
      .int('invalidInteger')
      .min(0, 'tooSmall')
      .max(10_000_000, 'tooBig')
      .describe('received, issued or sent; for a count, the stock found'),
    toStoreId: uuidSchema.optional().describe("a transfer's receiving store"),
    reason: z.string().trim().max(200, 'tooLong').default(''),
  })
  .superRefine((b, ctx) => {
    if (b.kind !== 'count' && b.quantity < 1)
      ctx.addIssue({ code: 'custom', path: ['quantity'], message: 'tooSmall', params: { minimum: 1 } });
    if (b.kind === 'transfer' && !b.toStoreId)
      ctx.addIssue({ code: 'custom', path: ['toStoreId'], message: 'required' });
    if (b.kind === 'count' && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'supply.reasonRequired' });
  });
export type RecordMovementBody = z.infer<typeof recordMovementBody>;

export const stockMovementSchema = z
  .object({
    id: z.uuid(),
    storeId: z.uuid(),
    itemId: z.uuid(),
    itemKey: z.string().nullable(),
    itemName: z.string(),
    kind: z.enum(STOCK_MOVEMENT_KINDS),
    quantity: z.number().int().describe('signed: what the movement added to the stock'),
    counted: z.number().int().nullable(),
    otherStoreId: z.uuid().nullable(),
    otherStoreName: z.string().nullable(),
    reason: z.string(),
    recordedAt: z.iso.datetime(),
    recordedByName: z.string().nullable(),
  })
  .meta({ id: 'StockMovement' });
export type StockMovementDto = z.infer<typeof stockMovementSchema>;
export const stockMovementPage = z
  .object({ items: z.array(stockMovementSchema), total: z.number().int() })
  .meta({ id: 'StockMovementPage' });
export const listMovementsQuery = pageQuerySchema.extend({ itemId: uuidSchema.optional() });
export type ListMovementsQuery = z.infer<typeof listMovementsQuery>;

export const supplyIdParams = z.object({ id: uuidSchema });

export const supplySettingsSchema = z
  .object({ lowCoverDays: z.number().int().describe("a store's item is short below this many days of cover") })
  .meta({ id: 'SupplySettings' });
export const updateSupplySettingsBody = z.object({
  lowCoverDays: z.number('invalidNumber').int('invalidInteger').min(1, 'tooSmall').max(90, 'tooBig'),
});
export type UpdateSupplySettingsBody = z.infer<typeof updateSupplySettingsBody>;
