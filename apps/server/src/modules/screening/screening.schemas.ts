import { z } from 'zod';
import { instantQuery } from '../../http/time-window.js';
import { isoDateSchema, pageQuerySchema, temperatureSchema, uniqueList, uuidSchema } from '@fangkong/domain';
import { VISIT_OUTCOMES } from '../../db/schema/screening.js';
import { createPersonBody } from '../persons/persons.schemas.js';

export { VISIT_OUTCOMES };
/** Where a household stands in a round: its latest visit's outcome, or `notVisited`. */
export const HOUSEHOLD_STATES = ['notVisited', ...VISIT_OUTCOMES] as const;
export type HouseholdState = (typeof HOUSEHOLD_STATES)[number];
/** `missing`: not covered yet (never visited, nobody home, refused) — the 村不漏户 list. */
export const STATE_FILTERS = [...HOUSEHOLD_STATES, 'missing', 'covered'] as const;
export const NOTICES = ['isolationNotice', 'penaltyNotice', 'healthNotice', 'returneeNotice'] as const;

export const roundSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    name: z.string(),
    purpose: z.string().nullable(),
    startsOn: z.string(),
    deadline: z.string(),
    travelSince: z.string(),
    status: z.enum(['open', 'closed']),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ScreeningRound' });

export const listRoundsQuery = pageQuerySchema.extend({ status: z.enum(['open', 'closed'], 'invalidEnum').optional() });
export type ListRoundsQuery = z.infer<typeof listRoundsQuery>;

const ordered = (b: { startsOn?: string; deadline?: string }) => !b.startsOn || !b.deadline || b.deadline >= b.startsOn;
export const createRoundBody = z
  .object({
    id: uuidSchema.optional(),
    regionId: uuidSchema,
    name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    purpose: z.string().trim().max(500, 'tooLong').nullish(),
    startsOn: isoDateSchema,
    deadline: isoDateSchema,
    travelSince: isoDateSchema,
  })
  .refine(ordered, { message: 'dateRange.order', path: ['deadline'] });
export type CreateRoundBody = z.infer<typeof createRoundBody>;

export const updateRoundBody = z.object({
  name: z.string().trim().min(1, 'required').max(100, 'tooLong').optional(),
  purpose: z.string().trim().max(500, 'tooLong').nullish(),
  deadline: isoDateSchema.optional(),
  status: z.enum(['open', 'closed'], 'invalidEnum').optional(),
});
export type UpdateRoundBody = z.infer<typeof updateRoundBody>;

export const roundPage = z
  .object({ items: z.array(roundSchema), total: z.number().int() })
  .meta({ id: 'ScreeningRoundPage' });
export const roundIdParams = z.object({ id: uuidSchema });

export const coverageFigures = z
  .object({
    households: z.number().int().describe('in scope'),
    visited: z.number().int(),
    away: z.number().int().describe('whole family away, followed up by phone'),
    nobodyHome: z.number().int().describe('revisit pending'),
    refused: z.number().int(),
    notVisited: z.number().int(),
    missing: z.number().int().describe('notVisited + nobodyHome + refused'),
    persons: z.number().int().describe('persons answered for in this round'),
    leads: z.number().int(),
  })
  .meta({ id: 'CoverageFigures' });

export const coverageSchema = z
  .object({
    roundId: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    total: coverageFigures,
    /** One row per child region (township, village, group), and per grid inside a village. */
    children: z.array(
      coverageFigures.extend({ kind: z.enum(['region', 'grid']), id: z.uuid().nullable(), name: z.string() }),
    ),
  })
  .meta({ id: 'Coverage' });
export const coverageQuery = z.object({ regionId: uuidSchema.optional() });

export const roundHouseholdsQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  gridId: uuidSchema.optional(),
  unassigned: z.enum(['true', 'false'], 'invalidEnum').optional().describe('only households in no grid'),
  state: z.enum(STATE_FILTERS, 'invalidEnum').optional(),
  /** Only the grids the caller works in (the grid worker's "my households"). */
  mine: z.enum(['true', 'false'], 'invalidEnum').optional(),
  q: z.string().trim().max(50, 'tooLong').optional(),
  visitedFrom: instantQuery.describe('households covered (visited, or away and followed up) in the round at or after'),
  visitedTo: instantQuery.describe('… and before'),
});
export type RoundHouseholdsQuery = z.infer<typeof roundHouseholdsQuery>;

