import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ModuleOptions } from '../module-options.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  assignRoleBody,
  createUserBody,
  listUsersQuery,
  updateUserBody,
  userIdParams,
  userPage,
  userSchema,
} from './users.schemas.js';
import { usersService } from './users.service.js';
import { z } from 'zod';
import { Problem } from '../../http/problem.js';
import { CSV_MIME, XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import { importUsers, userTemplateXlsx } from './users.import.js';

const importUsersResult = z
  .object({
    created: z.number().int(),
    users: z.array(
      z.object({
        row: z.number().int(),
        username: z.string(),
        displayName: z.string(),
        initialPassword: z.string().describe('shown this once; hand it to the person'),
      }),
    ),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'UserImportResult' });

export const usersRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = usersService(db, app.passwordPolicy, now);

  app.get(
    '/api/v1/users',
    {
      config: { access: 'users.read' },
      schema: { tags: ['users'], summary: 'Users in scope', querystring: listUsersQuery, response: { 200: userPage } },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/users/:id',
    {
      config: { access: 'users.read' },
      schema: { tags: ['users'], summary: 'One user', params: userIdParams, response: { 200: userSchema } },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/users',
    {
      config: { access: 'users.manage', audit: 'user.create' },
      schema: {
        tags: ['users'],
        summary: 'Create a user with a role and a region scope',
        body: createUserBody,
        response: { 201: userSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)),
  );

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users.manage', audit: 'user.update' },
      schema: {
        tags: ['users'],
        summary:
          'Change, disable, unlock or reset the password of a user (a reset password must be changed at the next login)',
        params: userIdParams,
        body: updateUserBody,
        response: { 200: userSchema },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/users/:id/role',
    {
      config: { access: 'roles.assign', audit: 'user.roleAssign' },
      schema: {
        tags: ['users'],
        summary: 'Grant a user their one role (security administrator; ends their sessions)',
        params: userIdParams,
        body: assignRoleBody,
        response: { 200: userSchema },
      },
    },
    (request) => service.assignRole(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/users/import-template',
    {
      config: { access: 'users.manage', audit: false },
      schema: {
        tags: ['users'],
        summary: 'The user import template (.xlsx): 姓名, 手机号, 角色, 区划代码, 网格, 用户名',
        produces: [XLSX_MIME],
      },
    },
    async (_request, reply) => reply.headers(downloadHeaders('用户导入模板.xlsx')).send(await userTemplateXlsx()),
  );

  app.post(
    '/api/v1/users/import',
    {
      config: { access: 'users.manage', audit: 'user.import' },
      schema: {
        tags: ['users'],
        summary:
          'Create users from the template, each with a one-time initial password (grid workers join their grid); all rows or none',
        consumes: [CSV_MIME, XLSX_MIME],
        body: z.any().meta({ type: 'string', format: 'binary' }),
        response: { 200: importUsersResult },
      },
    },
    async (request) => {
      if (!Buffer.isBuffer(request.body)) throw new Problem(415, 'unsupportedMediaType');
      return importUsers(db, actorOf(request), request.body, request.headers['content-type'] ?? '');
    },
  );
};
