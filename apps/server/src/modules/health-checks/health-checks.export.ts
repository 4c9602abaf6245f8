import ExcelJS from 'exceljs';
import { codeWord, yesWord, type Locale } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { exportedByLine } from '../../files/exported-by.js';
import type { healthChecksService } from './health-checks.service.js';

type Check = Awaited<ReturnType<ReturnType<typeof healthChecksService>['list']>>['items'][number];

const SHEET: Record<Locale, string> = { 'zh-CN': '健康监测记录', 'en-US': 'Health checks' };

const COLUMNS: { zh: string; en: string; width: number; cell: (c: Check, l: Locale) => string | number }[] = [
  { zh: '日期', en: 'Day', width: 12, cell: (c) => c.day },
  { zh: '时段', en: 'Slot', width: 8, cell: (c, l) => codeWord(l, 'slot', c.slot) },
  { zh: '姓名', en: 'Name', width: 10, cell: (c) => c.name },
  { zh: '村/社区', en: 'Village', width: 14, cell: (c) => c.regionName },
  { zh: '体温(℃)', en: 'Temperature (°C)', width: 10, cell: (c) => c.temperature },
  { zh: '症状', en: 'Symptoms', width: 24, cell: (c, l) => c.symptoms.map((s) => codeWord(l, 'symptom', s)).join('、') },
  { zh: '测量人', en: 'Measured by', width: 12, cell: (c, l) => codeWord(l, 'measuredBy', c.measuredBy) },
  { zh: '录入时间', en: 'Recorded at', width: 20, cell: (c) => new Date(c.recordedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
  { zh: '补录', en: 'Late', width: 6, cell: (c, l) => (c.late ? yesWord(l) : '') },
  { zh: '更正原因', en: 'Correction', width: 20, cell: (c) => c.correctionReason ?? '' },
];

/** Health checks as recorded (corrections on rows of their own), for an inspection or the township. */
export async function checksXlsx(actor: Actor, checks: Check[]): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET[actor.locale]);
  ws.addRow([exportedByLine(actor)]);
  ws.addRow(COLUMNS.map((c) => (en ? c.en : c.zh))).font = { bold: true };
  for (const c of checks) ws.addRow(COLUMNS.map((col) => col.cell(c, actor.locale)));
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
