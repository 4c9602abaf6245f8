import { z } from 'zod';
import { REGION_LEVELS, pageQuery } from '@fangkong/domain';

export const regionSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    level: z.enum(REGION_LEVELS),
    path: z.string(),
    parentId: z.uuid().nullable(),
    childCount: z.number().int(),
    gridCount: z.number().int(),
    householdCount: z.number().int(),
    personCount: z.number().int(),
  })
  .meta({ id: 'Region' });

export const regionDetailSchema = regionSchema
  .extend({ ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.enum(REGION_LEVELS) })) })
  .meta({ id: 'RegionDetail' });

export const listRegionsQuery = z.object({
  parentId: z.uuid('invalidUuid').optional(),
  q: z.string().trim().max(50, 'tooLong').optional(),
  level: z.enum(REGION_LEVELS).optional(),
  ...pageQuery({ defaultSize: 100, maxSize: 500 }).shape,
});
export type ListRegionsQuery = z.infer<typeof listRegionsQuery>;

export const regionPage = z
  .object({ items: z.array(regionSchema), total: z.number().int() })
  .meta({ id: 'RegionPage' });
export const idParams = z.object({ id: z.uuid('invalidUuid') });

export const importResult = z
  .object({
    created: z.number().int(),
    updated: z.number().int(),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'RegionImportResult' });
