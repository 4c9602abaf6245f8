import { customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, encrypted, ltree } from './types.js';
import { region } from './regions.js';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/**
 * 主动报备 and 举报 sent from the public pages (no login): the receipt the sender keeps and who sent
 * it. A tip's reporter is shown to the township and above, never to the village.
 */
export const publicReport = pgTable(
  'public_report',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['selfReport', 'tip'] }).notNull(),
    /** 回执号: what the sender keeps (letters and digits, no 0/O/1/I). */
    receipt: text('receipt').notNull().unique(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    reporterName: text('reporter_name'),
    reporterPhone: encrypted('reporter_phone', 'phone'),
    createdAt: createdAt(),
  },
  (t) => [index('public_report_region_path_gist').using('gist', t.regionPath)],
);

/** A photo sent with a tip, kept in the database so every instance serves it; read by signed-in users in scope. */
export const attachment = pgTable(
  'attachment',
  {
    id: uuid('id').primaryKey(),
    regionPath: ltree('region_path').notNull(),
    /** The record it belongs to (a public report). */
    ownerId: uuid('owner_id').notNull(),
    mime: text('mime', { enum: ['image/jpeg', 'image/png', 'image/webp'] }).notNull(),
    size: integer('size').notNull(),
    data: bytea('data').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('attachment_region_path_gist').using('gist', t.regionPath),
    index('attachment_owner_idx').on(t.ownerId),
  ],
);

/**
 * Hits of the public pages per key (`ip:…`, `device:…`, `challenge:…`) and fixed window, shared by
 * every instance; old windows are removed as new ones are counted.
 */
export const publicRate = pgTable(
  'public_rate',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    hits: integer('hits').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('public_rate_window_idx').on(t.windowStart)],
);
