import { z } from 'zod';
import { ROLES, phoneSchema, pageQuery } from '@fangkong/domain';

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionId: z.uuid(),
    regionName: z.string(),
    regionPath: z.string(),
    phone: z.string().nullable().describe('masked'),
    disabled: z.boolean(),
    lockedUntil: z.iso.datetime().nullable(),
    lastLoginAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

const password = z.string().min(8, 'password.tooShort').max(128, 'tooLong');

export const createUserBody = z.object({
  username: z.string().trim().regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username.format'),
  displayName: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  password,
  role: z.enum(ROLES, 'invalidEnum'),
  regionId: z.uuid('invalidUuid'),
  phone: phoneSchema.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

export const updateUserBody = createUserBody.omit({ username: true }).partial().extend({ disabled: z.boolean().optional() });
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const listUsersQuery = z.object({
  q: z.string().trim().max(50, 'tooLong').optional(),
  role: z.enum(ROLES).optional(),
  ...pageQuery().shape,
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userPage = z.object({ items: z.array(userSchema), total: z.number().int() }).meta({ id: 'UserPage' });
export const userIdParams = z.object({ id: z.uuid('invalidUuid') });
