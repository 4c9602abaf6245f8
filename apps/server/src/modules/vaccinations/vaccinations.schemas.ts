import { z } from 'zod';
import {
  AGE_GROUP_KEYS,
  COVERAGE_DOSES,
  DOSE_KINDS,
  UNVACCINATED_REASONS,
  VACCINE_TYPES,
  isoDateSchema,
  pageQuery,
  uuidSchema,
} from '@fangkong/domain';

const text = (max: number) => z.string().trim().max(max, 'tooLong');

export const doseSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    vaccine: z.enum(VACCINE_TYPES),
    doseNumber: z.number().int(),
    kind: z.enum(DOSE_KINDS),
    givenOn: z.iso.date(),
    place: z.string().nullable(),
    source: z.enum(['record', 'import']),
  })
  .meta({ id: 'VaccinationDose' });
export const doseList = z.object({ items: z.array(doseSchema) }).meta({ id: 'VaccinationDoseList' });

export const recordDoseBody = z.object({
  id: uuidSchema.optional().describe('made by the client for an offline write; a replay answers the same dose'),
  personId: uuidSchema,
  vaccine: z.enum(VACCINE_TYPES, 'invalidEnum'),
  doseNumber: z
    .number('invalidInteger')
    .int('invalidInteger')
    .min(1, 'vaccination.doseNumber')
    .max(9, 'vaccination.doseNumber'),
  givenOn: isoDateSchema,
  place: text(100).optional(),
});
export type RecordDoseBody = z.infer<typeof recordDoseBody>;

export const personIdParams = z.object({ id: uuidSchema });

export const vaccinationImportResult = z
  .object({
    rows: z.number().int(),
    accepted: z.number().int(),
    created: z.number().int().describe('doses written'),
    alreadyRecorded: z.number().int().describe('rows naming a dose already recorded (re-imports create nothing)'),
    errors: z.array(z.object({ row: z.number().int(), field: z.string(), message: z.string() })),
  })
  .meta({ id: 'VaccinationImportResult' });
export type VaccinationImportResult = z.infer<typeof vaccinationImportResult>;

export const coverageQuery = z.object({
  regionId: uuidSchema.optional().describe("the region whose children are shown; the actor's scope when absent"),
  day: isoDateSchema.optional().describe('counted on this day; today when absent'),
});
export type CoverageQuery = z.infer<typeof coverageQuery>;

const counts = {
  population: z.number().int().describe('registered persons of the group, aged 3 or more on the day'),
  first: z.number().int(),
  full: z.number().int(),
  booster: z.number().int(),
};
const coverageRow = z.object({
  regionId: z.uuid(),
  regionName: z.string(),
  groups: z.array(z.object({ ageGroup: z.enum(AGE_GROUP_KEYS), ...counts })),
  ...counts,
});
export const coverageSchema = z
  .object({ day: z.iso.date(), region: coverageRow, children: z.array(coverageRow) })
  .meta({ id: 'VaccinationCoverage' });
export type CoverageRow = z.infer<typeof coverageRow>;

export const coveragePersonsQuery = pageQuery().extend({
  regionId: uuidSchema.optional(),
  day: isoDateSchema.optional().describe('counted on this day; today when absent'),
  ageGroup: z.enum(AGE_GROUP_KEYS, 'invalidEnum').optional(),
  dose: z.enum(COVERAGE_DOSES, 'invalidEnum').default('first'),
  status: z
    .enum(['vaccinated', 'notVaccinated'], 'invalidEnum')
    .optional()
    .describe('with or without the dose by the day; every person of the population when absent'),
  reason: z
    .enum([...UNVACCINATED_REASONS, 'none'], 'invalidEnum')
    .optional()
    .describe('the latest reason recorded'),
});
export type CoveragePersonsQuery = z.infer<typeof coveragePersonsQuery>;

export const coveragePersonSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  idNumber: z.string().nullable().describe('masked'),
  ageGroup: z.enum(AGE_GROUP_KEYS),
  regionName: z.string(),
  address: z.string().nullable(),
  doses: z.number().int().describe('doses given by the day'),
  lastDoseOn: z.iso.date().nullable(),
  reason: z.enum(UNVACCINATED_REASONS).nullable().describe('why not vaccinated, as last recorded'),
  reasonAt: z.iso.datetime().nullable(),
});
export const coveragePersonPage = z
  .object({ items: z.array(coveragePersonSchema), total: z.number().int() })
  .meta({ id: 'VaccinationPersonPage' });

export const followUpBody = z.object({
  personId: uuidSchema,
  reason: z.enum(UNVACCINATED_REASONS, 'invalidEnum'),
  note: text(200).optional(),
});
export type FollowUpBody = z.infer<typeof followUpBody>;
export const followUpSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    reason: z.enum(UNVACCINATED_REASONS),
    note: z.string().nullable(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'VaccinationFollowUp' });
