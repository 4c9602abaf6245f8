import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { SUPPLY_CATEGORIES, SUPPLY_STORE_KINDS, SUPPLY_UNITS, STOCK_MOVEMENT_KINDS } from '@fangkong/domain';
import { createdAt, ltree, updatedAt } from './types.js';
import { region } from './regions.js';
import { checkpoint } from './checkpoints.js';
import { observationSite } from './observation-sites.js';
import { users } from './users.js';

/** 物资目录: one county's catalogue; `key` names a default item (the web translates it), null for the county's own. */
export const supplyItem = pgTable(
  'supply_item',
  {
    id: uuid('id').primaryKey(),
    /** The county's path: the catalogue is the county's. */
    regionPath: ltree('region_path').notNull(),
    key: text('key'),
    name: text('name').notNull(),
    category: text('category', { enum: SUPPLY_CATEGORIES }).notNull(),
    unit: text('unit', { enum: SUPPLY_UNITS }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('supply_item_key_uq').on(t.regionPath, t.key)],
);

/** 库点: where supplies are kept, at a region (county, township, village), a checkpoint or an observation site. */
export const supplyStore = pgTable(
  'supply_store',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: SUPPLY_STORE_KINDS }).notNull(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    checkpointId: uuid('checkpoint_id').references(() => checkpoint.id),
    observationSiteId: uuid('observation_site_id').references(() => observationSite.id),
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('supply_store_region_path_gist').using('gist', t.regionPath),
    uniqueIndex('supply_store_checkpoint_uq').on(t.checkpointId),
    uniqueIndex('supply_store_observation_site_uq').on(t.observationSiteId),
    check(
      'supply_store_attached_ck',
      sql`(kind = 'region' AND checkpoint_id IS NULL AND observation_site_id IS NULL) OR (kind = 'checkpoint' AND checkpoint_id IS NOT NULL AND observation_site_id IS NULL) OR (kind = 'observationSite' AND observation_site_id IS NOT NULL AND checkpoint_id IS NULL)`,
    ),
  ],
);

/**
 * 出入库记录: every change of stock, signed (a receipt adds, an issue takes away, a count adds the
 * difference it found). A store's stock of an item is the sum of its rows: there is no counter to drift.
 */
export const stockMovement = pgTable(
  'stock_movement',
  {
    id: uuid('id').primaryKey(),
    storeId: uuid('store_id')
      .notNull()
      .references(() => supplyStore.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => supplyItem.id),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: STOCK_MOVEMENT_KINDS }).notNull(),
    quantity: integer('quantity').notNull(),
    /** A count's figure, as found. */
    counted: integer('counted'),
    /** The other store of a transfer. */
    otherStoreId: uuid('other_store_id').references(() => supplyStore.id),
    /** The two rows of one transfer share it. */
    transferId: uuid('transfer_id'),
    reason: text('reason').notNull().default(''),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('stock_movement_store_item_idx').on(t.storeId, t.itemId, t.recordedAt),
    index('stock_movement_region_path_gist').using('gist', t.regionPath),
    check(
      'stock_movement_sign_ck',
      sql`(kind IN ('receipt', 'transferIn') AND quantity > 0) OR (kind IN ('issue', 'transferOut') AND quantity < 0) OR kind = 'count'`,
    ),
  ],
);

/** The county's rule for supplies: below how many days of cover a store's item is short. */
export const supplySetting = pgTable('supply_setting', {
  regionId: uuid('region_id')
    .primaryKey()
    .references(() => region.id),
  lowCoverDays: smallint('low_cover_days').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: updatedAt(),
});
