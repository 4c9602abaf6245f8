import { z } from 'zod';
import { INCIDENT_KINDS, pageQuerySchema, uuidSchema } from '@fangkong/domain';
import { instantQuery } from '../../http/time-window.js';

const instant = z.iso.datetime({ offset: true, error: 'invalidDate' });
const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const incidentSchema = z
  .object({
    id: z.uuid(),
    keyPersonId: z.uuid(),
    name: z.string().describe("the key person's name"),
    regionName: z.string(),
    kind: z.enum(INCIDENT_KINDS),
    occurredAt: z.iso.datetime(),
    witnessedBy: z.string(),
    note: z.string().nullable(),
    noticeHandedAt: z.iso.datetime().nullable().describe('when the notice (告知书) was handed over'),
    policeStation: z.string().nullable(),
    policeRef: z.string().nullable().describe("the police station's reference for the hand-over"),
    handedOverAt: z.iso.datetime().nullable(),
    outcome: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'KeyPersonIncident' });
export const incidentList = z.array(incidentSchema);
export const incidentPage = z
  .object({ items: incidentList, total: z.number().int() })
  .meta({ id: 'KeyPersonIncidentPage' });

/** What happened after: any of these, given together or later. */
const followUp = {
  noticeHandedAt: instant.optional(),
  policeStation: text(100).optional(),
  policeRef: text(100).optional(),
  handedOverAt: instant.optional().describe('with policeStation and policeRef'),
  outcome: text(500).optional(),
};
export const addIncidentBody = z.object({
  id: uuidSchema.optional().describe('client-made UUIDv7; a replay changes nothing'),
  kind: z.enum(INCIDENT_KINDS, 'invalidEnum'),
  occurredAt: instant,
  witnessedBy: text(50),
  note: z.string().trim().max(500, 'tooLong').optional(),
  ...followUp,
});
export type AddIncidentBody = z.infer<typeof addIncidentBody>;
export const updateIncidentBody = z.object(followUp);
export type UpdateIncidentBody = z.infer<typeof updateIncidentBody>;

export const incidentParams = z.object({ id: uuidSchema, incidentId: uuidSchema });
export const listIncidentsQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  occurredFrom: instantQuery,
  occurredTo: instantQuery,
  handedOverFrom: instantQuery,
  handedOverTo: instantQuery,
});
export type ListIncidentsQuery = z.infer<typeof listIncidentsQuery>;
