import { z } from 'zod';

/** A field left empty in a form counts as absent. */
const blankAsUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
import {
  idNumberSchema,
  pageQuerySchema,
  phoneSchema,
  plateSchema,
  temperatureSchema,
  uuidSchema,
} from '@fangkong/domain';

const HEALTH_CODES = ['green', 'yellow', 'red'] as const;
const ITINERARY = ['normal', 'starred'] as const;
const NUCLEIC_ACID = ['negative48h', 'none', 'positive'] as const;
const VEHICLE_TYPES = ['car', 'bus', 'truck', 'van', 'motorcycle', 'other'] as const;
const DECISIONS = ['pass', 'turnBack', 'hold'] as const;
const shortText = (max: number) => z.string().trim().max(max, 'tooLong');

export const occupantInput = z.object({
  idNumber: idNumberSchema.optional().describe('required unless personId is given'),
  personId: uuidSchema
    .optional()
    .describe("a resident picked from the look-up (answered masked): the register's ID number is used"),
  /** Optional for a resident in the register: the register's name is used. */
  name: shortText(30).optional(),
  phone: z.preprocess(blankAsUndefined, phoneSchema.optional()),
  temperature: temperatureSchema,
  healthCode: z.enum(HEALTH_CODES, 'invalidEnum').optional(),
  itinerary: z.enum(ITINERARY, 'invalidEnum').optional(),
  nucleicAcid: z.enum(NUCLEIC_ACID, 'invalidEnum').optional(),
});

export const createEntryBody = z.object({
  id: uuidSchema.describe('UUIDv7 made by the phone; a replay with the same id returns the stored entry'),
  kind: z.enum(['vehicle', 'pedestrian'], 'invalidEnum'),
  plate: z.preprocess(blankAsUndefined, plateSchema.optional()),
  vehicleType: z.enum(VEHICLE_TYPES, 'invalidEnum').optional(),
  direction: z.enum(['in', 'out'], 'invalidEnum'),
  origin: shortText(100).default(''),
  destination: shortText(100).default(''),
  reason: shortText(200).default(''),
  decision: z.enum(DECISIONS, 'invalidEnum'),
  holdOutcome: z.enum(['placement', 'handover'], 'invalidEnum').optional(),
  recordedAt: z.iso
    .datetime({ offset: true, error: 'invalidDate' })
    .describe('when the staff registered it, kept for late offline submissions'),
  occupants: z.array(occupantInput).min(1, 'checkpointEntry.noOccupants').max(60, 'tooBig'),
});
export type CreateEntryBody = z.infer<typeof createEntryBody>;

export const occupantSchema = z.object({
  id: z.uuid(),
  position: z.number().int(),
  personId: z.uuid().nullable(),
  name: z.string(),
  idNumber: z.string().describe('masked in lists'),
  sex: z.enum(['male', 'female']),
  birthDate: z.string(),
  phone: z.string().nullable(),
  temperature: z.number(),
  healthCode: z.enum(HEALTH_CODES).nullable(),
  itinerary: z.enum(ITINERARY).nullable(),
  nucleicAcid: z.enum(NUCLEIC_ACID).nullable(),
  fever: z.boolean(),
  riskArea: z.boolean(),
  local: z.boolean(),
  leadId: z.uuid().nullable(),
});

export const entrySchema = z
  .object({
    id: z.uuid(),
    checkpointId: z.uuid(),
    checkpointName: z.string(),
    kind: z.enum(['vehicle', 'pedestrian']),
    plate: z.string().nullable(),
    vehicleType: z.enum(VEHICLE_TYPES).nullable(),
    direction: z.enum(['in', 'out']),
    origin: z.string(),
    destination: z.string(),
    reason: z.string(),
    decision: z.enum(DECISIONS),
    holdOutcome: z.enum(['placement', 'handover']).nullable(),
    recordedAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    recordedByName: z.string().nullable(),
    local: z.boolean(),
    persons: z.number().int(),
    occupants: z.array(occupantSchema),
  })
  .meta({ id: 'CheckpointEntry' });
export type EntryDto = z.infer<typeof entrySchema>;

export const listEntriesQuery = pageQuerySchema.extend({
  checkpointId: uuidSchema.optional(),
  plate: z.string().trim().max(10, 'tooLong').optional().describe('a plate or its beginning'),
  idNumber: z.string().trim().max(18, 'tooLong').optional().describe("an occupant's full ID number"),
  from: z.iso.datetime({ offset: true, error: 'invalidDate' }).optional(),
  to: z.iso.datetime({ offset: true, error: 'invalidDate' }).optional(),
  decision: z.enum(DECISIONS).optional(),
  kind: z.enum(['vehicle', 'pedestrian'], 'invalidEnum').optional(),
  fever: z.enum(['true', 'false'], 'invalidEnum').optional().describe('only entries with a febrile person'),
  regionId: uuidSchema.optional().describe('entries at checkpoints at or below this region'),
});
export type ListEntriesQuery = z.infer<typeof listEntriesQuery>;
export const exportEntriesQuery = listEntriesQuery.omit({ page: true, pageSize: true });

export const entryPage = z
  .object({
    items: z.array(entrySchema),
    total: z.number().int(),
    occupants: z.number().int().describe('persons in the matching entries (drivers and passengers)'),
    feverOccupants: z
      .number()
      .int()
      .nullable()
      .describe('febrile persons in the matching entries; counted with fever=true only'),
  })
  .meta({ id: 'CheckpointEntryPage' });
export const entryIdParams = z.object({ id: uuidSchema });
export const checkpointEntriesParams = z.object({ id: uuidSchema });

/** Only what the occupant form needs: the register's name, ID number and phone masked, and that the person is local (and where). */
export const residentSchema = z
  .object({
    personId: z.uuid(),
    name: z.string(),
    idNumber: z.string().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    local: z.literal(true),
    regionName: z.string(),
  })
  .meta({ id: 'Resident' });
export const residentsQuery = z.object({
  idNumber: z.string().trim().max(18, 'tooLong').optional(),
  name: z.string().trim().min(1, 'required').max(30, 'tooLong').optional(),
  q: z
    .string()
    .trim()
    .min(2, 'tooShort')
    .max(30, 'tooLong')
    .optional()
    .describe(
      'the last 4–17 characters of an ID number, 2–4 pinyin initials (zs), a full ID number or the beginning of a name',
    ),
});
export type ResidentsQuery = z.infer<typeof residentsQuery>;
export const residentList = z.object({ items: z.array(residentSchema) }).meta({ id: 'ResidentList' });

export const lastOccupantsQuery = z.object({ plate: plateSchema });
export const lastOccupants = z
  .object({
    entryId: z.uuid().nullable(),
    recordedAt: z.iso.datetime().nullable(),
    occupants: z.array(
      z.object({ name: z.string(), idNumber: z.string(), phone: z.string().nullable(), personId: z.uuid().nullable() }),
    ),
  })
  .meta({ id: 'LastOccupants' });
