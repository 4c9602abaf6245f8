import { z } from 'zod';
import { isoDateSchema, pageQuerySchema, uuidSchema } from '@fangkong/domain';

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;

export const riskAreaSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    level: z.enum(RISK_LEVELS),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    /** Whether it applies today. */
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'RiskArea' });

export const listRiskAreasQuery = pageQuerySchema.extend({
  q: z.string().trim().max(50, 'tooLong').optional(),
  activeOn: isoDateSchema.optional().describe('only areas that apply on this day'),
});
export type ListRiskAreasQuery = z.infer<typeof listRiskAreasQuery>;

const fields = {
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  level: z.enum(RISK_LEVELS, 'invalidEnum'),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema.nullish(),
};
const ordered = (b: { startsOn?: string; endsOn?: string | null }) =>
  !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;

export const createRiskAreaBody = z
  .object({ id: uuidSchema.optional(), ...fields })
  .refine(ordered, { message: 'dateRange.order', path: ['endsOn'] });
export type CreateRiskAreaBody = z.infer<typeof createRiskAreaBody>;
export const updateRiskAreaBody = z
  .object(fields)
  .partial()
  .refine(ordered, { message: 'dateRange.order', path: ['endsOn'] });
export type UpdateRiskAreaBody = z.infer<typeof updateRiskAreaBody>;

export const riskAreaPage = z
  .object({ items: z.array(riskAreaSchema), total: z.number().int() })
  .meta({ id: 'RiskAreaPage' });
export const riskAreaIdParams = z.object({ id: uuidSchema });
