import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addMemberBody,
  commandUnitList,
  commandUnitSchema,
  createUnitBody,
  listUnitsQuery,
  memberParams,
  unitParams,
} from './command.schemas.js';
import { commandService } from './command.service.js';

export const commandRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  const service = commandService(db);
  const tags = ['command'];

  app.get(
    '/api/v1/command-units',
    {
      config: { access: 'regions.read' },
      schema: {
        tags,
        summary:
          'The command structure in scope: headquarters, office, working groups and 战区 with members and duties',
        querystring: listUnitsQuery,
        response: { 200: commandUnitList },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/command-units',
    {
      config: { access: 'command.manage', audit: 'command.create' },
      schema: {
        tags,
        summary: 'Set up a headquarters, its office, a working group (专责组) or a 战区 covering townships',
        body: createUnitBody,
        response: { 200: commandUnitSchema },
      },
    },
    (request) => service.create(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/command-units/:id/members',
    {
      config: { access: 'command.manage', audit: 'command.memberAdd' },
      schema: {
        tags,
        summary: 'Add a member with their position',
        params: unitParams,
        body: addMemberBody,
        response: { 200: commandUnitSchema },
      },
    },
    (request) => service.addMember(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/command-units/:id/members/:memberId',
    {
      config: { access: 'command.manage', audit: 'command.memberRemove' },
      schema: { tags, summary: 'Take a member off a unit', params: memberParams, response: { 200: commandUnitSchema } },
    },
    (request) => service.removeMember(actorOf(request), request.params.id, request.params.memberId),
  );
};
