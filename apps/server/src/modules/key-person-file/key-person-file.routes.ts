import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  addContactBody,
  addNoticeBody,
  addServiceBody,
  addTrajectoryStopBody,
  contactAdded,
  contactGraphSchema,
  householdMemberSchema,
  fileIdParams as params,
  noticeSchema,
  serviceSchema,
  trajectoryStopSchema,
} from './key-person-file.schemas.js';
import { keyPersonFileService } from './key-person-file.service.js';

export const keyPersonFileRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = keyPersonFileService(db, now);
  const tags = ['keyPersons'];
  const trajectory = z.array(trajectoryStopSchema);
  const services = z.array(serviceSchema);
  const notices = z.array(noticeSchema);

  app.get(
    '/api/v1/key-persons/:id/trajectory',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: "The key person's trajectory (活动轨迹), oldest first (audited)",
        params,
        response: { 200: trajectory },
      },
    },
    (request) => service.trajectory(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/key-persons/:id/trajectory',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.trajectoryAdd', 'person.view'] },
      schema: {
        tags,
        summary: 'Add a place to the trajectory; a replayed id changes nothing',
        params,
        body: addTrajectoryStopBody,
        response: { 200: trajectory },
      },
    },
    (request) => service.addTrajectoryStop(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/key-persons/:id/contacts',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: "Close contacts two hops out, as a graph; persons outside the caller's scope are masked (audited)",
        params,
        response: { 200: contactGraphSchema },
      },
    },
    (request) => service.contacts(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/key-persons/:id/contacts',
    {
      config: {
        access: 'keyPersons.manage',
        // A new person or a registered one; with openFile, the file opened and its lead verified.
        audit: {
          oneOf: [
            ['keyPerson.contactAdd', 'person.view'],
            ['keyPerson.contactAdd', 'person.create', 'person.view'],
            ['keyPerson.contactAdd', 'person.view', 'keyPerson.create', 'lead.verify'],
            ['keyPerson.contactAdd', 'person.create', 'person.view', 'keyPerson.create', 'lead.verify'],
          ],
        },
      },
      schema: {
        tags,
        summary:
          'Link a close contact: a registered person, or a new one created with name and phone; one who needs management becomes a lead in their region with this key person as source (or a file at once, with openFile)',
        params,
        body: addContactBody,
        response: { 200: contactAdded },
      },
    },
    (request) => service.addContact(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/key-persons/:id/household-members',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: "The key person's household members in scope, proposed as close contacts (audited)",
        params,
        response: { 200: z.array(householdMemberSchema) },
      },
    },
    (request) => service.householdMembers(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/key-persons/:id/services',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: 'Services delivered (代购生活用品, 心理疏导, medical), newest first (audited)',
        params,
        response: { 200: services },
      },
    },
    (request) => service.services(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/key-persons/:id/services',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.serviceAdd', 'person.view'] },
      schema: {
        tags,
        summary: 'Record a service delivered; a replayed id changes nothing',
        params,
        body: addServiceBody,
        response: { 200: services },
      },
    },
    (request) => service.addService(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/key-persons/:id/notices',
    {
      config: { access: 'keyPersons.read', audit: 'person.view' },
      schema: {
        tags,
        summary: 'Notices handed over (告知书), signed or refused, newest first (audited)',
        params,
        response: { 200: notices },
      },
    },
    (request) => service.notices(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/key-persons/:id/notices',
    {
      config: { access: 'keyPersons.manage', audit: ['keyPerson.noticeAdd', 'person.view'] },
      schema: {
        tags,
        summary:
          'Record a notice handed over (居家隔离医学观察告知书, 拒绝隔离处罚告知书); a replayed id changes nothing',
        params,
        body: addNoticeBody,
        response: { 200: notices },
      },
    },
    (request) => service.addNotice(actorOf(request), request.params.id, request.body),
  );
};
