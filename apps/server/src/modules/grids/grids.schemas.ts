import { z } from 'zod';

const userRef = z.object({ id: z.uuid(), displayName: z.string() });

export const gridSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    regionId: z.uuid(),
    regionName: z.string(),
    leader: userRef.nullable(),
    workers: z.array(userRef),
    householdCount: z.number().int(),
  })
  .meta({ id: 'Grid' });

export const listGridsQuery = z.object({
  regionId: z.uuid('invalidUuid').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const gridPage = z.object({ items: z.array(gridSchema), total: z.number().int() }).meta({ id: 'GridPage' });
