import { z } from 'zod';
import { TRANSPORT_MODES, idNumberSchema, isoDateSchema, phoneSchema, uuidSchema } from '@fangkong/domain';

const text = (max: number) => z.string('required').trim().min(1, 'required').max(max, 'tooLong');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .optional()
    .transform((v) => v || undefined);

/** The answer to the arithmetic question asked once a caller has sent too much. */
export const challengeAnswer = z
  .object({ token: z.string().max(200, 'tooLong'), answer: z.string().trim().max(10, 'tooLong') })
  .optional();
/** A random id the page keeps on the phone (localStorage), for the per-device limit. */
const deviceId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{8,64}$/, 'invalid')
  .optional();

export const companionSchema = z.object({
  name: text(50),
  idNumber: idNumberSchema,
  phone: phoneSchema.optional(),
});

export const selfReportBody = z.object({
  name: text(50),
  idNumber: idNumberSchema,
  phone: phoneSchema,
  riskAreaId: uuidSchema.optional().describe('the risk area come from, when it is on the list'),
  fromPlace: text(100).describe('where from, as the person says it'),
  arrivalDate: isoDateSchema.describe('arrival here (Asia/Shanghai); not in the future'),
  travelMode: z.enum(TRANSPORT_MODES, 'invalidEnum'),
  regionId: uuidSchema.describe('the village (or the township when the village is unknown) of the address here'),
  address: text(200),
  companions: z.array(companionSchema).max(10, 'tooBig').default([]),
  deviceId,
  challenge: challengeAnswer,
});
export type SelfReportBody = z.infer<typeof selfReportBody>;

export const tipBody = z
  .object({
    anonymous: z.boolean().default(true),
    reporterName: optionalText(50),
    reporterPhone: phoneSchema.optional(),
    subjectName: optionalText(50).describe('who the tip is about, when known'),
    what: text(1000),
    regionId: uuidSchema.describe('the village (or township) where it happens'),
    address: text(200),
    photo: z
      .string()
      .max(8_000_000, 'payloadTooLarge')
      .optional()
      .describe('base64 of a JPEG, PNG or WebP image of at most 5 MB'),
    deviceId,
    challenge: challengeAnswer,
  })
  .superRefine((b, ctx) => {
    if (!b.anonymous && !b.reporterPhone)
      ctx.addIssue({ code: 'custom', path: ['reporterPhone'], message: 'required' });
  });
export type TipBody = z.infer<typeof tipBody>;

export const receiptSchema = z
  .object({ receipt: z.string().describe('回执号'), receivedAt: z.iso.datetime() })
  .meta({ id: 'PublicReceipt' });

export const challengeSchema = z
  .object({ question: z.string().describe('e.g. 7 + 5 = ?'), token: z.string() })
  .meta({ id: 'PublicChallenge' });

export const publicOptionsSchema = z
  .object({
    county: z.string(),
    regions: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        level: z.enum(['township', 'village']),
        parentId: z.uuid().nullable(),
      }),
    ),
    riskAreas: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.string() })),
  })
  .meta({ id: 'PublicReportOptions' });

export const idParams = z.object({ id: uuidSchema });
export const reporterSchema = z
  .object({ name: z.string().nullable(), phone: z.string().describe('in full') })
  .meta({ id: 'TipReporter' });
