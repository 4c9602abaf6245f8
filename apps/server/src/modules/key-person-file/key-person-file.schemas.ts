import { z } from 'zod';
import {
  CONTACT_RELATIONS,
  KEY_PERSON_STATUSES,
  MEASURES,
  NOTICE_KINDS,
  NOTICE_OUTCOMES,
  SERVICE_KINDS,
  TRANSPORT_MODES,
  isoDateSchema,
  phoneSchema,
  uuidSchema,
} from '@fangkong/domain';

const note = z.string().trim().max(500, 'tooLong').optional();
const name = z.string().trim().min(1, 'required').max(50, 'tooLong');

export const trajectoryStopSchema = z
  .object({
    id: z.uuid(),
    place: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    transport: z.enum(TRANSPORT_MODES).nullable(),
    transportDetail: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'TrajectoryStop' });

export const addTrajectoryStopBody = z.object({
  id: uuidSchema.optional().describe('client-made UUIDv7; a replay returns the trajectory unchanged'),
  place: z.string().trim().min(1, 'required').max(200, 'tooLong'),
  startDate: isoDateSchema,
  endDate: isoDateSchema.optional(),
  transport: z.enum(TRANSPORT_MODES, 'invalidEnum').optional(),
  transportDetail: z.string().trim().max(100, 'tooLong').optional().describe('flight or train number, plate, seat'),
  note,
});
export type AddTrajectoryStopBody = z.infer<typeof addTrajectoryStopBody>;

export const contactNodeSchema = z
  .object({
    personId: z.uuid(),
    name: z.string().describe("masked outside the caller's scope"),
    phone: z.string().nullable().describe('masked'),
    inScope: z.boolean(),
    hop: z.number().int().describe('0: the key person; 1: a direct contact; 2: a contact of a contact'),
    keyPersonId: z.uuid().nullable().describe("the person's latest key-person file, when in scope"),
    keyPersonStatus: z.enum(KEY_PERSON_STATUSES).nullable(),
  })
  .meta({ id: 'ContactNode' });

export const contactLinkSchema = z
  .object({
    id: z.uuid(),
    source: z.uuid(),
    target: z.uuid(),
    relation: z.enum(CONTACT_RELATIONS),
    lastContactDate: z.string(),
    note: z.string().nullable(),
  })
  .meta({ id: 'ContactLink' });

export const contactGraphSchema = z
  .object({ nodes: z.array(contactNodeSchema), links: z.array(contactLinkSchema) })
  .meta({ id: 'ContactGraph' });

export const addContactBody = z
  .object({
    contactPersonId: uuidSchema.optional().describe("a person of the register, in the caller's scope"),
    newPerson: z
      .object({ name, phone: phoneSchema.optional() })
      .optional()
      .describe("a contact not yet in the register: created in the key person's region"),
    relation: z.enum(CONTACT_RELATIONS, 'invalidEnum'),
    lastContactDate: isoDateSchema,
    note,
    needsManagement: z
      .boolean()
      .optional()
      .describe("raise a lead in the contact's region with this key person as its source (密接追踪)"),
    openFile: z
      .object({ measure: z.enum(MEASURES, 'invalidEnum'), startDate: isoDateSchema })
      .optional()
      .describe('and verify it at once into a close-contact file (implies needsManagement)'),
  })
  .refine((b) => !!b.contactPersonId !== !!b.newPerson, { message: 'contact.personOrNew', path: ['contactPersonId'] });
export type AddContactBody = z.infer<typeof addContactBody>;

export const serviceSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(SERVICE_KINDS),
    date: z.string(),
    deliveredBy: z.string(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'KeyPersonService' });

export const addServiceBody = z.object({
  id: uuidSchema.optional(),
  kind: z.enum(SERVICE_KINDS, 'invalidEnum'),
  date: isoDateSchema,
  deliveredBy: name,
  note,
});
export type AddServiceBody = z.infer<typeof addServiceBody>;

export const noticeSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTICE_KINDS),
    date: z.string(),
    handedBy: z.string(),
    outcome: z.enum(NOTICE_OUTCOMES),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'KeyPersonNotice' });

export const addNoticeBody = z.object({
  id: uuidSchema.optional(),
  kind: z.enum(NOTICE_KINDS, 'invalidEnum'),
  date: isoDateSchema,
  handedBy: name,
  outcome: z.enum(NOTICE_OUTCOMES, 'invalidEnum'),
  note,
});
export type AddNoticeBody = z.infer<typeof addNoticeBody>;

export const fileIdParams = z.object({ id: uuidSchema });

export const householdMemberSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    idNumber: z.string().nullable().describe('masked'),
    birthDate: z.string().nullable(),
    linked: z.boolean().describe('already linked as a contact of the key person'),
  })
  .meta({ id: 'KeyPersonHouseholdMember' });
export const contactAdded = contactGraphSchema
  .extend({
    leadId: z.uuid().nullable().describe('the lead raised (or joined) when the contact needs management'),
    keyPersonId: z.uuid().nullable().describe('the file opened at once, with openFile'),
  })
  .meta({ id: 'ContactAdded' });
