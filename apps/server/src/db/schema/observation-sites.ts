import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree } from './types.js';
import { region } from './regions.js';
import { keyPerson } from './key-persons.js';

/** 集中隔离点 / 留观点: a place with rooms and beds where key persons are observed. */
export const observationSite = pgTable(
  'observation_site',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [index('observation_site_region_path_gist').using('gist', t.regionPath)],
);

export const observationBed = pgTable(
  'observation_bed',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => observationSite.id, { onDelete: 'cascade' }),
    room: text('room').notNull(),
    bed: text('bed').notNull(),
  },
  (t) => [uniqueIndex('observation_bed_uq').on(t.siteId, t.room, t.bed)],
);

/** A key person in a bed, from a moment until they leave; one open placement per bed and per person. */
export const placement = pgTable(
  'placement',
  {
    id: uuid('id').primaryKey(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => observationSite.id),
    bedId: uuid('bed_id')
      .notNull()
      .references(() => observationBed.id),
    keyPersonId: uuid('key_person_id')
      .notNull()
      .references(() => keyPerson.id),
    regionPath: ltree('region_path').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('placement_open_bed_uq').on(t.bedId).where(sql`ended_at IS NULL`),
    uniqueIndex('placement_open_person_uq').on(t.keyPersonId).where(sql`ended_at IS NULL`),
    index('placement_site_idx').on(t.siteId),
  ],
);
