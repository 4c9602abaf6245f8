import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';

/**
 * 零报告/日报告: one report per village or township per day. Each submission is a version with its
 * figures frozen; a correction adds a version with a reason and keeps the old one.
 */
export const dailyReport = pgTable(
  'daily_report',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    reportDate: date('report_date').notNull(),
    version: integer('version').notNull(),
    isZero: boolean('is_zero').notNull().default(false),
    /** The figures as computed at submission: { section: { figure: number } }. */
    figures: jsonb('figures').$type<Record<string, Record<string, number>>>().notNull(),
    remarks: text('remarks'),
    problems: text('problems'),
    suggestions: text('suggestions'),
    correctionReason: text('correction_reason'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    /** Submitted after the day's deadline. */
    late: boolean('late').notNull(),
  },
  (t) => [
    uniqueIndex('daily_report_version_uq').on(t.regionId, t.reportDate, t.version),
    index('daily_report_day_idx').on(t.reportDate),
    index('daily_report_region_path_gist').using('gist', t.regionPath),
  ],
);

/**
 * 催报: a reminder to a village or township whose report for a day is still missing, sent by the
 * level above or, before the deadline, by the scheduler (`sentBy` null; one per region and day).
 */
export const reportReminder = pgTable(
  'report_reminder',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    reportDate: date('report_date').notNull(),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    message: text('message'),
  },
  (t) => [
    index('report_reminder_day_idx').on(t.reportDate, t.regionId),
    uniqueIndex('report_reminder_auto_uq').on(t.regionId, t.reportDate).where(sql`sent_by IS NULL`),
  ],
);
