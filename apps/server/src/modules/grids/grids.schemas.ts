import { z } from 'zod';
import { pageQuery, uuidSchema } from '@fangkong/domain';

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

const gridName = z.string().trim().min(1, 'required').max(50, 'tooLong');
export const createGridBody = z.object({
  regionId: uuidSchema.describe('the village (村/社区) the grid lies in'),
  name: gridName,
  leaderId: uuidSchema.nullable().optional().describe('网格长: an account of the village or above'),
  workerIds: z.array(uuidSchema).max(50, 'tooLong').optional().describe('网格员'),
});
export type CreateGridBody = z.infer<typeof createGridBody>;

export const updateGridBody = z.object({
  name: gridName.optional(),
  leaderId: uuidSchema.nullable().optional(),
  workerIds: z.array(uuidSchema).max(50, 'tooLong').optional().describe('the whole set of workers'),
});
export type UpdateGridBody = z.infer<typeof updateGridBody>;

export const mergeGridBody = z.object({
  intoId: uuidSchema.describe('the grid of the same village that takes over the households and workers'),
});

export const assignHouseholdsBody = z
  .object({
    householdIds: z.array(uuidSchema).max(5000, 'tooLong').optional().describe('households picked one by one'),
    addressContains: z
      .string()
      .trim()
      .min(1, 'required')
      .max(100, 'tooLong')
      .optional()
      .describe('a range: every household of the village whose address contains this (楼栋, 组, e.g. "3组" or "2栋")'),
    groupId: uuidSchema.optional().describe('a range: every household of this group (村民小组/小区) of the village'),
    move: z
      .boolean()
      .default(false)
      .describe('take households out of the grid they are in; without it such households are errors'),
  })
  .refine((b) => [b.householdIds?.length, b.addressContains, b.groupId].filter(Boolean).length === 1, {
    message: 'grid.assignWhich',
    path: ['householdIds'],
  });
export type AssignHouseholdsBody = z.infer<typeof assignHouseholdsBody>;

export const assignResult = z
  .object({
    assigned: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().describe("the household's position in the request, or the row of the file"),
        field: z.string(),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'GridAssignResult' });

export const assignImportQuery = z.object({
  regionId: uuidSchema.describe('the village whose households the file assigns'),
  move: z.enum(['true', 'false']).optional(),
});

export const rosterQuery = z.object({ regionId: uuidSchema.optional().describe("default: the caller's region") });
export const rosterSchema = z
  .object({
    villages: z.array(
      z.object({
        regionId: z.uuid(),
        name: z.string(),
        households: z.number().int(),
        unassigned: z.number().int().describe('households in no grid: a gap'),
        grids: z.array(gridSchema),
        gridsWithoutWorkers: z.number().int().describe('grids with neither leader nor worker: a gap'),
      }),
    ),
  })
  .meta({ id: 'GridRoster' });

export const unassignedQuery = z.object({
  regionId: uuidSchema,
  ...pageQuery({ defaultSize: 50, maxSize: 500 }).shape,
});
export const unassignedPage = z
  .object({
    items: z.array(z.object({ id: z.uuid(), address: z.string(), regionName: z.string() })),
    total: z.number().int(),
  })
  .meta({ id: 'UnassignedHouseholdPage' });

export const gridIdParams = z.object({ id: uuidSchema });
