import { z } from 'zod';
import { REGION_LEVELS, ROLES } from '@fangkong/domain';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'required').max(64, 'tooLong'),
  password: z.string().min(1, 'required').max(256, 'tooLong'),
});

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

export const sessionReply = z.object({ user: meSchema, csrfToken: z.string() }).meta({ id: 'Session' });
