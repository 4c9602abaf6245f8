import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  CONTACT_RELATIONS,
  INCIDENT_KINDS,
  NOTICE_KINDS,
  NOTICE_OUTCOMES,
  SERVICE_KINDS,
  TRANSPORT_MODES,
} from '@fangkong/domain';
import { createdAt, ltree } from './types.js';
import { person } from './households.js';
import { keyPerson } from './key-persons.js';
import { users } from './users.js';

/** 活动轨迹: one place a key person has been, from a date to a date, and how they got there. */
export const trajectoryStop = pgTable(
  'trajectory_stop',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    place: text('place').notNull(),
    startDate: date('start_date').notNull(),
    endDate: date('end_date'),
    transport: text('transport', { enum: TRANSPORT_MODES }),
    /** Flight or train number, plate, seat: what lets co-travellers be found. */
    transportDetail: text('transport_detail'),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('trajectory_stop_kp_idx').on(t.keyPersonId, t.startDate),
    check('trajectory_stop_dates_ck', sql`${t.endDate} IS NULL OR ${t.endDate} >= ${t.startDate}`),
  ],
);

/**
 * 密切接触: a link between two persons of the register, stored once whichever side recorded it
 * (the unique index on the ordered pair refuses the reverse duplicate).
 */
export const contactLink = pgTable(
  'contact_link',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    contactPersonId: uuid('contact_person_id')
      .notNull()
      .references(() => person.id),
    /** Where it was recorded (the key person's region): what the scope filter reads. */
    regionPath: ltree('region_path').notNull(),
    relation: text('relation', { enum: CONTACT_RELATIONS }).notNull(),
    lastContactDate: date('last_contact_date').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('contact_link_pair_uq').on(
      sql`least(${t.personId}, ${t.contactPersonId})`,
      sql`greatest(${t.personId}, ${t.contactPersonId})`,
    ),
    index('contact_link_person_idx').on(t.personId),
    index('contact_link_contact_idx').on(t.contactPersonId),
    check('contact_link_not_self_ck', sql`${t.personId} <> ${t.contactPersonId}`),
  ],
);

/** A service delivered to a key person: 代购生活用品, 心理疏导, 医疗服务, other. */
export const keyPersonService = pgTable(
  'key_person_service',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: SERVICE_KINDS }).notNull(),
    date: date('date').notNull(),
    deliveredBy: text('delivered_by').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('key_person_service_kp_idx').on(t.keyPersonId, t.date)],
);

/** A notice handed over (告知书), signed or refused. */
export const keyPersonNotice = pgTable(
  'key_person_notice',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    date: date('date').notNull(),
    handedBy: text('handed_by').notNull(),
    outcome: text('outcome', { enum: NOTICE_OUTCOMES }).notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('key_person_notice_kp_idx').on(t.keyPersonId, t.date)],
);

/**
 * 不配合/违反居家隔离: what a key person did (left home, refused checks …), when and who saw it,
 * the notice handed over, the hand-over to the police station (派出所) with its reference, and the outcome.
 */
export const keyPersonIncident = pgTable(
  'key_person_incident',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: INCIDENT_KINDS }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    witnessedBy: text('witnessed_by').notNull(),
    note: text('note'),
    noticeHandedAt: timestamp('notice_handed_at', { withTimezone: true }),
    policeStation: text('police_station'),
    policeRef: text('police_ref'),
    handedOverAt: timestamp('handed_over_at', { withTimezone: true }),
    outcome: text('outcome'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('key_person_incident_kp_idx').on(t.keyPersonId, t.occurredAt),
    index('key_person_incident_region_path_gist').using('gist', t.regionPath),
    check(
      'key_person_incident_handover_ck',
      sql`${t.handedOverAt} IS NULL OR (${t.policeStation} IS NOT NULL AND ${t.policeRef} IS NOT NULL)`,
    ),
  ],
);
