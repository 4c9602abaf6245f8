import { z } from 'zod';
import { instantQuery } from '../../http/time-window.js';
import {
  ASSIST_LIST_FIELDS,
  KEY_PERSON_CATEGORIES,
  MEASURES,
  isoDateSchema,
  pageQuerySchema,
  uuidSchema,
} from '@fangkong/domain';

export const leadSourceSchema = z
  .object({
    id: z.uuid(),
    source: z.string(),
    sourceRef: z.uuid().nullable(),
    reasons: z.array(z.string()),
    detail: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'LeadSource' });

export const leadSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid().nullable(),
    name: z.string(),
    idNumber: z.string().nullable().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    regionId: z.uuid(),
    regionName: z.string(),
    regionLevel: z.string().describe('above village level: not matched to the register, for the township to place'),
    status: z.enum(['open', 'verified', 'dismissed']),
    deadline: z.iso.datetime(),
    overdue: z.boolean(),
    escalatedAt: z.iso.datetime().nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    resolution: z.string().nullable(),
    sources: z.array(leadSourceSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Lead' });
export const leadPage = z.object({ items: z.array(leadSchema), total: z.number().int() }).meta({ id: 'LeadPage' });

export const listLeadsQuery = pageQuerySchema.extend({
  status: z.enum(['open', 'verified', 'dismissed'], 'invalidEnum').optional(),
  overdue: z.enum(['true', 'false']).optional(),
  unmatched: z.enum(['true', 'false']).optional().describe('only leads not matched to a registered person'),
  q: z.string().trim().max(50, 'tooLong').optional(),
  regionId: uuidSchema.optional(),
  createdFrom: instantQuery,
  createdTo: instantQuery,
  resolvedFrom: instantQuery,
  resolvedTo: instantQuery,
});
export type ListLeadsQuery = z.infer<typeof listLeadsQuery>;

export const verifyLeadBody = z.object({
  keyPersonId: uuidSchema.optional().describe('client-made id of the key-person file'),
  personId: uuidSchema.optional().describe('the registered person, when the lead was not matched'),
  category: z.enum(KEY_PERSON_CATEGORIES, 'invalidEnum'),
  measure: z.enum(MEASURES, 'invalidEnum'),
  startDate: isoDateSchema,
  plannedEndDate: isoDateSchema.optional(),
});
export type VerifyLeadBody = z.infer<typeof verifyLeadBody>;
export const dismissLeadBody = z.object({ reason: z.string().trim().min(1, 'required').max(500, 'tooLong') });
export const verifyResult = z.object({ leadId: z.uuid(), keyPersonId: z.uuid() }).meta({ id: 'LeadVerified' });

export const importLeadsQuery = z.object({
  issuer: z.string().trim().min(1, 'required').max(100, 'tooLong').describe('who sent the list, e.g. 县卫健局'),
  batch: z.string().trim().max(100, 'tooLong').optional().describe("the list's batch number (批次号)"),
  deadline: z.iso
    .datetime({ offset: true, error: 'invalidDate' })
    .optional()
    .describe("verify by then (协查时限), as the issuer set it; the county's lead deadline when absent"),
  mapping: z
    .string()
    .max(4000, 'tooLong')
    .transform((text, ctx) => {
      try {
        return z.partialRecord(z.enum(ASSIST_LIST_FIELDS), z.string().max(200)).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'invalidEnum' });
        return z.NEVER;
      }
    })
    .optional()
    .describe("JSON object of field → the file's header for it ('' for none): the user's answer to a mapping step"),
});
export const importLeadsResult = z
  .object({
    rows: z.number().int(),
    matched: z.number().int().describe('rows matched to a registered person'),
    unmatched: z.number().int().describe('rows left for the township to place'),
    created: z.number().int().describe('new leads'),
    merged: z.number().int().describe('rows added as a source to an open lead'),
    ignored: z.array(z.string()).describe("the file's columns read for no field"),
    errors: z
      .array(z.object({ row: z.number().int(), field: z.string(), message: z.string() }))
      .describe('always empty: a refused list answers 422 with its bad rows'),
  })
  .meta({ id: 'LeadImportResult' });
export const importLeadsMapping = z
  .object({
    mappingNeeded: z.literal(true),
    headers: z.array(z.string()).describe("the file's header row, title rows above it skipped"),
    fields: z.array(
      z.object({
        field: z.enum(ASSIST_LIST_FIELDS),
        required: z.boolean(),
        column: z.string().nullable().describe('the header matched by name, null when none or several fit'),
        candidates: z.array(z.string()).describe('the headers that could be this field by their name'),
      }),
    ),
  })
  .meta({
    id: 'LeadImportMapping',
    description:
      'Nothing imported: a required column was not found or a field has two candidates; re-submit with `mapping`',
  });
export const idParams = z.object({ id: uuidSchema });

export const leadListSchema = z
  .object({
    listId: z.uuid(),
    issuer: z.string(),
    batch: z.string().nullable().describe('the batch numbers of its rows, joined'),
    deadline: z.iso.datetime().nullable().describe("the list's own deadline, null when the county's default applied"),
    importedAt: z.iso.datetime(),
    rows: z.number().int().describe("rows of the list in the caller's scope"),
    verified: z.number().int(),
    dismissed: z.number().int(),
    open: z.number().int(),
    unmatched: z
      .number()
      .int()
      .describe('open rows matched to no registered person, for the township to place or link'),
    overdue: z.number().int(),
  })
  .meta({ id: 'LeadList' });
export const leadLists = z.object({ items: z.array(leadListSchema) }).meta({ id: 'LeadLists' });
export const listIdParams = z.object({ listId: uuidSchema });

export const placeLeadBody = z.object({ regionId: uuidSchema.describe("a village (or any region) below the lead's") });
export const linkLeadBody = z.object({
  personId: uuidSchema.describe("the person registered later, in the caller's scope"),
});
export const mergeLeadBody = z.object({ leadId: uuidSchema.describe("that person's lead, open or closed") });
