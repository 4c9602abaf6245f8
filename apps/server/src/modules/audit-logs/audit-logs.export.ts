import ExcelJS from 'exceljs';
import type { Actor } from '../../auth/actor.js';
import { exportedByLine } from '../../files/exported-by.js';
import type { selectAuditLogs } from './audit-logs.queries.js';

type Row = Awaited<ReturnType<typeof selectAuditLogs>>['items'][number];

const COLUMNS: { zh: string; en: string; width: number; cell: (r: Row) => string }[] = [
  { zh: '时间', en: 'Time', width: 20, cell: (r) => new Date(r.at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
  { zh: '操作人', en: 'Actor', width: 14, cell: (r) => r.actorName ?? '' },
  { zh: '事件', en: 'Event', width: 24, cell: (r) => r.event },
  { zh: '对象类型', en: 'Target type', width: 16, cell: (r) => r.targetType ?? '' },
  { zh: '对象', en: 'Target', width: 38, cell: (r) => r.targetId ?? '' },
  { zh: 'IP 地址', en: 'IP address', width: 16, cell: (r) => r.ip ?? '' },
  { zh: '客户端', en: 'Client', width: 30, cell: (r) => r.userAgent ?? '' },
  { zh: '详情', en: 'Details', width: 60, cell: (r) => (r.detail ? JSON.stringify(r.detail) : '') },
];

/** The audit log as searched, for a review outside the system, with who exported it and when. */
export async function auditLogXlsx(actor: Actor, rows: Row[]): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Audit log' : '审计日志');
  ws.addRow([exportedByLine(actor)]);
  ws.addRow(COLUMNS.map((c) => (en ? c.en : c.zh))).font = { bold: true };
  for (const r of rows) ws.addRow(COLUMNS.map((c) => c.cell(r)));
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
