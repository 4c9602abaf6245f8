import { z } from 'zod';
import { ROLES, pageQuery } from '@fangkong/domain';

export const onlineSessionSchema = z
  .object({
    id: z.string().describe("the session's id (a hash of its cookie, useless as a cookie)"),
    userId: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionName: z.string(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    current: z.boolean().describe("the caller's own session"),
  })
  .meta({ id: 'OnlineSession' });

export const onlineSessionPage = z
  .object({ items: z.array(onlineSessionSchema), total: z.number().int() })
  .meta({ id: 'OnlineSessionPage' });
export const listSessionsQuery = z.object({ q: z.string().trim().max(50, 'tooLong').optional(), ...pageQuery().shape });
export type ListSessionsQuery = z.infer<typeof listSessionsQuery>;
export const sessionIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'invalid') });
