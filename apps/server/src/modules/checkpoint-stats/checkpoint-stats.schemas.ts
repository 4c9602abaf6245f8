import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '@fangkong/domain';

export const statsQuery = z.object({
  from: isoDateSchema.describe('first day (Asia/Shanghai)'),
  to: isoDateSchema.describe('last day (Asia/Shanghai)'),
  bucket: z.enum(['hour', 'day', 'total'], 'invalidEnum').default('day'),
  by: z.enum(['checkpoint', 'township', 'county'], 'invalidEnum').default('checkpoint'),
  regionId: uuidSchema.optional(),
  checkpointId: uuidSchema.optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

const figures = {
  vehicles: z.number().int(),
  pedestrians: z.number().int(),
  persons: z.number().int(),
  turnedBack: z.number().int(),
  held: z.number().int(),
  fevers: z.number().int(),
  riskArea: z.number().int(),
  localPersons: z.number().int(),
  outsidePersons: z.number().int(),
  localVehicles: z.number().int(),
  outsideVehicles: z.number().int(),
};

export const statsSchema = z
  .object({
    rows: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        bucket: z.string().nullable().describe("'YYYY-MM-DD' or 'YYYY-MM-DDTHH:00' in Asia/Shanghai"),
        ...figures,
      }),
    ),
    totals: z.object(figures),
  })
  .meta({ id: 'CheckpointStats' });
