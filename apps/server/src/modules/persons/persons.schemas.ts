import { z } from 'zod';
import {
  birthDateSchema,
  idNumberSchema,
  isoDateSchema,
  pageQuerySchema,
  phoneSchema,
  regionCodeSchema,
  sexSchema,
  uniqueList,
  uuidSchema,
} from '@fangkong/domain';

import { VULNERABLE_GROUPS } from '@fangkong/domain';
export { VULNERABLE_GROUPS };

export const personSchema = z
  .object({
    id: z.uuid(),
    idNumber: z.string().nullable().describe('masked'),
    name: z.string(),
    sex: z.enum(['male', 'female']).nullable(),
    birthDate: z.string().nullable(),
    phone: z.string().nullable().describe('masked'),
    householdId: z.uuid().nullable(),
    householdAddress: z.string().nullable(),
    regionId: z.uuid(),
    regionName: z.string(),
    registeredRegionCode: z.string().nullable(),
    vulnerableGroups: z.array(z.string()),
    guardianName: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Person' });

export const personMoveSchema = z.object({
  id: z.uuid(),
  fromHouseholdId: z.uuid().nullable(),
  fromAddress: z.string().nullable(),
  toHouseholdId: z.uuid().nullable(),
  toAddress: z.string().nullable(),
  movedAt: z.iso.datetime(),
  movedBy: z.string().nullable(),
  reason: z.string().nullable(),
});

export const personDetail = personSchema
  .extend({
    moves: z.array(personMoveSchema),
    visits: z.array(
      z.object({
        visitId: z.uuid(),
        roundId: z.uuid(),
        roundName: z.string(),
        visitedAt: z.iso.datetime(),
        outcome: z.string(),
        present: z.boolean(),
        symptoms: z.array(z.string()),
        temperature: z.number().nullable(),
        leadId: z.uuid().nullable(),
      }),
    ),
    leads: z.array(
      z.object({ id: z.uuid(), status: z.string(), reasons: z.array(z.string()), createdAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: 'PersonDetail' });

/** The unmasked personal data; reading it is audited. */
export const personFull = z
  .object({
    id: z.uuid(),
    name: z.string(),
    idNumber: z.string().nullable(),
    phone: z.string().nullable(),
    householdAddress: z.string().nullable(),
    guardianName: z.string().nullable(),
  })
  .meta({ id: 'PersonFull' });

export const listPersonsQuery = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(50, 'tooLong')
    .optional()
    .describe('name (prefix), ID number (whole, or its last 4+ digits) or phone'),
  regionId: uuidSchema.optional(),
  householdId: uuidSchema.optional(),
  vulnerableGroup: z.enum(VULNERABLE_GROUPS, 'invalidEnum').optional(),
});
export type ListPersonsQuery = z.infer<typeof listPersonsQuery>;

const name = z.string().trim().normalize('NFC').min(1, 'required').max(50, 'tooLong');

export const createPersonBody = z.object({
  id: uuidSchema.optional(),
  idNumber: idNumberSchema.nullish(),
  name,
  sex: sexSchema.nullish(),
  birthDate: birthDateSchema.nullish(),
  phone: phoneSchema.nullish(),
  householdId: uuidSchema.nullish(),
  /** Required when the person is not placed in a household. */
  regionId: uuidSchema.nullish(),
  registeredRegionCode: regionCodeSchema.nullish(),
  vulnerableGroups: uniqueList(z.enum(VULNERABLE_GROUPS, 'invalidEnum')).default([]),
  guardianName: name.nullish(),
});
export type CreatePersonBody = z.infer<typeof createPersonBody>;

export const updatePersonBody = createPersonBody.omit({ id: true, householdId: true, regionId: true }).partial();
export type UpdatePersonBody = z.infer<typeof updatePersonBody>;

export const movePersonBody = z.object({
  householdId: uuidSchema,
  reason: z.string().trim().max(200, 'tooLong').optional(),
  effectiveOn: isoDateSchema.optional(),
});
export type MovePersonBody = z.infer<typeof movePersonBody>;

export const personPage = z
  .object({ items: z.array(personSchema), total: z.number().int() })
  .meta({ id: 'PersonPage' });
export const personIdParams = z.object({ id: uuidSchema });

const pairSide = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumber: z.string().nullable().describe('masked'),
  birthDate: z.string().nullable(),
  phone: z.string().nullable().describe('masked'),
  householdId: z.uuid().nullable(),
  address: z.string().nullable(),
});
export const duplicatePage = z
  .object({
    items: z.array(
      z.object({ a: pairSide, b: pairSide, reason: z.enum(['sameNameBirthPhone', 'similarNameInHousehold']) }),
    ),
    total: z.number().int(),
  })
  .meta({ id: 'DuplicatePage' });
export const mergePersonBody = z.object({ duplicateId: uuidSchema });

export const importResult = z
  .object({
    rows: z.number().int(),
    accepted: z.number().int(),
    createdHouseholds: z.number().int(),
    createdPersons: z.number().int(),
    linked: z.number().int().describe('rows that matched a registered person (re-imports create nothing)'),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'LedgerImportResult' });
export const exportQuery = z.object({
  regionId: uuidSchema.optional(),
  full: z.enum(['true', 'false'], 'invalidEnum').optional(),
});
