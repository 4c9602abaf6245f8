import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addChainMemberBody,
  chainSchema,
  escalationPage,
  listEscalationsQuery,
  memberParams,
  regionParams,
} from './responsibility-chains.schemas.js';
import { responsibilityChainsService } from './responsibility-chains.service.js';

export const responsibilityChainsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db }) => {
  const service = responsibilityChainsService(db);
  const tags = ['responsibilityChains'];

  app.get(
    '/api/v1/regions/:id/responsibility-chain',
    {
      config: { access: 'regions.read' },
      schema: {
        tags,
        summary:
          '包保责任链 of a region: its leader, cadre, police officer and medical staff, and those of the regions above',
        params: regionParams,
        response: { 200: chainSchema },
      },
    },
    (request) => service.get(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/regions/:id/responsibility-chain',
    {
      config: { access: 'chains.manage', audit: 'chain.add' },
      schema: {
        tags,
        summary: 'Name a person of the chain (包片/包村/包段/包户)',
        params: regionParams,
        body: addChainMemberBody,
        response: { 200: chainSchema },
      },
    },
    (request) => service.add(actorOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/regions/:id/responsibility-chain/:memberId',
    {
      config: { access: 'chains.manage', audit: 'chain.remove' },
      schema: { tags, summary: 'Take a person off the chain', params: memberParams, response: { 200: chainSchema } },
    },
    (request) => service.remove(actorOf(request), request.params.id, request.params.memberId),
  );

  app.get(
    '/api/v1/escalations',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags,
        summary:
          'Open escalations (missed checks past the grid worker, overdue leads, unanswered fevers), each with the named person it goes to',
        querystring: listEscalationsQuery,
        response: { 200: escalationPage },
      },
    },
    (request) => service.escalations(actorOf(request), request.query),
  );
};
