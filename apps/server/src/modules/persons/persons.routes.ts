import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import { duplicatePage, mergePersonBody, createPersonBody, listPersonsQuery, movePersonBody, personDetail, personFull, personIdParams, personPage, personSchema, updatePersonBody } from './persons.schemas.js';
import { personsService } from './persons.service.js';
import { duplicatesService } from './duplicates.service.js';
import { pageQuerySchema } from '@fangkong/domain';

export const personsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  const service = personsService(db);
  const duplicates = duplicatesService(db);

  app.get('/api/v1/persons/duplicates', {
    config: { access: 'persons.manage' },
    schema: { tags: ['persons'], summary: 'Likely duplicates without an ID number, for a cadre to merge', querystring: pageQuerySchema, response: { 200: duplicatePage } },
  }, (request) => duplicates.list(actorOf(request), request.query));

  app.post('/api/v1/persons/:id/merge', {
    config: { access: 'persons.manage' },
    schema: { tags: ['persons'], summary: 'Merge a duplicate into this person: every link moves here, audited', params: personIdParams, body: mergePersonBody, response: { 200: personDetail } },
  }, async (request) => {
    await duplicates.merge(actorOf(request), request.params.id, request.body.duplicateId);
    return service.get(actorOf(request), request.params.id);
  });

  app.get('/api/v1/persons', {
    config: { access: 'persons.read' },
    schema: { tags: ['persons'], summary: 'Persons in scope (masked): search by name, ID number or its last digits, phone', querystring: listPersonsQuery, response: { 200: personPage } },
  }, (request) => service.list(actorOf(request), request.query));

  app.get('/api/v1/persons/:id', {
    config: { access: 'persons.read' },
    schema: { tags: ['persons'], summary: 'One person (masked) with household moves, visits and leads', params: personIdParams, response: { 200: personDetail } },
  }, (request) => service.get(actorOf(request), request.params.id));

  app.get('/api/v1/persons/:id/full', {
    config: { access: 'persons.readFull' },
    schema: { tags: ['persons'], summary: 'The unmasked ID number, phone and address of a person (audited)', params: personIdParams, response: { 200: personFull } },
  }, (request) => service.full(actorOf(request), request.params.id));

  app.post('/api/v1/persons', {
    config: { access: 'persons.manage' },
    schema: {
      tags: ['persons'],
      summary: 'Register a person; an ID number already registered (or a replayed id) answers 200 with that record',
      body: createPersonBody,
      response: { 200: personSchema, 201: personSchema },
    },
  }, async (request, reply) => {
    const { created, person } = await service.create(actorOf(request), request.body);
    return reply.status(created ? 201 : 200).send(person);
  });

  app.patch('/api/v1/persons/:id', {
    config: { access: 'persons.manage' },
    schema: { tags: ['persons'], summary: 'Change a person', params: personIdParams, body: updatePersonBody, response: { 200: personDetail } },
  }, (request) => service.update(actorOf(request), request.params.id, request.body));

  app.post('/api/v1/persons/:id/move', {
    config: { access: 'persons.manage' },
    schema: { tags: ['persons'], summary: 'Move a person to another household, keeping the history', params: personIdParams, body: movePersonBody, response: { 200: personDetail } },
  }, (request) => service.move(actorOf(request), request.params.id, request.body));
};
