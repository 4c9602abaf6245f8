import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { actorOf } from '../../auth/auth.plugin.js';
import {
  dutyVolunteerList,
  dutyVolunteersQuery,
  officeShiftParams,
  rosterQuery,
  rosterSchema,
  saveShiftBody,
  shiftParams,
  shiftSchema,
} from './duty-shifts.schemas.js';
import { dutyShiftsService } from './duty-shifts.service.js';
import { rosterXlsx } from './duty-shifts.export.js';
import { XLSX_MIME } from '../../files/table-reader.js';
import { downloadHeaders } from '../../files/download.js';
import { audit } from '../../audit/audit.js';

export const dutyShiftsRoutes: FastifyPluginAsyncZod<{ db: Db; now: () => Date }> = async (app, { db, now }) => {
  const service = dutyShiftsService(db, now);

  app.get(
    '/api/v1/duty-shifts',
    {
      config: { access: 'checkpoints.read' },
      schema: {
        tags: ['checkpoints'],
        summary: 'The duty roster of the checkpoints and offices in scope: shifts, today, gaps',
        querystring: rosterQuery,
        response: { 200: rosterSchema },
      },
    },
    (request) => service.list(actorOf(request), request.query),
  );

  app.get(
    '/api/v1/duty-shifts/export',
    {
      config: { access: 'checkpoints.read', audit: 'dutyShift.export' },
      schema: {
        tags: ['checkpoints'],
        summary:
          'The same roster as .xlsx: a row per office and checkpoint, a column per day, the gaps marked (值班表)',
        querystring: rosterQuery,
        produces: [XLSX_MIME],
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const roster = await service.list(actor, request.query);
      // Names and phones of the people on duty leave the system: written down like every export.
      await audit(db, actor, {
        event: 'dutyShift.export',
        targetType: 'dutyShift',
        detail: { filter: request.query, shifts: roster.shifts.length },
      });
      const file = await rosterXlsx(actor, request.query, roster, now());
      return reply.headers(downloadHeaders(`值班表-${request.query.from}至${request.query.to}.xlsx`)).send(file);
    },
  );

  app.get(
    '/api/v1/duty-shifts/volunteers',
    {
      config: { access: 'checkpoints.read' },
      schema: {
        tags: ['checkpoints'],
        summary:
          "The members of the volunteer teams in scope who may be put on a checkpoint's or an office's shift (name, team, skills; no phones)",
        querystring: dutyVolunteersQuery,
        response: { 200: dutyVolunteerList },
      },
    },
    (request) => service.volunteersFor(actorOf(request), request.query),
  );

  app.put(
    '/api/v1/checkpoints/:id/duty-shifts/:day',
    {
      config: { access: 'checkpoints.manage', audit: 'dutyShift.save' },
      schema: {
        tags: ['checkpoints'],
        summary: 'Set the people and roles of one 24-hour shift (08:00 to 08:00)',
        params: shiftParams,
        body: saveShiftBody,
        response: { 200: shiftSchema },
      },
    },
    (request) => service.save(actorOf(request), request.params.id, request.params.day, request.body),
  );

  app.put(
    '/api/v1/offices/:regionId/duty-shifts/:day',
    {
      config: { access: 'dutyShifts.manageOffice', audit: 'dutyShift.save' },
      schema: {
        tags: ['checkpoints'],
        summary:
          '领导带班: set the leader and staff on duty at a village, township or county office for one duty day (08:00 to 08:00)',
        params: officeShiftParams,
        body: saveShiftBody,
        response: { 200: shiftSchema },
      },
    },
    (request) => service.saveOffice(actorOf(request), request.params.regionId, request.params.day, request.body),
  );
};
