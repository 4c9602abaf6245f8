import { date, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, derivedIndex, encrypted, ltree } from './types.js';
import { person } from './households.js';
import { region } from './regions.js';

/**
 * A person who may need management (线索), whatever raised it. One open lead per person: a second
 * source naming the same person is added to it, not made into a second task.
 */
export const lead = pgTable(
  'lead',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').references(() => person.id),
    name: text('name').notNull(),
    idNumber: encrypted('id_number', 'idNumber'),
    idNumberBidx: derivedIndex('id_number_bidx', 'id_number', 2),
    phone: encrypted('phone', 'phone'),
    phoneBidx: derivedIndex('phone_bidx', 'phone', 2),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    status: text('status', { enum: ['open', 'verified', 'dismissed'] })
      .notNull()
      .default('open'),
    /** Verify by then (协查时限); overdue open leads are escalated. */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /** When the overdue lead was escalated to the township. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution'),
    createdAt: createdAt(),
  },
  (t) => [
    index('lead_region_path_gist').using('gist', t.regionPath),
    index('lead_person_idx').on(t.personId),
    index('lead_id_number_bidx_idx').on(t.idNumberBidx),
    index('lead_status_deadline_idx').on(t.status, t.deadline),
  ],
);

/** One reason a lead was raised: a screening visit, a checkpoint entry, a tip, a list … */
export const leadSource = pgTable(
  'lead_source',
  {
    id: uuid('id').primaryKey(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => lead.id, { onDelete: 'cascade' }),
    source: text('source', {
      enum: ['screening', 'checkpoint', 'tip', 'selfReport', 'assistRequest', 'sentinel', 'contactTracing'],
    }).notNull(),
    /** The record that raised it (a visit, an entry, a list row), for the drill-down. */
    sourceRef: uuid('source_ref'),
    reasons: text('reasons').array().notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('lead_source_lead_idx').on(t.leadId), index('lead_source_ref_idx').on(t.sourceRef)],
);

/** 风险地区: a place whose travellers are managed, between two dates, set by the county. */
export const riskArea = pgTable(
  'risk_area',
  {
    id: uuid('id').primaryKey(),
    /** The county that manages the list. */
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    level: text('level', { enum: ['high', 'medium', 'low'] }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: createdAt(),
  },
  (t) => [index('risk_area_region_path_gist').using('gist', t.regionPath)],
);