export const roundHouseholdSchema = z
  .object({
    id: z.uuid(),
    address: z.string(),
    regionName: z.string(),
    gridName: z.string().nullable(),
    headName: z.string().nullable(),
    status: z.enum(['resident', 'away', 'vacant']),
    memberCount: z.number().int(),
    /** Names only: enough for the visit form to work offline once the list is loaded. */
    members: z.array(z.object({ id: z.uuid(), name: z.string() })),
    state: z.enum(HOUSEHOLD_STATES),
    lastVisitAt: z.iso.datetime().nullable(),
    visits: z.number().int(),
  })
  .meta({ id: 'RoundHousehold' });
export const roundHouseholdPage = z
  .object({ items: z.array(roundHouseholdSchema), total: z.number().int() })
  .meta({ id: 'RoundHouseholdPage' });

const trip = z
  .object({
    place: z.string().trim().min(1, 'required').max(100, 'tooLong'),
    from: isoDateSchema,
    to: isoDateSchema.nullish(),
    riskAreaId: uuidSchema.nullish(),
  })
  .refine((t) => !t.to || t.to >= t.from, { message: 'dateRange.order', path: ['to'] });

export const visitMemberInput = z
  .object({
    /** A registered member of the household … */
    personId: uuidSchema.optional(),
    /** … or a member found at the door (新增人员); an ID number already registered links to that record. */
    newPerson: createPersonBody.omit({ householdId: true, regionId: true }).optional(),
    present: z.boolean(),
    awayPlace: z.string().trim().max(100, 'tooLong').nullish(),
    travel: z.array(trip).max(20, 'tooBig').default([]),
    symptoms: z.array(z.string().trim().min(1, 'required').max(50, 'tooLong')).max(10, 'tooBig').default([]),
    temperature: temperatureSchema.nullish(),
  })
  .refine((m) => !!m.personId !== !!m.newPerson, { message: 'required', path: ['personId'] });

export const createVisitBody = z.object({
  /** Made on the phone, so that a replay from the outbox is recognised. */
  id: uuidSchema.optional(),
  householdId: uuidSchema,
  outcome: z.enum(VISIT_OUTCOMES, 'invalidEnum'),
  pledgeSigned: z.boolean().default(false),
  notices: uniqueList(z.enum(NOTICES, 'invalidEnum')).default([]),
  note: z.string().trim().max(500, 'tooLong').nullish(),
  visitedAt: z.iso.datetime({ offset: true, error: 'invalidDate' }).optional(),
  members: z.array(visitMemberInput).max(50, 'tooBig').default([]),
});
export type CreateVisitBody = z.infer<typeof createVisitBody>;

export const visitSchema = z
  .object({
    id: z.uuid(),
    roundId: z.uuid(),
    householdId: z.uuid(),
    address: z.string(),
    outcome: z.enum(VISIT_OUTCOMES),
    pledgeSigned: z.boolean(),
    notices: z.array(z.string()),
    note: z.string().nullable(),
    visitedAt: z.iso.datetime(),
    visitorName: z.string().nullable(),
    members: z.array(
      z.object({
        personId: z.uuid(),
        name: z.string(),
        present: z.boolean(),
        awayPlace: z.string().nullable(),
        travel: z.array(
          z.object({ place: z.string(), from: z.string(), to: z.string().nullable(), riskAreaId: z.uuid().nullable() }),
        ),
        symptoms: z.array(z.string()),
        temperature: z.number().nullable(),
        discovered: z.boolean(),
        leadId: z.uuid().nullable(),
      }),
    ),
  })
  .meta({ id: 'Visit' });
export const visitsQuery = pageQuerySchema.extend({ householdId: uuidSchema.optional() });
export const visitPage = z.object({ items: z.array(visitSchema), total: z.number().int() }).meta({ id: 'VisitPage' });
