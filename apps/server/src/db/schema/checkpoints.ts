import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, derivedIndex, encrypted, encryptedJson, ltree, updatedAt } from './types.js';
import { region } from './regions.js';
import { person } from './households.js';
import { users } from './users.js';
import { keyPerson } from './key-persons.js';

export const CHECKPOINT_KINDS = [
  'roadJunction',
  'highwayExit',
  'busStation',
  'trainStation',
  'marketEntrance',
  'other',
] as const;
export const CHECKPOINT_FACILITIES = ['tent', 'thermometer', 'observationRoom'] as const;
export const DUTY_ROLES = ['leader', 'cadre', 'policeOfficer', 'medicalStaff', 'villageCadre', 'volunteer'] as const;

/** 卡口: a township- or village-level post that registers vehicles and people. */
export const checkpoint = pgTable(
  'checkpoint',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CHECKPOINT_KINDS }).notNull(),
    location: text('location').notNull().default(''),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    /** When it was last closed: entries recorded offline before that instant are still accepted. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
    facilities: text('facilities').array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('checkpoint_region_path_gist').using('gist', t.regionPath)],
);

export interface DutyMember {
  name: string;
  role: (typeof DUTY_ROLES)[number];
  phone?: string | null;
  userId?: string | null;
  /** Picked from a volunteer team (志愿服务队). */
  volunteerId?: string | null;
}

/**
 * 值班值守: the 24-hour shift of one post on one duty day (08:00 to 08:00 Asia/Shanghai). A post is
 * a checkpoint or the office of a township or county (领导带班: a leader on duty at the command office).
 */
export const dutyShift = pgTable(
  'duty_shift',
  {
    id: uuid('id').primaryKey(),
    checkpointId: uuid('checkpoint_id').references(() => checkpoint.id, { onDelete: 'cascade' }),
    officeRegionId: uuid('office_region_id').references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    day: date('day').notNull(),
    /** The phones inside are encrypted (security/personal-data-json.ts). */
    members: encryptedJson<DutyMember[]>('duty_shift', 'members').notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('duty_shift_checkpoint_day_uq').on(t.checkpointId, t.day),
    uniqueIndex('duty_shift_office_day_uq').on(t.officeRegionId, t.day),
    index('duty_shift_region_path_gist').using('gist', t.regionPath),
    check('duty_shift_one_post_ck', sql`(checkpoint_id IS NULL) <> (office_region_id IS NULL)`),
  ],
);

/** 登记: one vehicle or pedestrian passing a checkpoint. The id is the client's (offline replay). */
export const checkpointEntry = pgTable(
  'checkpoint_entry',
  {
    id: uuid('id').primaryKey(),
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => checkpoint.id),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: ['vehicle', 'pedestrian'] }).notNull(),
    plate: varchar('plate', { length: 10 }),
    vehicleType: text('vehicle_type', { enum: ['car', 'bus', 'truck', 'van', 'motorcycle', 'other'] }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    origin: text('origin').notNull().default(''),
    destination: text('destination').notNull().default(''),
    reason: text('reason').notNull().default(''),
    decision: text('decision', { enum: ['pass', 'turnBack', 'hold'] }).notNull(),
    holdOutcome: text('hold_outcome', { enum: ['placement', 'handover'] }),
    /** When the staff registered it (the phone's clock), kept when it arrives late from offline. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    /** Derived at write: the first occupant (the driver) is in the county's register. */
    local: boolean('local').notNull(),
    persons: smallint('persons').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('checkpoint_entry_checkpoint_recorded_idx').on(t.checkpointId, t.recordedAt),
    index('checkpoint_entry_plate_idx').on(t.plate, t.recordedAt),
    index('checkpoint_entry_region_path_gist').using('gist', t.regionPath),
    // 留验 are a handful among millions of entries: the holds list reads them from this alone.
    index('checkpoint_entry_hold_idx').on(t.recordedAt).where(sql`decision = 'hold'`),
  ],
);

