import { z } from 'zod';
import { isoDateSchema } from '@fangkong/domain';

export const remindBody = z.object({
  reportDate: isoDateSchema,
  regionIds: z
    .array(z.uuid('invalidUuid'))
    .min(1, 'required')
    .max(500, 'tooBig')
    .optional()
    .describe(
      'the villages or townships to remind; without it, every reporter directly below the caller still missing for the day',
    ),
  message: z.string().trim().max(200, 'tooLong').optional().nullable(),
});
export type RemindBody = z.infer<typeof remindBody>;

const reminded = z.object({ regionId: z.uuid(), name: z.string() });
export const remindResultSchema = z
  .object({
    reminded: z.array(reminded),
    skipped: z.array(reminded.extend({ reason: z.enum(['submitted', 'recentlyReminded']) })),
  })
  .meta({ id: 'ReportRemindResult' });

export const remindersQuery = z.object({
  reportDate: isoDateSchema,
  regionId: z
    .uuid('invalidUuid')
    .optional()
    .describe("the region at or below which to list reminders; the caller's own by default"),
});
export const remindersSchema = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        regionId: z.uuid(),
        regionName: z.string(),
        reportDate: z.string(),
        sentAt: z.iso.datetime(),
        sentByName: z.string().nullable().describe('null when the system sent it before the deadline'),
        message: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'ReportReminders' });
