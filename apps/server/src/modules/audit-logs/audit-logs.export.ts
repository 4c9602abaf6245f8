import { auditEventWord, auditTargetWord, shanghaiDateTimeOf } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import type { selectAuditLogs } from './audit-logs.queries.js';

type Row = Awaited<ReturnType<typeof selectAuditLogs>>['items'][number];

const COLUMNS: Column<Row>[] = [
  { zh: '时间', en: 'Time', width: 20, cell: (r) => shanghaiDateTimeOf(r.at, { seconds: true }) },
  { zh: '操作人', en: 'Actor', width: 14, cell: (r) => r.actorName ?? '' },
  { zh: '事件', en: 'Event', width: 24, cell: (r, l) => auditEventWord(l, r.event) },
  { zh: '对象类型', en: 'Target type', width: 16, cell: (r, l) => auditTargetWord(l, r.targetType) },
  { zh: '对象', en: 'Target', width: 38, cell: (r) => r.targetName ?? r.targetId ?? '' },
  { zh: '区划', en: 'Region', width: 20, cell: (r) => r.regionName ?? '' },
  { zh: 'IP 地址', en: 'IP address', width: 16, cell: (r) => r.ip ?? '' },
  { zh: '客户端', en: 'Client', width: 30, cell: (r) => r.userAgent ?? '' },
  { zh: '详情', en: 'Details', width: 60, cell: (r) => (r.detail ? JSON.stringify(r.detail) : '') },
];

/** The audit log as searched, for a review outside the system, with who exported it and when. */
export async function auditLogXlsx(actor: Actor, rows: Row[], at: Date): Promise<Buffer> {
  const name = actor.locale === 'en-US' ? 'Audit log' : '审计日志';
  return workbookBuffer(actor.locale, [sheet({ name, exportedBy: { actor, at }, columns: COLUMNS, rows })]);
}
