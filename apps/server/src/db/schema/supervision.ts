import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  PLACE_KINDS,
  SPOT_CHECK_OUTCOMES,
  type CadrePresence,
  type ChecklistItem,
} from '@fangkong/domain';
import { createdAt, ltree } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';
import { supplyItem, supplyStore } from './supplies.js';

/** A county's checklist for one kind of place (督查清单); without a row the defaults apply. */
export const inspectionChecklist = pgTable(
  'inspection_checklist',
  {
    id: uuid('id').primaryKey(),
    /** The county that keeps it. */
    regionPath: ltree('region_path').notNull(),
    placeKind: text('place_kind', { enum: PLACE_KINDS }).notNull(),
    items: jsonb('items').$type<ChecklistItem[]>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [uniqueIndex('inspection_checklist_county_kind_idx').on(t.regionPath, t.placeKind)],
);

/** 督导组: a group led by a named county leader, sent to townships for a period (seed 001). */
export const supervisionGroup = pgTable(
  'supervision_group',
  {
    id: uuid('id').primaryKey(),
    /** The county that sends it. */
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    leaderName: text('leader_name').notNull(),
    leaderTitle: text('leader_title'),
    members: text('members').array().notNull().default([]),
    topics: text('topics'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: createdAt(),
  },
  (t) => [index('supervision_group_region_path_gist').using('gist', t.regionPath)],
);

/** A township a supervision group is assigned to. */
export const supervisionGroupTownship = pgTable(
  'supervision_group_township',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => supervisionGroup.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.regionId] }),
    index('supervision_group_township_path_gist').using('gist', t.regionPath),
  ],
);

/** One answer of an inspection: the item as worded that day, passed (true), failed (false) or not applicable (null). */
export interface InspectionAnswer {
  key: string;
  label: string;
  ok: boolean | null;
  remark: string | null;
}

/** 在岗在位: a named officer or duty cadre found at the post, away, or replaced (by whom). */
export interface InspectionCadre {
  name: string;
  post: string | null;
  presence: CadrePresence;
  replacedBy: string | null;
}

/** 督查 / 暗访: one visit of an inspector to one place, with the checklist's answers. */
export const inspection = pgTable(
  'inspection',
  {
    id: uuid('id').primaryKey(),
    /** The place's region: a checkpoint's or observation site's own, else the region inspected. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    placeKind: text('place_kind', { enum: PLACE_KINDS }).notNull(),
    /** The checkpoint or observation site, for those kinds. */
    placeId: uuid('place_id'),
    placeName: text('place_name').notNull(),
    unannounced: boolean('unannounced').notNull(),
    /** The supervision group the inspector went with, if any. */
    groupId: uuid('group_id').references(() => supervisionGroup.id),
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    inspectorName: text('inspector_name').notNull(),
    answers: jsonb('answers').$type<InspectionAnswer[]>().notNull(),
    cadres: jsonb('cadres').$type<InspectionCadre[]>().notNull().default([]),
    remarks: text('remarks'),
    createdAt: createdAt(),
  },
  (t) => [
    index('inspection_region_path_gist').using('gist', t.regionPath),
    index('inspection_inspected_at_idx').on(t.inspectedAt),
  ],
);

/** 问题: what an inspection found, addressed to the region that must rectify it, and its rectification (整改). */
export const finding = pgTable(
  'finding',
  {
    id: uuid('id').primaryKey(),
    /** The inspection that found it, or null for a spot check's discrepancy. */
    inspectionId: uuid('inspection_id').references(() => inspection.id),
    spotCheckId: uuid('spot_check_id').references(() => spotCheck.id),
    /** The checklist item it failed, or null for a finding of its own. */
    itemKey: text('item_key'),
    /** The responsible region (责任单位). */
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    responsiblePerson: text('responsible_person'),
    description: text('description').notNull(),
    severity: text('severity', { enum: FINDING_SEVERITIES }).notNull(),
    /** Rectify by the end of this Shanghai day (即知即改: the day it was found). */
    deadline: date('deadline').notNull(),
    status: text('status', { enum: FINDING_STATUSES }).notNull().default('assigned'),
    /** What the responsible side says it did (整改情况). */
    evidence: text('evidence'),
    /** The inspector's word when verifying or sending back. */
    reviewNote: text('review_note'),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    reportedBy: uuid('reported_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    /** 缺物资: waiting on a supply from a store (its deadline is not overdue meanwhile). */
    waitingStoreId: uuid('waiting_store_id').references(() => supplyStore.id),
    waitingItemId: uuid('waiting_item_id').references(() => supplyItem.id),
    waitingNote: text('waiting_note'),
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    waitingEndedAt: timestamp('waiting_ended_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('finding_region_path_gist').using('gist', t.regionPath),
    index('finding_inspection_idx').on(t.inspectionId),
    index('finding_status_deadline_idx').on(t.status, t.deadline),
  ],
);

/** 数据核查: a seeded random sample of the records behind one figure of a region's report day. */
export const spotCheck = pgTable(
  'spot_check',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    /** The figure sampled: its section and key, and the report day it was read for. */
    section: text('section').notNull(),
    figure: text('figure').notNull(),
    reportDay: date('report_day').notNull(),
    /** The drill-down list the records were drawn from. */
    listApi: text('list_api').notNull(),
    listQuery: jsonb('list_query').$type<Record<string, string>>().notNull(),
    seed: integer('seed').notNull(),
    /** How many records the figure had when drawn. */
    population: integer('population').notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    inspectorName: text('inspector_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('spot_check_region_path_gist').using('gist', t.regionPath)],
);

/** One sampled record of a spot check, and what the resident said. */
export const spotCheckRecord = pgTable(
  'spot_check_record',
  {
    id: uuid('id').primaryKey(),
    spotCheckId: uuid('spot_check_id')
      .notNull()
      .references(() => spotCheck.id),
    /** Its position in the drill-down list when drawn. */
    position: integer('position').notNull(),
    recordId: uuid('record_id').notNull(),
    /** As the list shows it (masked). */
    label: text('label').notNull(),
    /** The record's region, else the spot check's: where a discrepancy is rectified. */
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    outcome: text('outcome', { enum: SPOT_CHECK_OUTCOMES }).notNull().default('pending'),
    note: text('note'),
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    checkedBy: uuid('checked_by').references(() => users.id),
    findingId: uuid('finding_id'),
  },
  (t) => [
    index('spot_check_record_check_idx').on(t.spotCheckId, t.position),
    index('spot_check_record_region_path_gist').using('gist', t.regionPath),
  ],
);
