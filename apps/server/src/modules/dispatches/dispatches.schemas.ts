import { z } from 'zod';
import { DISPATCH_STATUSES, pageQuerySchema, uuidSchema } from '@fangkong/domain';

export const dispatchSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string().nullable(),
    deadline: z.iso.datetime(),
    status: z.enum(DISPATCH_STATUSES),
    overdue: z.boolean().describe('still open past its deadline'),
    fromName: z.string().describe('the sender'),
    fromRegionName: z.string(),
    toRegionId: z.uuid(),
    toRegionName: z.string(),
    toUnitId: z.uuid().nullable(),
    toUnitName: z.string().nullable(),
    reply: z.string().nullable(),
    repliedAt: z.iso.datetime().nullable(),
    repliedByName: z.string().nullable(),
    closedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    canReply: z.boolean(),
    canClose: z.boolean(),
  })
  .meta({ id: 'Dispatch' });
export const dispatchPage = z
  .object({ items: z.array(dispatchSchema), total: z.number().int() })
  .meta({ id: 'DispatchPage' });

export const listDispatchesQuery = pageQuerySchema.extend({
  box: z
    .enum(['inbox', 'outbox'], 'invalidEnum')
    .default('inbox')
    .describe("inbox: handed to the caller's region or its units; outbox: sent from it"),
  status: z.enum(DISPATCH_STATUSES, 'invalidEnum').optional(),
});
export type ListDispatchesQuery = z.infer<typeof listDispatchesQuery>;

export const createDispatchBody = z
  .object({
    id: uuidSchema.optional().describe('client-made; a replay returns the same task'),
    toRegionId: uuidSchema.optional().describe("a region below the sender's"),
    toUnitId: uuidSchema.optional().describe("a working group or 战区 in the sender's scope"),
    title: z.string().trim().min(1, 'required').max(200, 'tooLong'),
    body: z.string().trim().max(4000, 'tooLong').optional(),
    deadline: z.iso.datetime({ offset: true, error: 'invalidDate' }),
  })
  .refine((b) => !!b.toRegionId !== !!b.toUnitId, { message: 'dispatch.target', path: ['toRegionId'] });
export type CreateDispatchBody = z.infer<typeof createDispatchBody>;
export const replyBody = z.object({ reply: z.string().trim().min(1, 'required').max(4000, 'tooLong') });
export const followUpBody = z.object({
  action: z
    .enum(['close', 'return'], 'invalidEnum')
    .describe('close: done; return: the reply is not enough, open again'),
});
export const idParams = z.object({ id: uuidSchema });
