import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { createdAt, ltree } from './types.js';
import { users } from './users.js';

export const region = pgTable(
  'region',
  {
    id: uuid('id').primaryKey(),
    code: varchar('code', { length: 15 }).notNull().unique(),
    name: text('name').notNull(),
    level: text('level', { enum: ['county', 'township', 'village', 'group'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => region.id),
    path: ltree('path').notNull().unique(),
    createdAt: createdAt(),
  },
  (t) => [index('region_path_gist').using('gist', t.path), index('region_parent_idx').on(t.parentId)],
);

export const grid = pgTable(
  'grid',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    leaderId: uuid('leader_id').references(() => users.id),
    /** A retired grid (撤销, or merged into another) keeps its row for history; it holds no households. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('grid_region_path_gist').using('gist', t.regionPath),
    index('grid_region_idx').on(t.regionId),
    uniqueIndex('grid_village_name_uq').on(t.regionId, t.name).where(sql`retired_at IS NULL`),
  ],
);

export const gridWorker = pgTable(
  'grid_worker',
  {
    gridId: uuid('grid_id')
      .notNull()
      .references(() => grid.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.gridId, t.userId] })],
);

/**
 * How many households, persons and grids each region holds directly, kept by statement-level
 * triggers (migration 0003) so that counts below any region are a sum over its few thousand
 * regions instead of a scan over a million people.
 */
export const regionTally = pgTable('region_tally', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => region.id, { onDelete: 'cascade' }),
  households: integer('households').notNull().default(0),
  persons: integer('persons').notNull().default(0),
  grids: integer('grids').notNull().default(0),
});
