import { z } from 'zod';
import { REGION_LEVELS } from '@fangkong/domain';

export const dashboardQuery = z.object({ regionId: z.uuid('invalidUuid').optional() });

const childSchema = z.object({
  regionId: z.uuid(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  households: z.number().int(),
  persons: z.number().int(),
  leadsOpen: z.number().int(),
  leadsOverdue: z.number().int(),
  reportsExpected: z.number().int().describe('villages and townships at or below that report today'),
  reportsSubmitted: z.number().int(),
  checksDueToday: z.number().int().describe('two slots for every active key person whose measure covers today'),
  checksDoneToday: z.number().int().describe('checks recorded for today (corrections not counted again)'),
  vaccinationEligible: z.number().int().describe('registered persons aged 3 or more (vaccinations.eligible)'),
  vaccinationFirstDose: z.number().int().describe('of them, with a first dose by today (vaccinations.firstDose)'),
  householdsCovered: z
    .number()
    .int()
    .describe(
      'households visited, or away and followed up, in the current round (the latest open round over or inside the region)',
    ),
});

export const dashboardSchema = z
  .object({
    regionId: z.uuid(),
    regionName: z.string(),
    today: z.string(),
    totals: childSchema.omit({ regionId: true, name: true, level: true }),
    children: z.array(childSchema),
    leadsByDay: z
      .array(z.object({ day: z.string(), raised: z.number().int(), resolved: z.number().int() }))
      .describe('the last 14 days'),
    reportsByDay: z
      .array(
        z.object({
          day: z.string(),
          expected: z.number().int(),
          submitted: z.number().int(),
          onTime: z.number().int(),
        }),
      )
      .describe('the last 7 days'),
    keyPersonsByDay: z
      .array(z.object({ day: z.string(), category: z.string(), n: z.number().int() }))
      .describe('key persons under management per day and category, the last 30 days (days without any are left out)'),
    checkpointFlow: z
      .array(
        z.object({
          hour: z.number().int(),
          vehicles: z.number().int(),
          persons: z.number().int(),
          turnedBack: z.number().int(),
        }),
      )
      .describe("today's checkpoint entries per hour, 0–23"),
    overdueLeads: z
      .array(
        z.object({ id: z.uuid(), regionName: z.string(), deadline: z.iso.datetime(), sources: z.array(z.string()) }),
      )
      .describe('the 20 most overdue open leads, without personal data'),
  })
  .meta({ id: 'Dashboard' });
