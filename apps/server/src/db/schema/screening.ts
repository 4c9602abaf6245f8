import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree } from './types.js';
import { grid, region } from './regions.js';
import { users } from './users.js';
import { household, person } from './households.js';

/** 排查轮次: a door-to-door round over a region, opened by a township or the county. */
export const screeningRound = pgTable(
  'screening_round',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    purpose: text('purpose'),
    startsOn: date('starts_on').notNull(),
    deadline: date('deadline').notNull(),
    /** Members are asked about travel since this day. */
    travelSince: date('travel_since').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('screening_round_region_path_gist').using('gist', t.regionPath)],
);

export const VISIT_OUTCOMES = ['visited', 'nobodyHome', 'refused', 'away'] as const;

/** 走访记录: one call at one household in one round; a household may be called on again. */
export const visit = pgTable(
  'visit',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => screeningRound.id),
    householdId: uuid('household_id')
      .notNull()
      .references(() => household.id),
    regionPath: ltree('region_path').notNull(),
    gridId: uuid('grid_id').references(() => grid.id),
    outcome: text('outcome', { enum: VISIT_OUTCOMES }).notNull(),
    pledgeSigned: boolean('pledge_signed').notNull().default(false),
    notices: text('notices').array().notNull().default([]),
    note: text('note'),
    visitedAt: timestamp('visited_at', { withTimezone: true }).notNull(),
    visitorId: uuid('visitor_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('visit_round_household_idx').on(t.roundId, t.householdId, t.visitedAt),
    index('visit_region_path_gist').using('gist', t.regionPath),
    // Figures and drill-down lists of one day read that day's visits, not the round's.
    index('visit_visited_at_idx').on(t.visitedAt),
  ],
);

export interface Trip {
  place: string;
  from: string;
  to: string | null;
  riskAreaId: string | null;
}

/** One member's answers during a visit. */
export const visitMember = pgTable(
  'visit_member',
  {
    id: uuid('id').primaryKey(),
    visitId: uuid('visit_id')
      .notNull()
      .references(() => visit.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    present: boolean('present').notNull(),
    awayPlace: text('away_place'),
    travel: jsonb('travel').$type<Trip[]>().notNull().default([]),
    symptoms: text('symptoms').array().notNull().default([]),
    temperature: numeric('temperature', { precision: 3, scale: 1, mode: 'number' }),
    /** Discovered during this visit (not in the register before). */
    discovered: boolean('discovered').notNull().default(false),
    leadId: uuid('lead_id'),
    regionPath: ltree('region_path').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('visit_member_visit_idx').on(t.visitId), index('visit_member_person_idx').on(t.personId)],
);

/**
 * Each household's standing in a round (its latest visit, how many visits, distinct persons answered
 * and leads raised), kept by statement-level triggers on visit, visit_member, lead_source and
 * household (migration 0012), recomputed from the records for every household a statement touches.
 * No row = not visited. region_id/grid_id are the household's current ones: a household that moves
 * carries its visits with it.
 */
export const householdVisitState = pgTable(
  'household_visit_state',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => screeningRound.id, { onDelete: 'cascade' }),
    householdId: uuid('household_id')
      .notNull()
      .references(() => household.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id').notNull(),
    gridId: uuid('grid_id'),
    state: text('state', { enum: VISIT_OUTCOMES }).notNull(),
    lastVisitAt: timestamp('last_visit_at', { withTimezone: true }).notNull(),
    visits: integer('visits').notNull(),
    persons: integer('persons').notNull(),
    leads: integer('leads').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.householdId] }),
    index('household_visit_state_household_idx').on(t.householdId),
  ],
);

/**
 * The round's figures per (region, grid) where visited households lie: the sum of
 * household_visit_state, kept by the same triggers, so county coverage reads a few thousand rows.
 * Households in scope come from region_tally (or the household table for one village's grids).
 */
export const screeningTally = pgTable(
  'screening_tally',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => screeningRound.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
    gridId: uuid('grid_id'),
    visited: integer('visited').notNull().default(0),
    away: integer('away').notNull().default(0),
    nobodyHome: integer('nobody_home').notNull().default(0),
    refused: integer('refused').notNull().default(0),
    persons: integer('persons').notNull().default(0),
    leads: integer('leads').notNull().default(0),
  },
  (t) => [unique('screening_tally_key').on(t.roundId, t.regionId, t.gridId).nullsNotDistinct()],
);
