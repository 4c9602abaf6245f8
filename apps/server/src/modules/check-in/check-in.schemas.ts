import { z } from 'zod';
import { SLOTS, SYMPTOMS, temperatureSchema, uniqueList, uuidSchema } from '@fangkong/domain';

export const checkInLinkSchema = z
  .object({
    token: z.string().describe('shown once; only its hash is stored'),
    path: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'CheckInLink' });

export const checkInStateSchema = z
  .object({
    name: z.string().describe('masked: the family name only'),
    day: z.number().int(),
    totalDays: z.number().int(),
    today: z.string(),
    slots: z.array(
      z.object({
        slot: z.enum(SLOTS),
        opens: z.string(),
        closes: z.string(),
        state: z.enum(['future', 'open', 'closed']),
        done: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'CheckInState' });

export const selfCheckBody = z.object({
  temperature: temperatureSchema,
  symptoms: uniqueList(z.enum(SYMPTOMS, 'invalidEnum')).default([]),
});
export type SelfCheckBody = z.infer<typeof selfCheckBody>;
export const selfCheckResult = z
  .object({ day: z.string(), slot: z.enum(SLOTS), temperature: z.number(), triage: z.boolean() })
  .meta({ id: 'SelfCheckResult' });

/** 43 base64url characters: 256 random bits. */
export const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'checkIn.invalidToken') });
export const idParams = z.object({ id: uuidSchema });
