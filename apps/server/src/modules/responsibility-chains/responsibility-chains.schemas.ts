import { z } from 'zod';
import { CHAIN_DUTIES, ESCALATION_KINDS, SLOTS, pageQuerySchema, phoneSchema, uuidSchema } from '@fangkong/domain';

export const chainMemberSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    duty: z.enum(CHAIN_DUTIES),
    name: z.string(),
    phone: z.string().nullable(),
    userId: z.uuid().nullable(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ChainMember' });

export const chainSchema = z
  .object({
    regionId: z.uuid(),
    members: z.array(chainMemberSchema).describe("the region's own chain"),
    above: z
      .array(chainMemberSchema)
      .describe("the chains of the regions above it, within the caller's scope, nearest first"),
  })
  .meta({ id: 'ResponsibilityChain' });

export const addChainMemberBody = z.object({
  duty: z.enum(CHAIN_DUTIES, 'invalidEnum'),
  name: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  phone: phoneSchema.optional(),
  userId: uuidSchema.optional().describe('their account, of this region or one above it'),
  note: z.string().trim().max(200, 'tooLong').optional(),
});
export type AddChainMemberBody = z.infer<typeof addChainMemberBody>;

export const regionParams = z.object({ id: uuidSchema });
export const memberParams = z.object({ id: uuidSchema, memberId: uuidSchema });

export const escalationSchema = z
  .object({
    kind: z.enum(ESCALATION_KINDS),
    id: z.uuid().describe('the check alert, lead or triage task'),
    keyPersonId: z.uuid().nullable(),
    name: z.string().describe('the person concerned'),
    regionId: z.uuid(),
    regionName: z.string(),
    since: z.iso.datetime().describe('overdue since'),
    day: z.string().nullable(),
    slot: z.enum(SLOTS).nullable(),
    answerable: chainMemberSchema
      .nullable()
      .describe(
        'who answers for it: the nearest chain member with the duty, up from the region; null is a gap in the chain',
      ),
  })
  .meta({ id: 'Escalation' });
export const escalationPage = z
  .object({ items: z.array(escalationSchema), total: z.number().int() })
  .meta({ id: 'EscalationPage' });
export const listEscalationsQuery = pageQuerySchema.extend({ regionId: uuidSchema.optional() });
export type ListEscalationsQuery = z.infer<typeof listEscalationsQuery>;
