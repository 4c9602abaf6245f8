import { z } from 'zod';
import { COMMAND_UNIT_KINDS, phoneSchema, uuidSchema } from '@fangkong/domain';

export const commandMemberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.string(),
    phone: z.string().nullable(),
    userId: z.uuid().nullable(),
  })
  .meta({ id: 'CommandMember' });

export const commandUnitSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    parentId: z.uuid().nullable(),
    kind: z.enum(COMMAND_UNIT_KINDS),
    name: z.string(),
    duties: z.string().nullable(),
    coverage: z.array(z.object({ id: z.uuid(), name: z.string() })).describe('the townships a 战区 covers'),
    members: z.array(commandMemberSchema),
  })
  .meta({ id: 'CommandUnit' });
export const commandUnitList = z
  .object({ items: z.array(commandUnitSchema), total: z.number().int() })
  .meta({ id: 'CommandUnitList' });

export const listUnitsQuery = z.object({ regionId: uuidSchema.optional() });
export const createUnitBody = z.object({
  id: uuidSchema.optional().describe('client-made; a replay returns the same unit'),
  regionId: uuidSchema,
  parentId: uuidSchema.optional().describe('the headquarters this office, group or 战区 belongs to'),
  kind: z.enum(COMMAND_UNIT_KINDS, 'invalidEnum'),
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  duties: z.string().trim().max(2000, 'tooLong').optional(),
  coverage: z
    .array(uuidSchema)
    .max(100, 'tooBig')
    .default([])
    .describe("for a 战区: the regions it covers, below the unit's region"),
});
export type CreateUnitBody = z.infer<typeof createUnitBody>;
export const addMemberBody = z.object({
  name: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  position: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  phone: phoneSchema.optional(),
  userId: uuidSchema.optional(),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;
export const unitParams = z.object({ id: uuidSchema });
export const memberParams = z.object({ id: uuidSchema, memberId: uuidSchema });
