import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addVolunteerBody,
  createTeamBody,
  listTeamsQuery,
  teamParams,
  volunteerParams,
  volunteerTeamList,
  volunteerTeamSchema,
} from './volunteer-teams.schemas.js';
import { volunteerTeamsService } from './volunteer-teams.service.js';

export const volunteerTeamsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  const service = volunteerTeamsService(db);
  const tags = ['volunteerTeams'];

  app.get(
    '/api/v1/volunteer-teams',
    {
      config: { access: 'regions.read' },
      schema: {
        tags,
        summary: '志愿服务队 and 党员志愿服务队 in scope with members, skills and assignments',
        querystring: listTeamsQuery,
        response: { 200: volunteerTeamList },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/volunteer-teams',
    {
      config: { access: 'volunteers.manage', audit: 'volunteerTeam.create' },
      schema: {
        tags,
        summary: 'Set up a volunteer or party-member team of a region',
        body: createTeamBody,
        response: { 200: volunteerTeamSchema },
      },
    },
    (request) => service.create(actorOf(request), request.body),
  );

  app.post(
    '/api/v1/volunteer-teams/:id/members',
    {
      config: { access: 'volunteers.manage', audit: 'volunteerTeam.memberAdd' },
      schema: {
        tags,
        summary: 'Add a volunteer with skills and where they serve',
        params: teamParams,
        body: addVolunteerBody,
        response: { 200: volunteerTeamSchema },
      },
    },
    (request) => service.addMember(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/volunteer-teams/:id/members/:volunteerId',
    {
      config: { access: 'volunteers.manage', audit: 'volunteerTeam.memberRemove' },
      schema: {
        tags,
        summary: 'Take a volunteer off a team',
        params: volunteerParams,
        response: { 200: volunteerTeamSchema },
      },
    },
    (request) => service.removeMember(actorOf(request), request.params.id, request.params.volunteerId),
  );
};
