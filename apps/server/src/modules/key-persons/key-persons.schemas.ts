import { z } from 'zod';
import { instantQuery } from '../../http/time-window.js';
import {
  KEY_PERSON_CATEGORIES,
  KEY_PERSON_SOURCES,
  KEY_PERSON_STATUSES,
  MEASURES,
  OFFICER_ROLES,
  ROLES,
  SLOTS,
  isoDateSchema,
  pageQuerySchema,
  phoneSchema,
  uuidSchema,
} from '@fangkong/domain';

const reason = z.string().trim().min(1, 'required').max(500, 'tooLong');

export const LINE_LISTS = [
  'dueNow',
  'overdue',
  'fever',
  'endingToday',
  'released',
  'lostToFollowUp',
  'incompleteTeam',
] as const;
export type LineList = (typeof LINE_LISTS)[number];

export const keyPersonSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    name: z.string(),
    idNumber: z.string().nullable().describe('masked in lists'),
    phone: z.string().nullable().describe('masked in lists'),
    regionId: z.uuid(),
    regionName: z.string(),
    regionPath: z.string(),
    category: z.enum(KEY_PERSON_CATEGORIES),
    source: z.enum(KEY_PERSON_SOURCES),
    measure: z.enum(MEASURES),
    startDate: z.string(),
    plannedEndDate: z.string(),
    status: z.enum(KEY_PERSON_STATUSES),
    statusReason: z.string().nullable(),
    day: z.number().int().describe('day number today; day 1 is the start date'),
    totalDays: z.number().int(),
    officers: z.number().int(),
    requiredOfficers: z.number().int(),
    lastTemperature: z.number().nullable(),
    openAlerts: z.number().int(),
    openTriage: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'KeyPerson' });

export const officerSchema = z
  .object({
    id: z.uuid(),
    role: z.enum(OFFICER_ROLES),
    name: z.string(),
    phone: z.string().nullable(),
    userId: z.uuid().nullable(),
  })
  .meta({ id: 'ResponsibleOfficer' });

export const keyPersonEventSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    fromValue: z.string().nullable(),
    toValue: z.string().nullable(),
    reason: z.string().nullable(),
    actorName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'KeyPersonEvent' });

export const checkSummarySchema = z
  .object({
    id: z.uuid(),
    day: z.string(),
    slot: z.enum(SLOTS),
    temperature: z.number(),
    symptoms: z.array(z.string()),
    measuredBy: z.string(),
    late: z.boolean(),
    correctsId: z.uuid().nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'HealthCheckSummary' });

export const keyPersonDetailSchema = keyPersonSchema
  .extend({
    address: z.string().nullable(),
    officerList: z.array(officerSchema),
    events: z.array(keyPersonEventSchema),
    checks: z.array(checkSummarySchema),
    overdueSlots: z.array(z.object({ day: z.string(), slot: z.enum(SLOTS), level: z.string() })),
  })
  .meta({ id: 'KeyPersonDetail' });

export const keyPersonPage = z
  .object({ items: z.array(keyPersonSchema), total: z.number().int() })
  .meta({ id: 'KeyPersonPage' });

export const listKeyPersonsQuery = pageQuerySchema.extend({
  q: z.string().trim().max(50, 'tooLong').optional(),
  status: z.enum(KEY_PERSON_STATUSES, 'invalidEnum').optional(),
  category: z.enum(KEY_PERSON_CATEGORIES, 'invalidEnum').optional(),
  measure: z.enum(MEASURES, 'invalidEnum').optional(),
  regionId: uuidSchema.optional(),
  list: z.enum(LINE_LISTS, 'invalidEnum').optional(),
  mine: z.enum(['true', 'false']).optional().describe('only the key persons the caller answers for'),
  createdFrom: instantQuery.describe('files opened at or after'),
  createdTo: instantQuery.describe('files opened before'),
  closedFrom: instantQuery,
  closedTo: instantQuery,
  startedFrom: instantQuery.describe(
    'measures that took effect at or after (opened that day, else the start date): 今日新增',
  ),
  startedTo: instantQuery.describe('measures that took effect before'),
});
export type ListKeyPersonsQuery = z.infer<typeof listKeyPersonsQuery>;

