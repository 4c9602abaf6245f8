import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { createUserBody, listUsersQuery, updateUserBody, userIdParams, userPage, userSchema } from './users.schemas.js';
import { usersService } from './users.service.js';

export const usersRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const service = usersService(db);

  app.get('/api/v1/users', {
    config: { access: 'users.read' },
    schema: { tags: ['users'], summary: 'Users in scope', querystring: listUsersQuery, response: { 200: userPage } },
  }, (request) => service.list(actorOf(request), request.query));

  app.get('/api/v1/users/:id', {
    config: { access: 'users.read' },
    schema: { tags: ['users'], summary: 'One user', params: userIdParams, response: { 200: userSchema } },
  }, (request) => service.get(actorOf(request), request.params.id));

  app.post('/api/v1/users', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: 'Create a user with a role and a region scope', body: createUserBody, response: { 201: userSchema } },
  }, async (request, reply) => reply.status(201).send(await service.create(actorOf(request), request.body)));

  app.patch('/api/v1/users/:id', {
    config: { access: 'users.manage' },
    schema: { tags: ['users'], summary: 'Change, disable, unlock or reset the password of a user', params: userIdParams, body: updateUserBody, response: { 200: userSchema } },
  }, (request) => service.update(actorOf(request), request.params.id, request.body));
};
