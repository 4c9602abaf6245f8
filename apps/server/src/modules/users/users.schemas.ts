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
    mustChangePassword: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });

// The policy's rules (length, classes, common passwords) are checked by the service, which knows the deployment's policy.
const password = z.string().min(1, 'required').max(128, 'tooLong');

export const createUserBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, 'username.format'),
  displayName: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  password,
  role: z.enum(ROLES, 'invalidEnum'),
  regionId: z.uuid('invalidUuid'),
  phone: phoneSchema.optional(),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

// The role is not changed here: granting permissions is the security administrator's (PUT …/role).
export const updateUserBody = createUserBody
  .omit({ username: true, role: true })
  .partial()
  .extend({ disabled: z.boolean().optional() });
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const listUsersQuery = z.object({
  q: z.string().trim().max(50, 'tooLong').optional(),
  role: z.enum(ROLES).optional(),
  ...pageQuery().shape,
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const userPage = z.object({ items: z.array(userSchema), total: z.number().int() }).meta({ id: 'UserPage' });
export const assignRoleBody = z.object({ role: z.enum(ROLES, 'invalidEnum') });
export type AssignRoleBody = z.infer<typeof assignRoleBody>;

export const userIdParams = z.object({ id: z.uuid('invalidUuid') });
