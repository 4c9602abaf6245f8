import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { VOLUNTEER_SKILLS, VOLUNTEER_TEAM_KINDS } from '@fangkong/domain';
import { createdAt, encrypted, ltree } from './types.js';
import { region } from './regions.js';

/** 志愿服务队 / 党员志愿服务队 of a region. */
export const volunteerTeam = pgTable(
  'volunteer_team',
  {
    id: uuid('id').primaryKey(),
    regionId: uuid('region_id')
      .notNull()
      .references(() => region.id),
    regionPath: ltree('region_path').notNull(),
    kind: text('kind', { enum: VOLUNTEER_TEAM_KINDS }).notNull(),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('volunteer_team_region_path_gist').using('gist', t.regionPath)],
);

/** A member of a team: their skills and where they are assigned now (a checkpoint shift, deliveries …). */
export const volunteer = pgTable(
  'volunteer',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => volunteerTeam.id, { onDelete: 'cascade' }),
    regionPath: ltree('region_path').notNull(),
    name: text('name').notNull(),
    phone: encrypted('phone', 'phone'),
    isLeader: boolean('is_leader').notNull().default(false),
    skills: text('skills', { enum: VOLUNTEER_SKILLS }).array().notNull().default([]),
    assignment: text('assignment'),
    createdAt: createdAt(),
  },
  (t) => [index('volunteer_team_idx').on(t.teamId), index('volunteer_region_path_gist').using('gist', t.regionPath)],
);
