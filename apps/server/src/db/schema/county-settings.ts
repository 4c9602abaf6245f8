import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { COUNTY_SETTING_SECTIONS } from '@fangkong/domain';
import { ltree, updatedAt } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';

/**
 * 县级设置: the values one region sets for one section (管控规则, 日报设置, 卡口设置), flat keys
 * (`deadline`, `measureDays.closeContact` …). A record's setting is the value of the nearest region
 * above it (itself included) that set the key, else the product default (packages/domain).
 */
export const countySetting = pgTable(
  'county_setting',
  {
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    section: text('section', { enum: COUNTY_SETTING_SECTIONS }).notNull(),
    value: jsonb('value').$type<Record<string, unknown>>().notNull().default({}),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.section] }),
    index('county_setting_region_path_gist').using('gist', t.regionPath),
  ],
);

/** The history of the county settings: who changed which region's section, when, from what to what. */
export const countySettingChange = pgTable(
  'county_setting_change',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    section: text('section', { enum: COUNTY_SETTING_SECTIONS }).notNull(),
    /** The region's own values before and after (flat keys; a key absent is inherited). */
    oldValue: jsonb('old_value').$type<Record<string, unknown>>().notNull(),
    newValue: jsonb('new_value').$type<Record<string, unknown>>().notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('county_setting_change_region_path_gist').using('gist', t.regionPath),
    index('county_setting_change_at_idx').on(t.changedAt.desc()),
  ],
);
