import { index, pgTable, primaryKey, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { COMMAND_UNIT_KINDS, DISPATCH_STATUSES } from '@fangkong/domain';
import { createdAt, encrypted, ltree } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';

/** 指挥部, its 办公室 and 专责组, and 战区分指挥部: the command structure of a county or township. */
export const commandUnit = pgTable(
  'command_unit',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => commandUnit.id),
    kind: text('kind', { enum: COMMAND_UNIT_KINDS }).notNull(),
    name: text('name').notNull(),
    duties: text('duties'),
    createdAt: createdAt(),
  },
  (t) => [
    index('command_unit_region_path_gist').using('gist', t.regionPath),
    index('command_unit_parent_idx').on(t.parentId),
  ],
);

/** The townships a 战区 covers. */
export const commandCoverage = pgTable(
  'command_coverage',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => commandUnit.id, { onDelete: 'cascade' }),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.regionId] })],
);

export const commandMember = pgTable(
  'command_member',
  {
    id: uuid('id').primaryKey(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => commandUnit.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** 指挥长, 组长, 副组长, 成员 … as the unit's document names them. */
    position: text('position').notNull(),
    phone: encrypted('phone', 'phone'),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('command_member_unit_idx').on(t.unitId)],
);

/** 调度: a task handed down to a working group or a region, with a deadline and a reply. */
export const dispatch = pgTable(
  'dispatch',
  {
    id: uuid('id').primaryKey(),
    fromRegionPath: ltree('from_region_path').notNull(),
    fromUserId: uuid('from_user_id')
      .notNull()
      .references(() => users.id),
    toRegionId: uuid('to_region_id')
      .notNull()
      .references(() => region.id),
    /** Where the receiver sits: the region itself, or the region of the receiving unit. */
    toRegionPath: ltree('to_region_path').notNull(),
    toUnitId: uuid('to_unit_id').references(() => commandUnit.id),
    title: text('title').notNull(),
    body: text('body'),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    status: text('status', { enum: DISPATCH_STATUSES }).notNull().default('open'),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    repliedBy: uuid('replied_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('dispatch_to_region_path_gist').using('gist', t.toRegionPath),
    index('dispatch_from_region_path_gist').using('gist', t.fromRegionPath),
  ],
);
