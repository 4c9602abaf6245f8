import { shanghaiDateTimeOf } from '@fangkong/domain';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import { CATEGORY_LABELS, MEASURE_LABELS } from '../key-persons/key-persons.ledger.js';
import type { FeedbackRow } from './leads.lists.js';

/** What became of a row, in the words the issuer's form uses. */
function resultOf(r: FeedbackRow): string {
  if (r.status === 'verified') return r.measure ? `已核实，${MEASURE_LABELS[r.measure] ?? r.measure}` : '已核实';
  if (r.status === 'dismissed') return `已排除：${r.dismissReason ?? ''}`;
  return r.overdue ? '超时未核查' : '核查中';
}

const COLUMNS: Column<FeedbackRow>[] = [
  { zh: '原表行号', width: 9, cell: (r) => r.row },
  { zh: '姓名', width: 10, cell: (r) => r.name },
  { zh: '身份证号', width: 22, cell: (r) => r.idNumber ?? '' },
  { zh: '联系电话', width: 14, cell: (r) => r.phone ?? '' },
  { zh: '地址', width: 20, cell: (r) => r.address ?? '' },
  { zh: '所属区划', width: 14, cell: (r) => r.regionName },
  { zh: '核查结果', width: 26, cell: resultOf },
  { zh: '人员类别', width: 16, cell: (r) => (r.category ? (CATEGORY_LABELS[r.category] ?? r.category) : '') },
  { zh: '核查时间', width: 20, cell: (r) => (r.resolvedAt ? shanghaiDateTimeOf(r.resolvedAt) : '') },
  { zh: '核查人', width: 10, cell: (r) => r.resolvedBy ?? '' },
];

/**
 * 协查反馈表: the issuer's list sent back row by row (in its own order and numbering) with the
 * result of each, so that the 县卫健局 can tick off its list. In Chinese like the paper form.
 */
export async function feedbackXlsx(
  list: { issuer: string; batch: string | null; deadline: string | null },
  rows: FeedbackRow[],
  exportedBy: string,
  at: Date,
): Promise<Buffer> {
  const done = rows.filter((r) => r.status !== 'open').length;
  return workbookBuffer('zh-CN', [
    sheet({
      name: '协查反馈',
      title: `协查反馈表（${list.issuer}${list.batch ? ` · 批次 ${list.batch}` : ''}）`,
      // The form's own wording (反馈人, not 导出人): the issuer reads it as the answer to its list.
      lines: [
        `反馈人：${exportedBy}　反馈时间：${shanghaiDateTimeOf(at)}　共 ${rows.length} 人，已核查 ${done} 人，未完成 ${rows.length - done} 人${list.deadline ? `　协查时限：${shanghaiDateTimeOf(new Date(list.deadline))}` : ''}`,
      ],
      columns: COLUMNS,
      rows,
    }),
  ]);
}
