import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  DISINFECTION_PLACES,
  GATHERING_KINDS,
  GATHERING_OUTCOMES,
  PUBLICITY_KINDS,
  VENUE_CHECK_RESULTS,
  VENUE_ORDER_KINDS,
  VENUE_TYPES,
} from '@fangkong/domain';
import { createdAt, encrypted, ltree } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';

/** 场所: a KTV, internet café, market, elder-care home … of a region, with who runs it. */
export const venue = pgTable(
  'venue',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    type: text('type', { enum: VENUE_TYPES }).notNull(),
    name: text('name').notNull(),
    address: text('address'),
    operator: text('operator'),
    phone: encrypted('phone', 'phone'),
    createdAt: createdAt(),
  },
  (t) => [index('venue_region_path_gist').using('gist', t.regionPath), index('venue_type_idx').on(t.type)],
);

/**
 * 管控措施: an order on one venue, or on every venue of a type at or below a region, in effect
 * from a date through a date (inclusive; open-ended when none).
 */
export const venueOrder = pgTable(
  'venue_order',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    venueType: text('venue_type', { enum: VENUE_TYPES }),
    venueId: uuid('venue_id').references(() => venue.id),
    kind: text('kind', { enum: VENUE_ORDER_KINDS }).notNull(),
    hours: text('hours'),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveUntil: date('effective_until', { mode: 'string' }),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('venue_order_region_path_gist').using('gist', t.regionPath),
    index('venue_order_venue_idx').on(t.venueId),
    check('venue_order_target_ck', sql`(venue_id IS NULL) <> (venue_type IS NULL)`),
    check('venue_order_dates_ck', sql`effective_until IS NULL OR effective_until >= effective_from`),
  ],
);

/** 检查: what was found at a venue on site; a violation waits for re-checks (复查) until one finds it compliant. */
export const venueCheck = pgTable(
  'venue_check',
  {
    id: uuid('id').primaryKey(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venue.id),
    regionPath: ltree('region_path').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    result: text('result', { enum: VENUE_CHECK_RESULTS }).notNull(),
    actionTaken: text('action_taken'),
    note: text('note'),
    recheckOf: uuid('recheck_of'),
    checkedBy: uuid('checked_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('venue_check_venue_idx').on(t.venueId, t.checkedAt),
    index('venue_check_region_path_gist').using('gist', t.regionPath),
    index('venue_check_checked_at_idx').on(t.checkedAt),
  ],
);

/** 聚集性活动: a wedding, funeral, banquet, market day or temple fair reported or found, and what came of it. */
export const gathering = pgTable(
  'gathering',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: GATHERING_KINDS }).notNull(),
    host: text('host').notNull(),
    phone: encrypted('phone', 'phone'),
    date: date('date', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    tables: integer('tables').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    outcome: text('outcome', { enum: GATHERING_OUTCOMES }).notNull(),
    tablesHeld: integer('tables_held'),
    personsHeld: integer('persons_held'),
    /** When the outcome was settled (劝停 on the spot, or the violation found): the day it counts on. */
    settledAt: timestamp('settled_at', { withTimezone: true }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('gathering_region_path_gist').using('gist', t.regionPath),
    index('gathering_settled_at_idx').on(t.settledAt),
    check(
      'gathering_counts_ck',
      sql`tables >= 0 AND persons >= 0 AND coalesce(tables_held, 0) >= 0 AND coalesce(persons_held, 0) >= 0`,
    ),
  ],
);

/** 消杀: one disinfection session of a place, with the agent, the area and who did it. */
export const disinfection = pgTable(
  'disinfection',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    placeKind: text('place_kind', { enum: DISINFECTION_PLACES }).notNull(),
    place: text('place').notNull(),
    doneAt: timestamp('done_at', { withTimezone: true }).notNull(),
    agent: text('agent'),
    areaM2: integer('area_m2').notNull().default(0),
    doneBy: text('done_by'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('disinfection_region_path_gist').using('gist', t.regionPath),
    index('disinfection_done_at_idx').on(t.doneAt),
    check('disinfection_area_ck', sql`area_m2 >= 0`),
  ],
);

/** 宣传: what a village put out on a day: banners, posters, broadcast hours (村村响), vehicles, screens, messages, leaflets. */
export const publicity = pgTable(
  'publicity',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: PUBLICITY_KINDS }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    quantity: integer('quantity').notNull().default(0),
    hours: numeric('hours', { precision: 4, scale: 1, mode: 'number' }),
    reach: integer('reach'),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('publicity_region_path_gist').using('gist', t.regionPath),
    index('publicity_day_idx').on(t.day),
    check(
      'publicity_counts_ck',
      sql`quantity >= 0 AND coalesce(reach, 0) >= 0 AND coalesce(hours, 0) BETWEEN 0 AND 24`,
    ),
  ],
);
