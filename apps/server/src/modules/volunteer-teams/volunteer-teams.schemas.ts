import { z } from 'zod';
import { VOLUNTEER_SKILLS, VOLUNTEER_TEAM_KINDS, phoneSchema, uuidSchema } from '@fangkong/domain';

export const volunteerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().nullable().describe('masked, as in every list of people'),
    isLeader: z.boolean(),
    skills: z.array(z.enum(VOLUNTEER_SKILLS)),
    assignment: z.string().nullable(),
  })
  .meta({ id: 'Volunteer' });
export const volunteerTeamSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    kind: z.enum(VOLUNTEER_TEAM_KINDS),
    name: z.string(),
    members: z.array(volunteerSchema),
  })
  .meta({ id: 'VolunteerTeam' });
export const volunteerTeamList = z
  .object({
    items: z.array(volunteerTeamSchema),
    total: z.number().int(),
    volunteers: z.number().int().describe('members of all teams listed'),
  })
  .meta({ id: 'VolunteerTeamList' });

export const listTeamsQuery = z.object({ regionId: uuidSchema.optional() });
export const createTeamBody = z.object({
  id: uuidSchema.optional(),
  regionId: uuidSchema,
  kind: z.enum(VOLUNTEER_TEAM_KINDS, 'invalidEnum'),
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
});
export type CreateTeamBody = z.infer<typeof createTeamBody>;
export const addVolunteerBody = z.object({
  name: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  phone: phoneSchema.optional(),
  isLeader: z.boolean().default(false),
  skills: z.array(z.enum(VOLUNTEER_SKILLS, 'invalidEnum')).max(VOLUNTEER_SKILLS.length).default([]),
  assignment: z
    .string()
    .trim()
    .max(200, 'tooLong')
    .optional()
    .describe('where they serve now, e.g. 淮口收费站出口 夜班; 代购配送'),
});
export type AddVolunteerBody = z.infer<typeof addVolunteerBody>;
export const teamParams = z.object({ id: uuidSchema });
export const volunteerParams = z.object({ id: uuidSchema, volunteerId: uuidSchema });
