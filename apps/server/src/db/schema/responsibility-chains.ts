import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CHAIN_DUTIES } from '@fangkong/domain';
import { createdAt, encrypted, ltree } from './types.js';
import { region } from './regions.js';
import { users } from './users.js';

/** One named person of a region's 包保 chain (包片/包村/包段/包户), optionally an account. */
export const chainMember = pgTable(
  'chain_member',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    duty: text('duty', { enum: CHAIN_DUTIES }).notNull(),
    name: text('name').notNull(),
    phone: encrypted('phone', 'phone'),
    userId: uuid('user_id').references(() => users.id),
    /** What they answer for in their own words (e.g. 包3组、5组). */
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('chain_member_uq').on(t.regionId, t.duty, t.name),
    index('chain_member_region_path_gist').using('gist', t.regionPath),
  ],
);
