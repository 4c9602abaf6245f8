import { z } from 'zod';
import { instantQuery } from '../../http/time-window.js';
import {
  MEASURED_BY,
  SLOTS,
  SYMPTOMS,
  isoDateSchema,
  pageQuerySchema,
  temperatureSchema,
  uniqueList,
  uuidSchema,
} from '@fangkong/domain';

export const healthCheckSchema = z
  .object({
    id: z.uuid(),
    keyPersonId: z.uuid(),
    day: z.string(),
    slot: z.enum(SLOTS),
    temperature: z.number(),
    symptoms: z.array(z.string()),
    measuredBy: z.enum(MEASURED_BY),
    late: z.boolean().describe('recorded after its window closed'),
    correctsId: z.uuid().nullable(),
    correctionReason: z.string().nullable(),
    recordedAt: z.iso.datetime(),
    triageTaskId: z.uuid().nullable().describe('the triage task this check opened, if any'),
    triageDeadline: z.iso
      .datetime()
      .nullable()
      .describe("that task's deadline, counted from the server's clock when the check arrived"),
  })
  .meta({ id: 'HealthCheck' });

const symptoms = uniqueList(z.enum(SYMPTOMS, 'invalidEnum')).default([]);

export const recordCheckBody = z.object({
  id: uuidSchema.optional().describe('client-made UUIDv7; a replay returns the stored check'),
  keyPersonId: uuidSchema,
  day: isoDateSchema,
  slot: z.enum(SLOTS, 'invalidEnum'),
  temperature: temperatureSchema,
  symptoms,
  measuredBy: z.enum(MEASURED_BY, 'invalidEnum'),
  recordedAt: z.iso
    .datetime({ offset: true, error: 'invalidDate' })
    .optional()
    .describe('when the check was taken on the phone; an offline write replayed later keeps it'),
});
export type RecordCheckBody = z.infer<typeof recordCheckBody>;

export const correctionBody = z.object({
  temperature: temperatureSchema,
  symptoms,
  reason: z.string().trim().min(1, 'required').max(500, 'tooLong'),
});
export type CorrectionBody = z.infer<typeof correctionBody>;

export const listChecksQuery = pageQuerySchema.extend({
  keyPersonId: uuidSchema.optional(),
  day: isoDateSchema.optional(),
  regionId: uuidSchema.optional(),
  recordedFrom: instantQuery,
  recordedTo: instantQuery,
  corrections: z
    .enum(['true', 'false'], 'invalidEnum')
    .optional()
    .describe('false: only the checks as first recorded, not their corrections'),
});
export type ListChecksQuery = z.infer<typeof listChecksQuery>;
export const exportChecksQuery = listChecksQuery.omit({ page: true, pageSize: true });
const listedCheckSchema = healthCheckSchema
  .extend({ name: z.string().describe("the key person's name"), regionName: z.string() })
  .meta({ id: 'ListedHealthCheck' });
export const healthCheckPage = z
  .object({ items: z.array(listedCheckSchema), total: z.number().int() })
  .meta({ id: 'HealthCheckPage' });

export const triageTaskSchema = z
  .object({
    id: z.uuid(),
    keyPersonId: z.uuid().nullable().describe("the key person's fever, or null for a clinic's walk-in patient"),
    healthCheckId: z.uuid().nullable(),
    walkInId: z.uuid().nullable().describe('the walk-in patient registered at a clinic (预检分诊)'),
    referredTo: z.string().nullable().describe('the fever clinic a walk-in patient was referred to'),
    transferredAt: z.iso.datetime().nullable().describe('when the walk-in patient was transferred'),
    name: z.string(),
    regionName: z.string(),
    temperature: z.number(),
    symptoms: z.array(z.string()),
    status: z.enum(['open', 'acknowledged', 'closed']),
    deadline: z.iso.datetime(),
    overdue: z.boolean(),
    escalatedAt: z.iso.datetime().nullable(),
    acknowledgedAt: z.iso.datetime().nullable(),
    outcome: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'TriageTask' });
export const triageTaskPage = z
  .object({ items: z.array(triageTaskSchema), total: z.number().int() })
  .meta({ id: 'TriageTaskPage' });
export const listTriageQuery = pageQuerySchema.extend({
  keyPersonId: uuidSchema.optional(),
  status: z.enum(['open', 'acknowledged', 'closed'], 'invalidEnum').optional(),
  regionId: uuidSchema.optional(),
  createdFrom: instantQuery,
  createdTo: instantQuery,
});
export type ListTriageQuery = z.infer<typeof listTriageQuery>;
export const closeTriageBody = z.object({ outcome: z.string().trim().min(1, 'required').max(500, 'tooLong') });
export const idParams = z.object({ id: uuidSchema });
