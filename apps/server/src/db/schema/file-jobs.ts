import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, ltree } from './types.js';
import { users } from './users.js';

/**
 * An import or export running in the server process, so a request answers at once and the UI shows
 * progress. Its `region_path` is the starter's scope: only users whose scope covers it see the job.
 */
export const fileJob = pgTable(
  'file_job',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: ['import', 'export'] }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'done', 'failed'] })
      .notNull()
      .default('queued'),
    done: integer('done').notNull().default(0),
    total: integer('total').notNull().default(0),
    /** The outcome: for an import the accepted/rejected counts and the rejected rows with their reasons. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    regionPath: ltree('region_path').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('file_job_region_path_gist').using('gist', t.regionPath), index('file_job_status_idx').on(t.status)],
);
