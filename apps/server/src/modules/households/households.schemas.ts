import { z } from 'zod';
import { pageQuerySchema, phoneSchema, uuidSchema } from '@fangkong/domain';

export const HOUSEHOLD_STATUSES = ['resident', 'away', 'vacant'] as const;

export const householdSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    regionPath: z.string(),
    gridId: z.uuid().nullable(),
    gridName: z.string().nullable(),
    address: z.string(),
    headPersonId: z.uuid().nullable(),
    headName: z.string().nullable(),
    phone: z.string().nullable().describe('masked'),
    status: z.enum(HOUSEHOLD_STATUSES),
    memberCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Household' });

export const memberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    idNumber: z.string().nullable().describe('masked'),
    sex: z.enum(['male', 'female']).nullable(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable().describe('masked'),
    vulnerableGroups: z.array(z.string()),
  })
  .meta({ id: 'HouseholdMember' });

export const householdDetail = householdSchema
  .extend({ members: z.array(memberSchema) })
  .meta({ id: 'HouseholdDetail' });

export const listHouseholdsQuery = pageQuerySchema.extend({
  q: z.string().trim().max(50, 'tooLong').optional(),
  regionId: uuidSchema.optional(),
  gridId: uuidSchema.optional(),
  status: z.enum(HOUSEHOLD_STATUSES, 'invalidEnum').optional(),
});
export type ListHouseholdsQuery = z.infer<typeof listHouseholdsQuery>;

export const createHouseholdBody = z.object({
  /** Made by the client so that a replayed create is recognised. */
  id: uuidSchema.optional(),
  regionId: uuidSchema,
  gridId: uuidSchema.nullish(),
  address: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  phone: phoneSchema.nullish(),
  status: z.enum(HOUSEHOLD_STATUSES, 'invalidEnum').default('resident'),
});
export type CreateHouseholdBody = z.infer<typeof createHouseholdBody>;

export const updateHouseholdBody = z.object({
  gridId: uuidSchema.nullish(),
  address: z.string().trim().min(1, 'required').max(200, 'tooLong').optional(),
  phone: phoneSchema.nullish(),
  status: z.enum(HOUSEHOLD_STATUSES, 'invalidEnum').optional(),
  headPersonId: uuidSchema.nullish(),
});
export type UpdateHouseholdBody = z.infer<typeof updateHouseholdBody>;

export const householdPage = z
  .object({ items: z.array(householdSchema), total: z.number().int() })
  .meta({ id: 'HouseholdPage' });
export const householdIdParams = z.object({ id: uuidSchema });
