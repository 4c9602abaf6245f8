import { z } from 'zod';

export const auditLogSchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    event: z.string(),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    regionPath: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: 'AuditLog' });

export const listAuditLogsQuery = z.object({
  q: z.string().trim().max(100, 'tooLong').optional().describe('matches actor name, event or target id'),
  event: z.string().trim().max(50, 'tooLong').optional(),
  actorId: z.uuid('invalidUuid').optional(),
  from: z.iso.datetime({ offset: true, message: 'invalidDate' }).optional(),
  to: z.iso.datetime({ offset: true, message: 'invalidDate' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditLogsQuery = z.infer<typeof listAuditLogsQuery>;

export const auditLogPage = z.object({ items: z.array(auditLogSchema), total: z.number().int() }).meta({ id: 'AuditLogPage' });
