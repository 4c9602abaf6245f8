import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import { fileIdParams as params } from '../key-person-file/key-person-file.schemas.js';
import {
  addIncidentBody,
  incidentList,
  incidentPage,
  incidentParams,
  listIncidentsQuery,
  updateIncidentBody,
} from './key-person-incidents.schemas.js';
import { keyPersonIncidentsService } from './key-person-incidents.service.js';

export const keyPersonIncidentsRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = keyPersonIncidentsService(db, now);
  const tags = ['keyPersons'];

  app.get(
    '/api/v1/key-person-incidents',
    {
      config: { access: 'keyPersons.read' },
      schema: {
        tags,
        summary:
          'Non-compliance incidents (不配合/违反居家隔离) in scope, latest first: by region, when they happened, when handed to the police',
        querystring: listIncidentsQuery,
        response: { 200: incidentPage },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/key-persons/:id/incidents',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: "The key person's non-compliance incidents, latest first (audited)",
        params,
        response: { 200: incidentList },
      },
    },
    (request) => service.forFile(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/key-persons/:id/incidents',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.incidentAdd', 'person.view'] },
      schema: {
        tags,
        summary:
          'Record an incident (left home, refused checks …): when, who saw it; with the notice, the hand-over to the police station and the outcome when known; a replayed id changes nothing',
        params,
        body: addIncidentBody,
        response: { 200: incidentList },
      },
    },
    (request) => service.add(actorOf(request), request.params.id, request.body),
  );

  app.patch(
    '/api/v1/key-persons/:id/incidents/:incidentId',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.incidentUpdate', 'person.view'] },
      schema: {
        tags,
        summary:
          'Record what followed an incident: the notice handed over, the hand-over to the police station, the outcome',
        params: incidentParams,
        body: updateIncidentBody,
        response: { 200: incidentList },
      },
    },
    (request) => service.update(actorOf(request), request.params.id, request.params.incidentId, request.body),
  );
};
