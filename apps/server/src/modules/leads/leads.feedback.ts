import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, MEASURE_LABELS } from '../key-persons/key-persons.ledger.js';
import type { FeedbackRow } from './leads.lists.js';

/** What became of a row, in the words the issuer's form uses. */
function resultOf(r: FeedbackRow): string {
  if (r.status === 'verified') return r.measure ? `已核实，${MEASURE_LABELS[r.measure] ?? r.measure}` : '已核实';
  if (r.status === 'dismissed') return `已排除：${r.dismissReason ?? ''}`;
  return r.overdue ? '超时未核查' : '核查中';
}

const shanghai = (d: Date) => d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * 协查反馈表: the issuer's list sent back row by row (in its own order and numbering) with the
 * result of each, so that the 县卫健局 can tick off its list. In Chinese like the paper form.
 */
export async function feedbackXlsx(list: { issuer: string; batch: string | null }, rows: FeedbackRow[], exportedBy: string, at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('协查反馈');
  ws.addRow([`协查反馈表（${list.issuer}${list.batch ? ` · 批次 ${list.batch}` : ''}）`]).font = { bold: true, size: 14 };
  const done = rows.filter((r) => r.status !== 'open').length;
  ws.addRow([`反馈人：${exportedBy}　反馈时间：${shanghai(at)}　共 ${rows.length} 人，已核查 ${done} 人，未完成 ${rows.length - done} 人`]);
  ws.addRow(['原表行号', '姓名', '身份证号', '联系电话', '地址', '所属区划', '核查结果', '人员类别', '核查时间', '核查人']).font = { bold: true };
  for (const r of rows) {
    ws.addRow([r.row, r.name, r.idNumber ?? '', r.phone ?? '', r.address ?? '', r.regionName, resultOf(r), r.category ? (CATEGORY_LABELS[r.category] ?? r.category) : '', r.resolvedAt ? shanghai(r.resolvedAt) : '', r.resolvedBy ?? '']);
  }
  ws.columns.forEach((c, i) => (c.width = [9, 10, 22, 14, 20, 14, 26, 16, 20, 10][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
