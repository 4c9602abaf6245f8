import { z } from 'zod';

/** A field left empty in a form counts as absent. */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
import { isoDateSchema, phoneSchema, uuidSchema } from '@fangkong/domain';
import { DUTY_ROLES } from '../../db/schema/index.js';

export const dutyMember = z.object({
  name: z.string().trim().min(1, 'required').max(30, 'tooLong'),
  role: z.enum(DUTY_ROLES, 'invalidEnum'),
  phone: z.preprocess(blankAsUndefined, phoneSchema.optional()),
  volunteerId: uuidSchema
    .optional()
    .describe(
      'a member of a volunteer team in scope (GET /api/v1/duty-shifts/volunteers): the name is taken from the team',
    ),
});

export const saveShiftBody = z.object({ members: z.array(dutyMember).min(1, 'dutyShift.noMembers').max(30, 'tooBig') });
export type SaveShiftBody = z.infer<typeof saveShiftBody>;
export const shiftParams = z.object({ id: uuidSchema, day: isoDateSchema });
export const officeShiftParams = z.object({ regionId: uuidSchema, day: isoDateSchema });

export const shiftSchema = z
  .object({
    id: z.uuid(),
    checkpointId: z.uuid().nullable().describe("a checkpoint's shift"),
    officeRegionId: z.uuid().nullable().describe('the office shift (领导带班) of a village, township or county'),
    postName: z.string().describe('the checkpoint, or the region of the office'),
    day: z.string(),
    members: z.array(
      z.object({
        name: z.string(),
        role: z.enum(DUTY_ROLES),
        phone: z.string().nullable().optional(),
        volunteerId: z.uuid().nullable().optional(),
      }),
    ),
    hasLeader: z.boolean(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'DutyShift' });

export const rosterQuery = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  regionId: uuidSchema.optional(),
  checkpointId: uuidSchema.optional(),
  officeRegionId: uuidSchema.optional(),
});
export type RosterQuery = z.infer<typeof rosterQuery>;

export const rosterSchema = z
  .object({
    /** The duty day running now (shifts change at 08:00 Asia/Shanghai). */
    today: z.string(),
    shifts: z.array(shiftSchema),
    /** The township and county offices in scope, each owing a leader on duty every day. */
    offices: z.array(
      z.object({ regionId: z.uuid(), name: z.string(), level: z.enum(['county', 'township', 'village']) }),
    ),
    /** Open checkpoints and offices × days without a shift, or whose shift has no leader. */
    gaps: z.array(
      z.object({
        checkpointId: z.uuid().nullable(),
        officeRegionId: z.uuid().nullable(),
        postName: z.string(),
        day: z.string(),
        reason: z.enum(['noShift', 'noLeader']),
      }),
    ),
  })
  .meta({ id: 'DutyRoster' });

export const dutyVolunteersQuery = z
  .object({ checkpointId: uuidSchema.optional(), officeRegionId: uuidSchema.optional() })
  .refine((q) => !!q.checkpointId !== !!q.officeRegionId, { path: ['checkpointId'], message: 'dutyShift.onePost' });
export const dutyVolunteerList = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        isLeader: z.boolean(),
        skills: z.array(z.string()),
        teamName: z.string(),
        teamKind: z.string(),
        regionName: z.string(),
      }),
    ),
  })
  .meta({ id: 'DutyVolunteerList' });
