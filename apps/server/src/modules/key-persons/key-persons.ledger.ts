import ExcelJS from 'exceljs';

/** 重点人员台账: the columns officials print, in Chinese like the paper ledger. */
export const CATEGORY_LABELS: Record<string, string> = { returnee: '中高风险地区返乡', closeContact: '密切接触者', suspected: '疑似病例', confirmed: '确诊病例', asymptomatic: '无症状感染者', fever: '发热人员', other: '其他' };
export const MEASURE_LABELS: Record<string, string> = { homeIsolation: '居家隔离医学观察', centralIsolation: '集中隔离医学观察', healthMonitoring: '健康监测', hospitalized: '住院治疗' };
const STATUS: Record<string, string> = { active: '管控中', released: '已解除', transferred: '已转出', hospitalized: '住院', lostToFollowUp: '失访' };

export interface LedgerRow {
  name: string; idNumber: string | null; phone: string | null; regionName: string; category: string; measure: string; startDate: string; plannedEndDate: string;
  day: number; totalDays: number; lastTemperature: number | null; officers: number; requiredOfficers: number; status: string; openAlerts: number; openTriage: number;
}

/** The ledger as an .xlsx file, with who exported it and when in its header. */
export async function ledgerXlsx(rows: LedgerRow[], title: string, exportedBy: string, at: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('重点人员台账');
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow([`导出人：${exportedBy}　导出时间：${at.toISOString()}　共 ${rows.length} 人`]);
  const header = ws.addRow(['序号', '姓名', '身份证号', '联系电话', '村/社区', '类别', '管控措施', '开始日期', '计划解除日期', '管控天数', '最近体温(℃)', '包保责任人', '逾期未测', '待分诊', '状态']);
  header.font = { bold: true };
  rows.forEach((r, i) =>
    ws.addRow([i + 1, r.name, r.idNumber ?? '', r.phone ?? '', r.regionName, CATEGORY_LABELS[r.category] ?? r.category, MEASURE_LABELS[r.measure] ?? r.measure, r.startDate, r.plannedEndDate,
      `${Math.max(r.day, 0)}/${r.totalDays}`, r.lastTemperature ?? '', `${r.officers}/${r.requiredOfficers}`, r.openAlerts, r.openTriage, STATUS[r.status] ?? r.status]));
  ws.columns.forEach((c, i) => (c.width = [6, 10, 22, 14, 14, 16, 18, 12, 14, 10, 12, 12, 10, 8, 8][i]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
