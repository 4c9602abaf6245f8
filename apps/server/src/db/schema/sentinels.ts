import { index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DRUG_CLASSES, SALE_SYMPTOMS, SENTINEL_KINDS } from '@fangkong/domain';
import { createdAt, derivedIndex, encrypted, ltree } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';
import { lead } from './leads.js';

/** 哨点: a pharmacy or private clinic of a village or township that registers the sales of the four drug classes. */
export const sentinel = pgTable(
  'sentinel',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: SENTINEL_KINDS }).notNull(),
    name: text('name').notNull(),
    licenceNo: text('licence_no'),
    contact: text('contact'),
    phone: encrypted('phone', 'phone'),
    createdAt: createdAt(),
  },
  (t) => [index('sentinel_region_path_gist').using('gist', t.regionPath)],
);

/** The accounts of a site: a user of the sentinel role records for the one site it is bound to. */
export const sentinelAccount = pgTable('sentinel_account', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  sentinelId: uuid('sentinel_id')
    .notNull()
    .references(() => sentinel.id),
  createdAt: createdAt(),
});

/**
 * 实名购药登记: one sale of one or more of the four classes. `region_path` is the buyer's village
 * (matched by ID number to the register, else the site's): the village's counts and the lead follow it.
 */
export const sentinelSale = pgTable(
  'sentinel_sale',
  {
    id: uuid('id').primaryKey(),
    sentinelId: uuid('sentinel_id')
      .notNull()
      .references(() => sentinel.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    idNumber: encrypted('id_number', 'idNumber').notNull(),
    idNumberBidx: derivedIndex('id_number_bidx', 'id_number', 2),
    phone: encrypted('phone', 'phone'),
    drugClasses: text('drug_classes', { enum: DRUG_CLASSES }).array().notNull(),
    symptoms: text('symptoms', { enum: SALE_SYMPTOMS }).array().notNull(),
    soldAt: timestamp('sold_at', { withTimezone: true }).notNull(),
    leadId: uuid('lead_id').references(() => lead.id),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [
    index('sentinel_sale_region_path_gist').using('gist', t.regionPath),
    index('sentinel_sale_sentinel_sold_idx').on(t.sentinelId, t.soldAt),
    index('sentinel_sale_sold_idx').on(t.soldAt),
  ],
);

/**
 * 预检分诊 at a clinic: a walk-in patient with fever or respiratory symptoms, registered by the clinic's
 * sentinel account. It opens the same triage task as a key person's fever; the township health
 * centre refers the patient to the fever clinic (`referred_to`, `transferred_at`) and closes the task with the outcome.
 */
export const walkIn = pgTable(
  'walk_in',
  {
    id: uuid('id').primaryKey(),
    sentinelId: uuid('sentinel_id')
      .notNull()
      .references(() => sentinel.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    /** The clinic's region: its township's health centre answers the task. */
    regionPath: ltree('region_path').notNull(),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    idNumber: encrypted('id_number', 'idNumber').notNull(),
    idNumberBidx: derivedIndex('id_number_bidx', 'id_number', 2),
    phone: encrypted('phone', 'phone'),
    temperature: numeric('temperature', { precision: 3, scale: 1, mode: 'number' }).notNull(),
    symptoms: text('symptoms').array().notNull(),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }).notNull(),
    referredTo: text('referred_to'),
    transferredAt: timestamp('transferred_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by'),
    createdAt: createdAt(),
  },
  (t) => [index('walk_in_region_path_gist').using('gist', t.regionPath)],
);
