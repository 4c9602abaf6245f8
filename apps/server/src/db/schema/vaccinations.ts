import { date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { DOSE_KINDS, UNVACCINATED_REASONS, VACCINE_TYPES } from '@fangkong/domain';
import { createdAt, ltree } from './types.js';
import { person } from './households.js';
import { users } from './users.js';

/**
 * 疫苗接种剂次: one dose given to one person. The same person, dose number and date is the same dose
 * (a re-imported export adds nothing). `region_path` is the person's region when recorded, for scope.
 */
export const vaccinationDose = pgTable(
  'vaccination_dose',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    regionPath: ltree('region_path').notNull(),
    vaccine: text('vaccine', { enum: VACCINE_TYPES as [string, ...string[]] }).notNull(),
    doseNumber: integer('dose_number').notNull(),
    kind: text('kind', { enum: DOSE_KINDS }).notNull(),
    givenOn: date('given_on').notNull(),
    place: text('place'),
    source: text('source', { enum: ['record', 'import'] }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique('vaccination_dose_person_dose_day').on(t.personId, t.doseNumber, t.givenOn),
    index('vaccination_dose_region_path_gist').using('gist', t.regionPath),
    index('vaccination_dose_person_idx').on(t.personId, t.givenOn),
  ],
);

/** 政府找人: why a person of a group is not vaccinated, as the grid worker found on a visit; the latest counts. */
export const vaccinationFollowUp = pgTable(
  'vaccination_follow_up',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => person.id),
    regionPath: ltree('region_path').notNull(),
    reason: text('reason', { enum: UNVACCINATED_REASONS }).notNull(),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('vaccination_follow_up_region_path_gist').using('gist', t.regionPath),
    index('vaccination_follow_up_person_idx').on(t.personId, t.recordedAt),
  ],
);
