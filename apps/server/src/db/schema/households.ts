import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { createdAt, derivedIndex, encrypted, encryptedJson, ltree, updatedAt, version } from './types.js';
import { grid, region } from './regions.js';
import { users } from './users.js';

export const household = pgTable(
  'household',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    gridId: uuid('grid_id').references(() => grid.id),
    address: text('address').notNull(),
    headPersonId: uuid('head_person_id'),
    phone: encrypted('phone', 'phone'),
    status: text('status', { enum: ['resident', 'away', 'vacant'] })
      .notNull()
      .default('resident'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('household_region_path_gist').using('gist', t.regionPath),
    index('household_grid_idx').on(t.gridId),
    index('household_region_idx').on(t.regionId),
    // Lists walk households in this order (region, address): pages come from the index, not a sort.
    index('household_walk_order_idx').on(t.regionPath, t.address, t.id),
    // The ledger import matches dwellings by (region, address).
    index('household_region_address_idx').on(t.regionId, t.address),
    // Households away or vacant are few; reports count them per region from this index alone
    // (an index-only scan: 8 ms instead of 294 ms for the 1,000,000-person county).
    index('household_not_resident_idx').on(t.status, t.regionPath).where(sql`${t.status} <> 'resident'`),
  ],
);

export const person = pgTable(
  'person',
  {
    id: uuid('id').primaryKey(),
    idNumber: encrypted('id_number', 'idNumber'),
    idNumberBidx: derivedIndex('id_number_bidx', 'id_number', 2).unique(),
    idNumberT4: derivedIndex('id_number_t4', 'id_number', 3),
    idNumberT6: derivedIndex('id_number_t6', 'id_number', 4),
    name: text('name').notNull(),
    sex: text('sex', { enum: ['male', 'female'] }),
    birthDate: date('birth_date'),
    phone: encrypted('phone', 'phone'),
    phoneBidx: derivedIndex('phone_bidx', 'phone', 2),
    householdId: uuid('household_id').references(() => household.id),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    registeredRegionCode: varchar('registered_region_code', { length: 12 }),
    vulnerableGroups: text('vulnerable_groups').array().notNull().default([]),
    /** For people without an ID number (children, foreigners): who answers for them. */
    guardianName: text('guardian_name'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    version: version(),
  },
  (t) => [
    index('person_region_path_gist').using('gist', t.regionPath),
    index('person_household_idx').on(t.householdId),
    index('person_region_idx').on(t.regionId),
    index('person_phone_idx').on(t.phoneBidx),
    index('person_name_idx').on(t.name),
    // Person lists walk this order (region, household, birth date): a page from the index, not a sort of the county.
    index('person_walk_order_idx').on(t.regionPath, t.householdId, t.birthDate, t.id),
    // Search by the last digits of an ID number (what people read out): keyed indexes of the last 4 and 6.
    index('person_id_number_t4_idx').on(t.idNumberT4),
    index('person_id_number_t6_idx').on(t.idNumberT6),
  ],
);

/** A person moving from one household to another (or into a first one): the register keeps every move. */
export const personMove = pgTable(
  'person_move',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    fromHouseholdId: uuid('from_household_id').references(() => household.id),
    toHouseholdId: uuid('to_household_id').references(() => household.id),
    /** The destination's region, so the history is scoped like the person. */
    regionPath: ltree('region_path').notNull(),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
    movedBy: uuid('moved_by').references(() => users.id),
    reason: text('reason'),
    /** Day the move took effect, when known. */
    effectiveOn: date('effective_on'),
  },
  (t) => [index('person_move_person_idx').on(t.personId)],
);

/** A person record folded into another (one record per human): what it held, so a merge can be reviewed. */
export const personMerge = pgTable(
  'person_merge',
  {
    id: uuid('id').primaryKey(),
    survivorId: uuid('survivor_id')
      .notNull()
      .references(() => person.id),
    mergedId: uuid('merged_id').notNull(),
    /** The merged record as it was, for review and to undo by hand; its ID number and phone encrypted inside. */
    snapshot: encryptedJson<Record<string, unknown>>('person_merge', 'snapshot').notNull(),
    regionPath: ltree('region_path').notNull(),
    mergedBy: uuid('merged_by').references(() => users.id),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('person_merge_survivor_idx').on(t.survivorId)],
);
