import { z } from 'zod';
import { pageQuery } from '@fangkong/domain';

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
  ...pageQuery({ defaultSize: 100, maxSize: 500 }).shape,
});

export const gridPage = z.object({ items: z.array(gridSchema), total: z.number().int() }).meta({ id: 'GridPage' });
