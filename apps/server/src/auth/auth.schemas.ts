import { z } from 'zod';
import { REGION_LEVELS, ROLES } from '@fangkong/domain';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  password: z.string().min(1, 'required').max(256, 'tooLong'),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'required').max(256, 'tooLong'),
  newPassword: z.string().min(1, 'required').max(128, 'tooLong'),
});

export const passwordPolicySchema = z
  .object({
    minLength: z.number().int('invalidInteger').min(8, 'tooSmall').max(64, 'tooBig'),
    minClasses: z.number().int('invalidInteger').min(1, 'tooSmall').max(4, 'tooBig'),
    maxAgeDays: z
      .number()
      .int('invalidInteger')
      .min(0, 'tooSmall')
      .max(3650, 'tooBig')
      .describe('0: passwords never expire'),
    historyCount: z.number().int('invalidInteger').min(0, 'tooSmall').max(24, 'tooBig'),
  })
  .meta({ id: 'PasswordPolicy' });

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionId: z.uuid(),
    regionPath: z.string(),
    regionName: z.string(),
    regionLevel: z.enum(REGION_LEVELS),
  })
  .meta({ id: 'Me' });

export const sessionReply = z
  .object({
    user: meSchema,
    csrfToken: z.string(),
    passwordChange: z
      .enum(['initial', 'expired'])
      .nullable()
      .describe('set when the password must be changed before anything else'),
    lastLogin: z
      .object({ at: z.iso.datetime(), ip: z.string().nullable() })
      .nullable()
      .optional()
      .describe('the login before this one (login answer only)'),
  })
  .meta({ id: 'Session' });
