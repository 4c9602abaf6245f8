import { z } from 'zod';
import {
  SYMPTOMS,
  idNumberSchema,
  pageQuery,
  phoneSchema,
  temperatureSchema,
  uniqueList,
  uuidSchema,
} from '@fangkong/domain';

const instant = z.iso.datetime({ offset: true, error: 'invalidDate' });

export const walkInSchema = z
  .object({
    id: z.uuid(),
    sentinelId: z.uuid(),
    sentinelName: z.string(),
    regionId: z.uuid(),
    regionName: z.string(),
    name: z.string(),
    idNumber: z.string().describe('masked'),
    phone: z.string().nullable().describe('masked'),
    temperature: z.number(),
    symptoms: z.array(z.string()),
    arrivedAt: z.iso.datetime(),
    referredTo: z.string().nullable(),
    transferredAt: z.iso.datetime().nullable(),
    triageTaskId: z.uuid().nullable(),
    triageStatus: z.enum(['open', 'acknowledged', 'closed']).nullable(),
    outcome: z.string().nullable(),
  })
  .meta({ id: 'WalkIn' });
export const walkInPage = z
  .object({ items: z.array(walkInSchema), total: z.number().int() })
  .meta({ id: 'WalkInPage' });

export const createWalkInBody = z.object({
  id: uuidSchema.optional(),
  sentinelId: uuidSchema,
  idNumber: idNumberSchema,
  name: z.string().trim().min(1, 'required').max(50, 'tooLong'),
  phone: phoneSchema.optional(),
  temperature: temperatureSchema,
  symptoms: uniqueList(z.enum(SYMPTOMS, 'invalidEnum')).default([]),
  arrivedAt: instant.optional().describe('default now'),
});
export type CreateWalkInBody = z.infer<typeof createWalkInBody>;

export const referWalkInBody = z.object({
  referredTo: z.string().trim().min(1, 'required').max(100, 'tooLong').describe('the fever clinic'),
  transferredAt: instant,
});
export type ReferWalkInBody = z.infer<typeof referWalkInBody>;

export const listWalkInsQuery = pageQuery().extend({ regionId: uuidSchema.optional() });
