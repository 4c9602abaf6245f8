import { z } from 'zod';
import {
  CADRE_PRESENCES,
  FINDING_SEVERITIES,
  FINDING_STATUSES,
  PLACE_KINDS,
  isoDateSchema,
  pageQuerySchema,
  uuidSchema,
} from '@fangkong/domain';
import { instantQuery } from '../../http/time-window.js';

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong');

export const checklistItemSchema = z.object({ key: z.string(), label: z.string() }).meta({ id: 'ChecklistItem' });
export const checklistSchema = z
  .object({
    placeKind: z.enum(PLACE_KINDS),
    items: z.array(checklistItemSchema),
    custom: z.boolean().describe('false: the shipped defaults apply'),
  })
  .meta({ id: 'InspectionChecklist' });
export const checklists = z.object({ items: z.array(checklistSchema) }).meta({ id: 'InspectionChecklists' });
export const placeKindParams = z.object({ placeKind: z.enum(PLACE_KINDS, 'invalidEnum') });
export const updateChecklistBody = z.object({
  items: z
    .array(
      z.object({
        key: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9_-]{1,40}$/, 'invalid')
          .optional()
          .describe('kept when rewording an item; new items get one'),
        label: text(100),
      }),
    )
    .min(1, 'required')
    .max(40, 'tooBig'),
});
export type UpdateChecklistBody = z.infer<typeof updateChecklistBody>;

const findingFields = {
  regionId: uuidSchema.describe('the responsible region (责任单位)'),
  responsiblePerson: z.string().trim().max(50, 'tooLong').optional(),
  severity: z.enum(FINDING_SEVERITIES, 'invalidEnum'),
  deadline: isoDateSchema.optional().describe('Shanghai date; default today (即知即改)'),
};
export const createInspectionBody = z.object({
  id: uuidSchema.optional().describe('client-made, so a replayed write is stored once'),
  placeKind: z.enum(PLACE_KINDS, 'invalidEnum'),
  placeId: uuidSchema.optional().describe('the checkpoint or observation site'),
  regionId: uuidSchema
    .optional()
    .describe('the region inspected (village, office, clinic); ignored for a checkpoint or site'),
  placeName: z.string().trim().max(100, 'tooLong').optional().describe('the office or clinic inspected'),
  unannounced: z.boolean(),
  groupId: uuidSchema.optional().describe('the supervision group (督导组) the inspector went with'),
  inspectedAt: z.iso.datetime({ offset: true, error: 'invalidDate' }).optional().describe('default now'),
  answers: z
    .array(
      z.object({
        key: z.string().min(1, 'required'),
        ok: z.boolean().nullable().describe('null: not applicable'),
        remark: z.string().trim().max(500, 'tooLong').optional(),
        finding: z
          .object({
            ...findingFields,
            regionId: findingFields.regionId.optional().describe("default the place's region"),
          })
          .optional()
          .describe('for a failed item: who must rectify it, how bad, by when'),
      }),
    )
    .max(60, 'tooBig'),
  findings: z
    .array(z.object({ description: text(500), ...findingFields }))
    .max(30, 'tooBig')
    .default([])
    .describe('findings of their own (not a checklist item)'),
  cadres: z
    .array(
      z.object({
        name: text(50).describe('the officer or duty cadre named on the roster'),
        post: z.string().trim().max(50, 'tooLong').optional().describe('带班领导, 值守人员 …'),
        presence: z.enum(CADRE_PRESENCES, 'invalidEnum'),
        replacedBy: z.string().trim().max(50, 'tooLong').optional().describe('who stood in (replaced)'),
        finding: z
          .object({ severity: findingFields.severity, deadline: findingFields.deadline })
          .optional()
          .describe('for an absence: how bad, by when (default major, today)'),
      }),
    )
    .max(20, 'tooBig')
    .default([])
    .describe('在岗在位: every absence becomes a finding addressed to the place'),
  remarks: z.string().trim().max(2000, 'tooLong').optional(),
});
export type CreateInspectionBody = z.infer<typeof createInspectionBody>;

