import { futureDateError } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { contactLink, keyPersonNotice, keyPersonService, person, trajectoryStop } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound, type FieldError } from '../../http/problem.js';
import type {
  AddContactBody,
  AddNoticeBody,
  AddServiceBody,
  AddTrajectoryStopBody,
} from './key-person-file.schemas.js';
import {
  selectContactGraph,
  selectFileInScope,
  selectNotices,
  selectPersonInScope,
  selectServices,
  selectTrajectory,
} from './key-person-file.queries.js';
import { raiseContactLead, selectHouseholdMembers } from './key-person-file.contact-leads.js';

/** Trajectory, close contacts, services and notices of a key-person file: scoped through the file, every read and write audited. */
export function keyPersonFileService(db: Db, now: () => Date) {
  async function file(actor: Actor, id: string) {
    const kp = await selectFileInScope(db, actor, id);
    if (!kp) throw notFound();
    return kp;
  }

  /** Dates of things that happened: none after today (in Asia/Shanghai). */
  function past(fields: Record<string, string | undefined>) {
    const at = now();
    const errors: FieldError[] = Object.entries(fields)
      .filter(([, d]) => d !== undefined && futureDateError(d, at) !== null)
      .map(([field]) => ({ field, key: 'keyPersonFile.future' }));
    if (errors.length) throw invalid(errors);
  }

  async function viewed(actor: Actor, kp: { id: string; regionPath: string }, part: string) {
    await audit(db, actor, {
      event: 'person.view',
      targetType: 'keyPerson',
      targetId: kp.id,
      regionPath: kp.regionPath,
      detail: { part },
    });
  }

  async function trajectory(actor: Actor, id: string) {
    const kp = await file(actor, id);
    await viewed(actor, kp, 'trajectory');
    return selectTrajectory(db, id);
  }

  async function addTrajectoryStop(actor: Actor, id: string, body: AddTrajectoryStopBody) {
    const kp = await file(actor, id);
    past({ startDate: body.startDate, endDate: body.endDate });
    if (body.endDate && body.endDate < body.startDate) throw invalid([{ field: 'endDate', key: 'dateRange.order' }]);
    await db.transaction(async (tx) => {
      const stopId = body.id ?? uuidv7();
      const inserted = await tx
        .insert(trajectoryStop)
        .values({
          id: stopId,
          keyPersonId: id,
          regionPath: kp.regionPath,
          place: body.place,
          startDate: body.startDate,
          endDate: body.endDate ?? null,
          transport: body.transport ?? null,
          transportDetail: body.transportDetail ?? null,
          note: body.note ?? null,
          createdBy: actor.userId || null,
        })
        .onConflictDoNothing()
        .returning({ id: trajectoryStop.id });
      if (inserted.length)
        await audit(tx, actor, {
          event: 'keyPerson.trajectoryAdd',
          targetType: 'keyPerson',
          targetId: id,
          regionPath: kp.regionPath,
          detail: { place: body.place, startDate: body.startDate },
        });
    });
    return trajectory(actor, id);
  }

  async function contacts(actor: Actor, id: string) {
    const kp = await file(actor, id);
    await viewed(actor, kp, 'contacts');
    return selectContactGraph(db, actor, kp.personId);
  }

  async function addContact(actor: Actor, id: string, body: AddContactBody) {
    const kp = await file(actor, id);
    if (body.contactPersonId === kp.personId) throw invalid([{ field: 'contactPersonId', key: 'contact.self' }]);
    if (body.contactPersonId && !(await selectPersonInScope(db, actor, body.contactPersonId)))
      throw invalid([{ field: 'contactPersonId', key: 'notFound' }]);
    past({ lastContactDate: body.lastContactDate });
    const raised = await db.transaction(async (tx) => {
      let contactPersonId = body.contactPersonId;
      if (body.newPerson) {
        contactPersonId = uuidv7();
        await tx.insert(person).values({
          id: contactPersonId,
          name: body.newPerson.name,
          phone: body.newPerson.phone ?? null,
          regionId: kp.regionId,
          regionPath: kp.regionPath,
        });
        await audit(tx, actor, {
          event: 'person.create',
          targetType: 'person',
          targetId: contactPersonId,
          regionPath: kp.regionPath,
          detail: { asContactOf: id, withIdNumber: false },
        });
      }
      const inserted = await tx
        .insert(contactLink)
        .values({
          id: uuidv7(),
          personId: kp.personId,
          contactPersonId: contactPersonId!,
          regionPath: kp.regionPath,
          relation: body.relation,
          lastContactDate: body.lastContactDate,
          note: body.note ?? null,
          createdBy: actor.userId || null,
        })
        .onConflictDoNothing()
        .returning({ id: contactLink.id });
      if (!inserted.length) throw conflict('contactPersonId', 'contact.duplicate');
      await audit(tx, actor, {
        event: 'keyPerson.contactAdd',
        targetType: 'keyPerson',
        targetId: id,
        regionPath: kp.regionPath,
        detail: { contactPersonId, relation: body.relation, lastContactDate: body.lastContactDate },
      });
      return body.needsManagement || body.openFile
        ? raiseContactLead(tx, actor, kp, contactPersonId!, body, now())
        : { leadId: null, keyPersonId: null };
    });
    return { ...(await contacts(actor, id)), ...raised };
  }

  async function householdMembers(actor: Actor, id: string) {
    const kp = await file(actor, id);
    await viewed(actor, kp, 'householdMembers');
    return selectHouseholdMembers(db, actor, kp.personId);
  }

  async function services(actor: Actor, id: string) {
    const kp = await file(actor, id);
    await viewed(actor, kp, 'services');
    return selectServices(db, id);
  }

  async function addService(actor: Actor, id: string, body: AddServiceBody) {
    const kp = await file(actor, id);
    past({ date: body.date });
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(keyPersonService)
        .values({
          id: body.id ?? uuidv7(),
          keyPersonId: id,
          regionPath: kp.regionPath,
          kind: body.kind,
          date: body.date,
          deliveredBy: body.deliveredBy,
          note: body.note ?? null,
          createdBy: actor.userId || null,
        })
        .onConflictDoNothing()
        .returning({ id: keyPersonService.id });
      if (inserted.length)
        await audit(tx, actor, {
          event: 'keyPerson.serviceAdd',
          targetType: 'keyPerson',
          targetId: id,
          regionPath: kp.regionPath,
          detail: { kind: body.kind, date: body.date },
        });
    });
    return services(actor, id);
  }

  async function notices(actor: Actor, id: string) {
    const kp = await file(actor, id);
    await viewed(actor, kp, 'notices');
    return selectNotices(db, id);
  }

  async function addNotice(actor: Actor, id: string, body: AddNoticeBody) {
    const kp = await file(actor, id);
    past({ date: body.date });
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(keyPersonNotice)
        .values({
          id: body.id ?? uuidv7(),
          keyPersonId: id,
          regionPath: kp.regionPath,
          kind: body.kind,
          date: body.date,
          handedBy: body.handedBy,
          outcome: body.outcome,
          note: body.note ?? null,
          createdBy: actor.userId || null,
        })
        .onConflictDoNothing()
        .returning({ id: keyPersonNotice.id });
      if (inserted.length)
        await audit(tx, actor, {
          event: 'keyPerson.noticeAdd',
          targetType: 'keyPerson',
          targetId: id,
          regionPath: kp.regionPath,
          detail: { kind: body.kind, date: body.date, outcome: body.outcome },
        });
    });
    return notices(actor, id);
  }

  return {
    trajectory,
    addTrajectoryStop,
    contacts,
    addContact,
    householdMembers,
    services,
    addService,
    notices,
    addNotice,
  };
}