export const lineListCountsQuery = z.object({
  regionId: uuidSchema.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export const lineListCounts = z
  .object(Object.fromEntries(LINE_LISTS.map((l) => [l, z.number().int()])) as Record<LineList, z.ZodNumber>)
  .extend({ active: z.number().int() })
  .meta({ id: 'LineListCounts' });

export const createKeyPersonBody = z.object({
  id: uuidSchema.optional().describe('client-made UUIDv7; a replay with the same id returns the existing file'),
  personId: uuidSchema,
  category: z.enum(KEY_PERSON_CATEGORIES, 'invalidEnum'),
  source: z.enum(KEY_PERSON_SOURCES, 'invalidEnum').default('other'),
  measure: z.enum(MEASURES, 'invalidEnum'),
  startDate: isoDateSchema,
  plannedEndDate: isoDateSchema.optional().describe("default: the county's days for the category"),
});
export type CreateKeyPersonBody = z.infer<typeof createKeyPersonBody>;

export const updateKeyPersonBody = z.object({
  category: z.enum(KEY_PERSON_CATEGORIES, 'invalidEnum').optional(),
  measure: z.enum(MEASURES, 'invalidEnum').optional(),
  plannedEndDate: isoDateSchema.optional(),
  reason: reason.optional().describe('required when the end or the measure changes'),
});
export type UpdateKeyPersonBody = z.infer<typeof updateKeyPersonBody>;

export const statusBody = z.object({
  status: z.enum(['active', 'released', 'hospitalized', 'lostToFollowUp'], 'invalidEnum'),
  reason: reason.optional(),
});
export type StatusBody = z.infer<typeof statusBody>;

export const transferBody = z
  .object({
    regionId: uuidSchema.optional().describe('a region of the same county: the file moves there with its history'),
    destination: z
      .string()
      .trim()
      .min(1, 'required')
      .max(200, 'tooLong')
      .optional()
      .describe('another county: the file is closed as transferred'),
    reason,
  })
  .refine((b) => !!b.regionId !== !!b.destination, { message: 'keyPerson.transferTarget', path: ['regionId'] });
export type TransferBody = z.infer<typeof transferBody>;

export const addOfficerBody = z.object({
  role: z.enum(OFFICER_ROLES, 'invalidEnum'),
  userId: uuidSchema
    .optional()
    .describe(
      "the officer's account (required except for leader, police and outsider): the file then appears in their worklists",
    ),
  name: z
    .string()
    .trim()
    .min(1, 'required')
    .max(50, 'tooLong')
    .optional()
    .describe('an officer without an account; with an account its name is used'),
  phone: phoneSchema.optional(),
});
export type AddOfficerBody = z.infer<typeof addOfficerBody>;

export const addTeamBody = z
  .object({ officers: z.array(addOfficerBody).min(1, 'required').max(10, 'tooLong') })
  .describe('several officers at once (the proposed team), all or none');

const officerCandidate = z
  .object({
    userId: z.uuid(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionName: z.string(),
    officerRoles: z.array(z.enum(OFFICER_ROLES)),
  })
  .meta({ id: 'OfficerCandidate' });
export const officerCandidatesSchema = z
  .object({
    proposed: z
      .array(z.object({ role: z.enum(OFFICER_ROLES), userId: z.uuid(), name: z.string() }))
      .describe("the default team from the person's grid and village, without the roles already filled"),
    accounts: z.array(officerCandidate).describe('accounts whose scope holds the person, nearest first'),
  })
  .meta({ id: 'OfficerCandidates' });

export const idParams = z.object({ id: uuidSchema });
export const officerParams = z.object({ id: uuidSchema, officerId: uuidSchema });
