import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './types.js';

/**
 * Partitioned by month of `at` and hash-chained per day (Asia/Shanghai) by a trigger: see the
 * custom migration `audit_log_chain` and docs/security.md. The application's role may insert only.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    // In the database the key is (id, at): a partitioned table's key holds its partition key.
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    event: text('event').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    regionPath: ltree('region_path'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    /** Position in its day's chain, the hash of the row before it and of itself (hex SHA-256); set by the trigger. */
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc()),
    index('audit_log_event_idx').on(t.event, t.at.desc()),
    index('audit_log_actor_idx').on(t.actorId, t.at.desc()),
  ],
);
