import { z } from 'zod';
import { pageQuery } from '@fangkong/domain';

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
    regionName: z.string().nullable().describe('the name of the region at regionPath'),
    targetName: z
      .string()
      .nullable()
      .describe('the name of the user, region, person, checkpoint or site the row is about'),
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
  ...pageQuery({ defaultSize: 50 }).shape,
});
export type ListAuditLogsQuery = z.infer<typeof listAuditLogsQuery>;
export const exportAuditLogsQuery = listAuditLogsQuery.omit({ page: true, pageSize: true });

export const auditLogPage = z
  .object({ items: z.array(auditLogSchema), total: z.number().int() })
  .meta({ id: 'AuditLogPage' });
