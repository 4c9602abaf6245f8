import { date, index, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, ltree, updatedAt } from './types.js';
import { grid, region } from './regions.js';

export const household = pgTable(
  'household',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id').notNull().references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    gridId: uuid('grid_id').references(() => grid.id),
    address: text('address').notNull(),
    headPersonId: uuid('head_person_id'),
    phone: varchar('phone', { length: 20 }),
    status: text('status', { enum: ['resident', 'away', 'vacant'] }).notNull().default('resident'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('household_region_path_gist').using('gist', t.regionPath), index('household_grid_idx').on(t.gridId), index('household_region_idx').on(t.regionId)],
);

export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey(),
    idNumber: varchar('id_number', { length: 18 }).unique(),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: date('birth_date'),
    phone: varchar('phone', { length: 20 }),
    householdId: uuid('household_id').references(() => household.id),
    regionId: uuid('region_id').notNull().references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    registeredRegionCode: varchar('registered_region_code', { length: 12 }),
    vulnerableGroups: text('vulnerable_groups').array().notNull().default([]),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('person_region_path_gist').using('gist', t.regionPath), index('person_household_idx').on(t.householdId), index('person_region_idx').on(t.regionId)],
);