export const findingSchema = z
  .object({
    id: z.uuid(),
    inspectionId: z.uuid().nullable(),
    spotCheckId: z.uuid().nullable().describe('the spot check whose discrepancy it is'),
    placeName: z.string(),
    itemKey: z.string().nullable(),
    regionId: z.uuid(),
    regionName: z.string(),
    regionPath: z.string(),
    responsiblePerson: z.string().nullable(),
    description: z.string(),
    severity: z.enum(FINDING_SEVERITIES),
    deadline: z.string(),
    status: z.enum(FINDING_STATUSES),
    overdue: z.boolean().describe('never while waiting on a supply'),
    waiting: z
      .object({
        storeId: z.uuid(),
        storeName: z.string(),
        itemId: z.uuid().nullable(),
        itemName: z.string().nullable(),
        itemKey: z.string().nullable().describe('a default item the web translates'),
        note: z.string().nullable(),
        since: z.iso.datetime(),
      })
      .nullable()
      .describe('缺物资: the supply the finding waits on'),
    evidence: z.string().nullable(),
    reviewNote: z.string().nullable(),
    reportedAt: z.iso.datetime().nullable(),
    closedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Finding' });
export const findingPage = z
  .object({ items: z.array(findingSchema), total: z.number().int() })
  .meta({ id: 'FindingPage' });

const cadreSchema = z
  .object({
    name: z.string(),
    post: z.string().nullable(),
    presence: z.enum(CADRE_PRESENCES),
    replacedBy: z.string().nullable(),
  })
  .meta({ id: 'InspectionCadre' });

export const inspectionSchema = z
  .object({
    id: z.uuid(),
    regionId: z.uuid(),
    regionName: z.string(),
    placeKind: z.enum(PLACE_KINDS),
    placeId: z.uuid().nullable(),
    placeName: z.string(),
    unannounced: z.boolean(),
    groupId: z.uuid().nullable(),
    inspectedAt: z.iso.datetime(),
    inspectorName: z.string(),
    answers: z.array(
      z.object({ key: z.string(), label: z.string(), ok: z.boolean().nullable(), remark: z.string().nullable() }),
    ),
    cadres: z.array(cadreSchema),
    remarks: z.string().nullable(),
    findings: z.number().int().describe('findings raised'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Inspection' });
export const inspectionDetail = inspectionSchema
  .extend({ findingList: z.array(findingSchema) })
  .meta({ id: 'InspectionDetail' });
export const inspectionPage = z
  .object({ items: z.array(inspectionSchema), total: z.number().int() })
  .meta({ id: 'InspectionPage' });

export const listInspectionsQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  placeKind: z.enum(PLACE_KINDS, 'invalidEnum').optional(),
  groupId: uuidSchema.optional(),
  inspectedFrom: instantQuery,
  inspectedTo: instantQuery,
});
export type ListInspectionsQuery = z.infer<typeof listInspectionsQuery>;

export const listFindingsQuery = pageQuerySchema.extend({
  regionId: uuidSchema.optional(),
  status: z.enum(FINDING_STATUSES, 'invalidEnum').optional(),
  open: z.enum(['true', 'false']).optional().describe('not closed'),
  overdue: z.enum(['true', 'false']).optional().describe('not closed and past its deadline day'),
  escalated: z
    .enum(['true', 'false'])
    .optional()
    .describe("overdue findings of the regions below the caller's own (escalated to the level above)"),
  inspectionId: uuidSchema.optional(),
  createdFrom: instantQuery.describe('found from'),
  createdTo: instantQuery,
  closedFrom: instantQuery,
  closedTo: instantQuery,
});
export type ListFindingsQuery = z.infer<typeof listFindingsQuery>;

export const rectifyBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('start') }),
    z.object({ action: z.literal('report'), evidence: text(2000).describe('what was done (整改情况)') }),
  ],
  { error: 'invalidEnum' },
);
export type RectifyBody = z.infer<typeof rectifyBody>;
export const reviewBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('verify'), note: z.string().trim().max(500, 'tooLong').optional() }),
    z.object({ action: z.literal('sendBack'), note: text(500).describe('why it is sent back') }),
  ],
  { error: 'invalidEnum' },
);
export type ReviewBody = z.infer<typeof reviewBody>;
export const idParams = z.object({ id: uuidSchema });

export const waitingBody = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('wait'),
      storeId: uuidSchema.describe('the supply store (库点) asked, at, above or below the finding'),
      itemId: uuidSchema.optional().describe("an item of the county's catalogue"),
      note: z.string().trim().max(500, 'tooLong').optional(),
    }),
    z.object({ action: z.literal('release') }),
  ],
  { error: 'invalidEnum' },
);
export type WaitingBody = z.infer<typeof waitingBody>;
export const findingExportQuery = listFindingsQuery.omit({ page: true, pageSize: true });
export type FindingExportQuery = z.infer<typeof findingExportQuery>;