/** One person in an entry (司乘人员), with what the staff checked. */
export const checkpointOccupant = pgTable(
  'checkpoint_occupant',
  {
    id: uuid('id').primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => checkpointEntry.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    regionPath: ltree('region_path').notNull(),
    personId: uuid('person_id').references(() => person.id),
    name: text('name').notNull(),
    idNumber: encrypted('id_number', 'idNumber').notNull(),
    idNumberBidx: derivedIndex('id_number_bidx', 'id_number', 2),
    sex: text('sex', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    phone: encrypted('phone', 'phone'),
    temperature: numeric('temperature', { precision: 3, scale: 1 }).notNull(),
    healthCode: text('health_code', { enum: ['green', 'yellow', 'red'] }),
    itinerary: text('itinerary', { enum: ['normal', 'starred'] }),
    nucleicAcid: text('nucleic_acid', { enum: ['negative48h', 'none', 'positive'] }),
    fever: boolean('fever').notNull(),
    riskArea: boolean('risk_area').notNull(),
    leadId: uuid('lead_id'),
    /** A held occupant placed at an observation site: the key-person file opened for the placement. */
    keyPersonId: uuid('key_person_id').references(() => keyPerson.id),
  },
  (t) => [
    index('checkpoint_occupant_entry_idx').on(t.entryId),
    index('checkpoint_occupant_id_number_idx').on(t.idNumberBidx),
  ],
);

/**
 * Hourly figures per checkpoint, kept in the entry's transaction so that county statistics read a
 * few thousand rows instead of millions of entries.
 */
export const checkpointStat = pgTable(
  'checkpoint_stat',
  {
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => checkpoint.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    vehicles: integer('vehicles').notNull().default(0),
    pedestrians: integer('pedestrians').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    turnedBack: integer('turned_back').notNull().default(0),
    /** 劝返人次: the persons in the entries turned back (turned_back counts vehicles and pedestrians). */
    turnedBackPersons: integer('turned_back_persons').notNull().default(0),
    held: integer('held').notNull().default(0),
    fevers: integer('fevers').notNull().default(0),
    riskArea: integer('risk_area').notNull().default(0),
    localPersons: integer('local_persons').notNull().default(0),
    localVehicles: integer('local_vehicles').notNull().default(0),
  },
  (t) => [
    uniqueIndex('checkpoint_stat_uq').on(t.checkpointId, t.hour),
    index('checkpoint_stat_region_path_gist').using('gist', t.regionPath),
    // Statistics ask for a few days out of months of rollup rows.
    index('checkpoint_stat_hour_idx').on(t.hour),
  ],
);

/**
 * The same figures per checkpoint and Asia/Shanghai calendar day, kept in the same statement as the
 * hourly row: day and range statistics read 24 times fewer rows (at 87 posts a week of the county is
 * 609 rows instead of 14,616), which is what keeps them fast however long the posts run.
 */
export const checkpointStatDay = pgTable(
  'checkpoint_stat_day',
  {
    checkpointId: uuid('checkpoint_id')
      .notNull()
      .references(() => checkpoint.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    vehicles: integer('vehicles').notNull().default(0),
    pedestrians: integer('pedestrians').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    turnedBack: integer('turned_back').notNull().default(0),
    /** 劝返人次: the persons in the entries turned back (turned_back counts vehicles and pedestrians). */
    turnedBackPersons: integer('turned_back_persons').notNull().default(0),
    held: integer('held').notNull().default(0),
    fevers: integer('fevers').notNull().default(0),
    riskArea: integer('risk_area').notNull().default(0),
    localPersons: integer('local_persons').notNull().default(0),
    localVehicles: integer('local_vehicles').notNull().default(0),
  },
  (t) => [
    uniqueIndex('checkpoint_stat_day_uq').on(t.checkpointId, t.day),
    index('checkpoint_stat_day_day_idx').on(t.day),
  ],
);
