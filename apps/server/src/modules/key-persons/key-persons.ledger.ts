import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';

/** 重点人员台账: the columns officials print, in Chinese like the paper ledger. */
export const CATEGORY_LABELS: Record<string, string> = {
  returnee: '中高风险地区返乡',
  closeContact: '密切接触者',
  suspected: '疑似病例',
  confirmed: '确诊病例',
  asymptomatic: '无症状感染者',
  fever: '发热人员',
  other: '其他',
};
export const MEASURE_LABELS: Record<string, string> = {
  homeIsolation: '居家隔离医学观察',
  centralIsolation: '集中隔离医学观察',
  healthMonitoring: '健康监测',
  hospitalized: '住院治疗',
};
const STATUS: Record<string, string> = {
  active: '管控中',
  released: '已解除',
  transferred: '已转出',
  hospitalized: '住院',
  lostToFollowUp: '失访',
};

export interface LedgerRow {
  name: string;
  idNumber: string | null;
  phone: string | null;
  regionName: string;
  category: string;
  measure: string;
  startDate: string;
  plannedEndDate: string;
  day: number;
  totalDays: number;
  lastTemperature: number | null;
  officers: number;
  requiredOfficers: number;
  status: string;
  openAlerts: number;
  openTriage: number;
}

const COLUMNS: Column<LedgerRow & { n: number }>[] = [
  { zh: '序号', width: 6, cell: (r) => r.n },
  { zh: '姓名', width: 10, cell: (r) => r.name },
  { zh: '身份证号', width: 22, cell: (r) => r.idNumber ?? '' },
  { zh: '联系电话', width: 14, cell: (r) => r.phone ?? '' },
  { zh: '村/社区', width: 14, cell: (r) => r.regionName },
  { zh: '类别', width: 16, cell: (r) => CATEGORY_LABELS[r.category] ?? r.category },
  { zh: '管控措施', width: 18, cell: (r) => MEASURE_LABELS[r.measure] ?? r.measure },
  { zh: '开始日期', width: 12, cell: (r) => r.startDate },
  { zh: '计划解除日期', width: 14, cell: (r) => r.plannedEndDate },
  { zh: '管控天数', width: 10, cell: (r) => `${Math.max(r.day, 0)}/${r.totalDays}` },
  { zh: '最近体温(℃)', width: 12, cell: (r) => r.lastTemperature ?? '' },
  { zh: '包保责任人', width: 12, cell: (r) => `${r.officers}/${r.requiredOfficers}` },
  { zh: '逾期未测', width: 10, cell: (r) => r.openAlerts },
  { zh: '待分诊', width: 8, cell: (r) => r.openTriage },
  { zh: '状态', width: 8, cell: (r) => STATUS[r.status] ?? r.status },
];

/** The ledger as an .xlsx file, with who exported it, when and how many in its header. */
export async function ledgerXlsx(actor: Actor, rows: LedgerRow[], title: string, at: Date): Promise<Buffer> {
  return workbookBuffer(actor.locale, [
    sheet({
      name: '重点人员台账',
      title,
      exportedBy: { actor, at, note: `　共 ${rows.length} 人` },
      columns: COLUMNS,
      rows: rows.map((r, i) => ({ ...r, n: i + 1 })),
    }),
  ]);
}
