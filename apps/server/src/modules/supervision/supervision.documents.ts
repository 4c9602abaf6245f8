// The findings ledger (督查整改台账, .xlsx) and the circular (督查通报, .docx), made from the records
// with the same writers as the daily report: files/workbook.ts and the `docx` library.
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { shanghaiDateOf, shanghaiDateTimeOf, type FindingSeverity, type Locale } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer } from '../../files/workbook.js';

export interface LedgerFinding {
  townshipName: string;
  regionName: string;
  placeName: string;
  description: string;
  severity: FindingSeverity;
  responsiblePerson: string | null;
  deadline: string;
  status: 'assigned' | 'rectifying' | 'reported' | 'closed';
  overdue: boolean;
  waiting: { storeName: string } | null;
  evidence: string | null;
  createdAt: string;
  closedAt: string | null;
}

const WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    minor: '一般',
    major: '较重',
    serious: '严重',
    assigned: '已交办',
    rectifying: '整改中',
    reported: '待验收',
    closed: '已整改销号',
    overdue: '（逾期）',
    waiting: '（待物资）',
  },
  'en-US': {
    minor: 'minor',
    major: 'major',
    serious: 'serious',
    assigned: 'assigned',
    rectifying: 'rectifying',
    reported: 'awaiting verification',
    closed: 'rectified and closed',
    overdue: ' (overdue)',
    waiting: ' (waiting on supplies)',
  },
};
const statusOf = (f: LedgerFinding, l: Locale) =>
  WORDS[l][f.status]! + (f.waiting ? WORDS[l].waiting : f.overdue ? WORDS[l].overdue : '');

/** 督查整改台账: one row per finding, by township. */
export function findingsLedgerXlsx(rows: LedgerFinding[], title: string, actor: Actor, at: Date) {
  const l = actor.locale;
  return workbookBuffer(l, [
    sheet({
      name: l === 'en-US' ? 'Findings' : '督查整改台账',
      title,
      exportedBy: { actor, at },
      columns: [
        { zh: '序号', en: 'No.', width: 6, cell: (_r: LedgerFinding & { n: number }) => _r.n },
        { zh: '乡镇（街道）', en: 'Township', width: 14, cell: (r) => r.townshipName },
        { zh: '责任单位', en: 'Responsible region', width: 14, cell: (r) => r.regionName },
        { zh: '督查地点', en: 'Place', width: 16, cell: (r) => r.placeName },
        { zh: '存在问题', en: 'Finding', width: 40, cell: (r) => r.description },
        { zh: '严重程度', en: 'Severity', width: 8, cell: (r) => WORDS[l][r.severity] },
        { zh: '责任人', en: 'Responsible person', width: 10, cell: (r) => r.responsiblePerson },
        { zh: '整改时限', en: 'Deadline', width: 12, cell: (r) => r.deadline },
        { zh: '整改状态', en: 'Status', width: 16, cell: (r) => statusOf(r, l) },
        { zh: '整改情况', en: 'Rectification', width: 30, cell: (r) => r.evidence },
        { zh: '发现时间', en: 'Found', width: 17, cell: (r) => shanghaiDateTimeOf(r.createdAt) },
        { zh: '销号时间', en: 'Closed', width: 17, cell: (r) => r.closedAt && shanghaiDateTimeOf(r.closedAt) },
      ],
      rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
      style: (row) => {
        row.alignment = { wrapText: true, vertical: 'top' };
      },
    }),
  ]);
}

const para = (text: string, o: { bold?: boolean; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, size: o.size ?? 28, bold: o.bold })], spacing: { after: 160 } });

/** 督查通报: the round's findings by township, rectified or open, in the official style. */
export async function circularDocx(
  rows: LedgerFinding[],
  c: { regionName: string; period: string | null; inspections: number; actor: Actor; at: Date },
): Promise<Buffer> {
  const l = c.actor.locale;
  const zh = l !== 'en-US';
  const closed = rows.filter((r) => r.status === 'closed').length;
  const overdue = rows.filter((r) => r.overdue).length;
  const towns = new Map<string, LedgerFinding[]>();
  for (const r of rows) towns.set(r.townshipName, [...(towns.get(r.townshipName) ?? []), r]);
  const children: Paragraph[] = [
    new Paragraph({
      text: zh ? `${c.regionName}疫情防控督查通报` : `${c.regionName} supervision circular`,
      heading: HeadingLevel.TITLE,
    }),
    ...(c.period ? [para(c.period, { size: 24 })] : []),
    para(
      zh
        ? `本期共开展督查${c.inspections}次，发现问题${rows.length}个，已整改销号${closed}个，尚未整改${rows.length - closed}个（其中逾期${overdue}个）。现将各乡镇（街道）问题及整改情况通报如下：`
        : `${c.inspections} inspections found ${rows.length} problems: ${closed} rectified and closed, ${rows.length - closed} open (${overdue} overdue). By township:`,
    ),
  ];
  [...towns.entries()].forEach(([town, list], i) => {
    const done = list.filter((r) => r.status === 'closed').length;
    children.push(
      new Paragraph({ text: `${i + 1}. ${town}`, heading: HeadingLevel.HEADING_2 }),
      para(
        zh
          ? `发现问题${list.length}个，已整改${done}个，未整改${list.length - done}个。`
          : `${list.length} problems, ${done} rectified, ${list.length - done} open.`,
      ),
      ...list.map((r, j) =>
        para(
          zh
            ? `（${j + 1}）${r.placeName}：${r.description}。责任单位：${r.regionName}；整改时限：${r.deadline}；整改情况：${statusOf(r, l)}${r.evidence ? `，${r.evidence}` : ''}。`
            : `(${j + 1}) ${r.placeName}: ${r.description}. Responsible: ${r.regionName}; deadline ${r.deadline}; ${statusOf(r, l)}${r.evidence ? `: ${r.evidence}` : ''}.`,
        ),
      ),
    );
  });
  children.push(
    para(
      zh
        ? '请各乡镇（街道）对照问题清单，即知即改、举一反三，按时限报送整改情况；逾期未整改的，将予以督办问责。'
        : 'Each township is to rectify its findings at once and report by the deadline; overdue findings will be pursued.',
    ),
    new Paragraph({
      children: [
        new TextRun({
          text: `${c.actor.displayName}  ${shanghaiDateOf(c.at)}`,
          italics: true,
          size: 22,
        }),
      ],
    }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
