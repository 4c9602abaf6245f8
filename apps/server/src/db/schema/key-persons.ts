import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  KEY_PERSON_CATEGORIES,
  KEY_PERSON_SOURCES,
  KEY_PERSON_STATUSES,
  MEASURED_BY,
  MEASURES,
  OFFICER_ROLES,
  SLOTS,
} from '@fangkong/domain';
import { createdAt, encrypted, ltree, updatedAt, version } from './types.js';
import { person } from './households.js';
import { region } from './regions.js';
import { users } from './users.js';
import { lead } from './leads.js';
import { walkIn } from './sentinels.js';

/** 重点人员: one person under a measure; at most one open file per person. */
export const keyPerson = pgTable(
  'key_person',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    leadId: uuid('lead_id').references(() => lead.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    category: text('category', { enum: KEY_PERSON_CATEGORIES }).notNull(),
    source: text('source', { enum: KEY_PERSON_SOURCES }).notNull(),
    measure: text('measure', { enum: MEASURES }).notNull(),
    startDate: date('start_date').notNull(),
    plannedEndDate: date('planned_end_date').notNull(),
    status: text('status', { enum: KEY_PERSON_STATUSES }).notNull().default('active'),
    statusReason: text('status_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // Kept by statement-level triggers (migration 0012) so that line lists and their counts read one
    // row per file instead of probing officers, alerts, triage tasks and checks for each.
    /** Responsible officers named. */
    officers: integer('officers').notNull().default(0),
    /** Overdue slots not yet settled. */
    openAlerts: integer('open_alerts').notNull().default(0),
    /** Triage tasks not closed. */
    openTriage: integer('open_triage').notNull().default(0),
    /** The latest slot with a check (day, then am < pm). */
    lastCheckDay: date('last_check_day'),
    lastCheckSlot: text('last_check_slot', { enum: SLOTS }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('key_person_region_path_gist').using('gist', t.regionPath),
    uniqueIndex('key_person_open_person_uq')
      .on(t.personId)
      .where(sql`status IN ('active', 'hospitalized', 'lostToFollowUp')`),
    index('key_person_status_end_idx').on(t.status, t.plannedEndDate),
    // The two short lists, in their page order: found without passing over the active files.
    index('key_person_overdue_idx').on(t.plannedEndDate, t.id).where(sql`status = 'active' AND open_alerts > 0`),
    index('key_person_fever_idx').on(t.plannedEndDate, t.id).where(sql`status = 'active' AND open_triage > 0`),
  ],
);

/** How many files of each status each region holds directly (like region_tally), kept by triggers on key_person. */
export const keyPersonTally = pgTable(
  'key_person_tally',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
    status: text('status', { enum: KEY_PERSON_STATUSES }).notNull(),
    n: integer('n').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.status] })],
);

/** The history of a file: measure changed, end moved (old end kept with the reason), status, transfer. */
export const keyPersonEvent = pgTable(
  'key_person_event',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['created', 'endChanged', 'measureChanged', 'statusChanged', 'transferred', 'categoryChanged'],
    }).notNull(),
    fromValue: text('from_value'),
    toValue: text('to_value'),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    createdAt: createdAt(),
  },
  (t) => [index('key_person_event_kp_idx').on(t.keyPersonId)],
);

/** 包保责任人: a named officer answering for one key person. */
export const responsibleOfficer = pgTable(
  'responsible_officer',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    role: text('role', { enum: OFFICER_ROLES }).notNull(),
    name: text('name').notNull(),
    phone: encrypted('phone', 'phone'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('responsible_officer_kp_idx').on(t.keyPersonId),
    index('responsible_officer_user_idx').on(t.userId),
    // An account serves once per role; two accounts of the same name (common names repeat) both may.
    uniqueIndex('responsible_officer_user_uq').on(t.keyPersonId, t.role, t.userId).where(sql`user_id IS NOT NULL`),
    uniqueIndex('responsible_officer_name_uq').on(t.keyPersonId, t.role, t.name).where(sql`user_id IS NULL`),
  ],
);

/** 体温监测: one check in one slot of one day; a correction is a new row pointing at the first. */
export const healthCheck = pgTable(
  'health_check',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    day: date('day').notNull(),
    slot: text('slot', { enum: SLOTS }).notNull(),
    temperature: numeric('temperature', { precision: 3, scale: 1, mode: 'number' }).notNull(),
    symptoms: text('symptoms').array().notNull().default([]),
    measuredBy: text('measured_by', { enum: MEASURED_BY }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    /** Recorded after its window closed. */
    late: boolean('late').notNull().default(false),
    correctsId: uuid('corrects_id'),
    correctionReason: text('correction_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('health_check_slot_uq').on(t.keyPersonId, t.day, t.slot).where(sql`corrects_id IS NULL`),
    index('health_check_region_path_gist').using('gist', t.regionPath),
    index('health_check_day_idx').on(t.day),
    // A file's checks in order, corrections included (the last value of a slot, the file's checks).
    index('health_check_kp_day_idx').on(t.keyPersonId, t.day, t.slot, t.createdAt),
  ],
);

/** A slot whose window closed without a check; escalated grid worker → village doctor → township until done. */
export const checkAlert = pgTable(
  'check_alert',
  {
    id: uuid('id').primaryKey(),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    day: date('day').notNull(),
    slot: text('slot', { enum: SLOTS }).notNull(),
    level: text('level', { enum: ['gridWorker', 'doctor', 'township'] })
      .notNull()
      .default('gridWorker'),
    overdueAt: timestamp('overdue_at', { withTimezone: true }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('check_alert_slot_uq').on(t.keyPersonId, t.day, t.slot),
    index('check_alert_region_path_gist').using('gist', t.regionPath),
    index('check_alert_open_idx').on(t.resolvedAt),
  ],
);

/** 预检分诊: a fever or red-flag check sent to the township health centre, with a deadline. */
export const triageTask = pgTable(
  'triage_task',
  {
    id: uuid('id').primaryKey(),
    /** A key person's fever (with the check that found it), or a clinic's walk-in patient. */
    keyPersonId: uuid('key_person_id').references(() => keyPerson.id, { onDelete: 'cascade' }),
    healthCheckId: uuid('health_check_id').references(() => healthCheck.id),
    walkInId: uuid('walk_in_id').references(() => walkIn.id),
    regionPath: ltree('region_path').notNull(),
    temperature: numeric('temperature', { precision: 3, scale: 1, mode: 'number' }).notNull(),
    symptoms: text('symptoms').array().notNull().default([]),
    status: text('status', { enum: ['open', 'acknowledged', 'closed'] })
      .notNull()
      .default('open'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    outcome: text('outcome'),
    createdAt: createdAt(),
  },
  (t) => [
    index('triage_task_region_path_gist').using('gist', t.regionPath),
    index('triage_task_status_idx').on(t.status, t.deadline),
    check(
      'triage_task_subject_ck',
      sql`(key_person_id IS NOT NULL AND health_check_id IS NOT NULL) <> (walk_in_id IS NOT NULL)`,
    ),
  ],
);

/** A self check-in link (no login): only the SHA-256 of its token is stored. */
export const checkInLink = pgTable('check_in_link', {
  id: uuid('id').primaryKey(),
  keyPersonId: uuid('key_person_id')
    .notNull()
    .references(() => keyPerson.id, { onDelete: 'cascade' }),
  tokenHash: varchar('token_hash', { length: 64 }).notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  createdAt: createdAt(),
});
