import { z } from 'zod';
import { pageQuerySchema, uuidSchema } from '@fangkong/domain';
import { CHECKPOINT_FACILITIES, CHECKPOINT_KINDS } from '../../db/schema/index.js';

export const checkpointSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    regionPath: z.string(),
    name: z.string(),
    kind: z.enum(CHECKPOINT_KINDS),
    location: z.string(),
    status: z.enum(['open', 'closed']),
    closedAt: z.iso.datetime().nullable(),
    facilities: z.array(z.enum(CHECKPOINT_FACILITIES)),
    /** People on the current 24-hour shift (names and roles). */
    onDuty: z.array(z.object({ name: z.string(), role: z.string() })),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Checkpoint' });
export type CheckpointDto = z.infer<typeof checkpointSchema>;

export const createCheckpointBody = z.object({
  id: uuidSchema.optional().describe('client-made UUIDv7; a replay with the same id returns the existing checkpoint'),
  regionId: uuidSchema,
  name: z.string().trim().min(1, 'required').max(60, 'tooLong'),
  kind: z.enum(CHECKPOINT_KINDS, 'invalidEnum'),
  location: z.string().trim().max(200, 'tooLong').default(''),
  facilities: z.array(z.enum(CHECKPOINT_FACILITIES, 'invalidEnum')).max(3).default([]),
});
export type CreateCheckpointBody = z.infer<typeof createCheckpointBody>;

export const updateCheckpointBody = createCheckpointBody
  .omit({ id: true, regionId: true })
  .partial()
  .extend({ status: z.enum(['open', 'closed'], 'invalidEnum').optional() });
export type UpdateCheckpointBody = z.infer<typeof updateCheckpointBody>;

export const listCheckpointsQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  status: z.enum(['open', 'closed']).optional(),
  q: z.string().trim().max(50, 'tooLong').optional(),
});
export type ListCheckpointsQuery = z.infer<typeof listCheckpointsQuery>;

export const checkpointPage = z
  .object({ items: z.array(checkpointSchema), total: z.number().int() })
  .meta({ id: 'CheckpointPage' });
export const checkpointIdParams = z.object({ id: uuidSchema });
