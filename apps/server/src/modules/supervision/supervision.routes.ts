import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../../auth/auth.plugin.js';
import type { ModuleOptions } from '../module-options.js';
import {
  checklistSchema,
  checklists,
  createInspectionBody,
  findingPage,
  findingSchema,
  idParams,
  inspectionDetail,
  inspectionPage,
  listFindingsQuery,
  listInspectionsQuery,
  placeKindParams,
  rectifyBody,
  reviewBody,
  updateChecklistBody,
} from './supervision.schemas.js';
import { supervisionService } from './supervision.service.js';
import {
  createGroupBody,
  listGroupsQuery,
  supervisionGroupList,
  supervisionGroupSchema,
  updateGroupBody,
} from './supervision-groups.schemas.js';
import { supervisionGroupsService } from './supervision-groups.service.js';

export const supervisionRoutes: FastifyPluginAsyncZod<ModuleOptions> = async (app, { db, now }) => {
  const service = supervisionService(db, now);
  const groups = supervisionGroupsService(db, now);
  const tags = ['supervision'];

  app.get(
    '/api/v1/supervision-groups',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary:
          'Supervision groups (督导组) of the county sent to the townships in scope, with their leader, members, townships and period',
        querystring: listGroupsQuery,
        response: { 200: supervisionGroupList },
      },
    },
    (request) => groups.list(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/supervision-groups',
    {
      config: { access: 'supervision.manage', audit: 'supervisionGroup.create' },
      schema: {
        tags,
        summary: 'Send a supervision group led by a county leader to townships (county-level accounts only)',
        body: createGroupBody,
        response: { 200: supervisionGroupSchema },
      },
    },
    (request) => groups.create(actorOf(request), request.body),
  );

  app.patch(
    '/api/v1/supervision-groups/:id',
    {
      config: { access: 'supervision.manage', audit: 'supervisionGroup.update' },
      schema: {
        tags,
        summary: 'Change a supervision group: members, townships, period (county-level accounts only)',
        params: idParams,
        body: updateGroupBody,
        response: { 200: supervisionGroupSchema },
      },
    },
    (request) => groups.update(actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/inspection-checklists',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: "The county's checklist (督查清单) for each kind of place: as edited, or the shipped defaults",
        response: { 200: checklists },
      },
    },
    (request) => service.listChecklists(actorOf(request)),
  );

  app.put(
    '/api/v1/inspection-checklists/:placeKind',
    {
      config: { access: 'supervision.manage', audit: 'inspectionChecklist.update' },
      schema: {
        tags,
        summary:
          "Replace the county's checklist for a kind of place (county-level accounts only); an item keeps its key when reworded",
        params: placeKindParams,
        body: updateChecklistBody,
        response: { 200: checklistSchema },
      },
    },
    (request) => service.updateChecklist(actorOf(request), request.params.placeKind, request.body),
  );

  app.get(
    '/api/v1/inspections',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'Inspections (督查/暗访) of places in scope, latest first',
        querystring: listInspectionsQuery,
        response: { 200: inspectionPage },
      },
    },
    (request) => service.listInspections(actorOf(request), request.query),
  );

  app.post(
    '/api/v1/inspections',
    {
      config: { access: 'inspections.record', audit: 'inspection.create' },
      schema: {
        tags,
        summary:
          'Record an inspection with its checklist answers; every failed item and every finding of its own becomes a finding addressed to its responsible region, all or nothing',
        body: createInspectionBody,
        response: { 200: inspectionDetail },
      },
    },
    (request) => service.createInspection(actorOf(request), request.body),
  );

  app.get(
    '/api/v1/inspections/:id',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'One inspection with its findings',
        params: idParams,
        response: { 200: inspectionDetail },
      },
    },
    (request) => service.getInspection(actorOf(request), request.params.id),
  );

  app.get(
    '/api/v1/findings',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'Findings (问题清单) addressed to regions in scope, open ones by deadline first',
        querystring: listFindingsQuery,
        response: { 200: findingPage },
      },
    },
    (request) => service.listFindings(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/findings/:id',
    {
      config: { access: 'inspections.read' },
      schema: {
        tags,
        summary: 'One finding with its rectification',
        params: idParams,
        response: { 200: findingSchema },
      },
    },
    (request) => service.getFinding(actorOf(request), request.params.id),
  );

  app.post(
    '/api/v1/findings/:id/rectification',
    {
      config: { access: 'findings.rectify', audit: { oneOf: ['finding.start', 'finding.report'] } },
      schema: {
        tags,
        summary: 'The responsible region starts rectifying a finding, or reports it done with the evidence (整改情况)',
        params: idParams,
        body: rectifyBody,
        response: { 200: findingSchema },
      },
    },
    (request) => service.rectify(actorOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/findings/:id/review',
    {
      config: { access: 'inspections.record', audit: { oneOf: ['finding.verify', 'finding.sendBack'] } },
      schema: {
        tags,
        summary:
          'The inspector verifies a reported rectification (closing the finding) or sends it back with the reason',
        params: idParams,
        body: reviewBody,
        response: { 200: findingSchema },
      },
    },
    (request) => service.review(actorOf(request), request.params.id, request.body),
  );
};
