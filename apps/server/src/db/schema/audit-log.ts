import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ltree } from './types.js';

export const auditLog = pgTable(
  'audit_log',
  {
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
  },
  (t) => [index('audit_log_at_idx').on(t.at.desc()), index('audit_log_event_idx').on(t.event, t.at.desc()), index('audit_log_actor_idx').on(t.actorId, t.at.desc())],
);
