import { z } from 'zod';
import { isoDateSchema, uuidSchema } from '@fangkong/domain';

const name = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const supervisionGroupSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    leaderName: z.string().describe('the county leader who leads it (组长)'),
    leaderTitle: z.string().nullable(),
    members: z.array(z.string()),
    topics: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    townships: z.array(z.object({ id: z.uuid(), name: z.string() })),
    inspections: z.number().int().describe('inspections recorded with the group'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SupervisionGroup' });
export const supervisionGroupList = z
  .object({ items: z.array(supervisionGroupSchema) })
  .meta({ id: 'SupervisionGroupList' });

export const listGroupsQuery = z.object({
  regionId: uuidSchema.optional().describe('groups assigned to the township holding this region'),
});

const fields = {
  name: name(50),
  leaderName: name(30),
  leaderTitle: z.string().trim().max(50, 'tooLong').optional(),
  members: z.array(name(30)).max(30, 'tooBig').default([]),
  topics: z.string().trim().max(1000, 'tooLong').optional().describe('what the group checks, on which days'),
  townshipIds: z.array(uuidSchema).min(1, 'required').max(60, 'tooBig'),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.optional(),
};
const ordered = (b: { startsOn?: string; endsOn?: string | null }) =>
  !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;
export const createGroupBody = z
  .object({ id: uuidSchema.optional(), ...fields })
  .refine(ordered, { message: 'dateRange.order', path: ['endsOn'] });
export type CreateGroupBody = z.infer<typeof createGroupBody>;
export const updateGroupBody = z
  .object({ ...fields, members: z.array(name(30)).max(30, 'tooBig'), endsOn: isoDateSchema.nullable() })
  .partial()
  .refine(ordered, { message: 'dateRange.order', path: ['endsOn'] });
export type UpdateGroupBody = z.infer<typeof updateGroupBody>;
