import ExcelJS from 'exceljs';
import type { Locale, MEASURED_BY, SYMPTOMS } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { exportedByLine } from '../../files/exported-by.js';
import type { healthChecksService } from './health-checks.service.js';

type Check = Awaited<ReturnType<ReturnType<typeof healthChecksService>['list']>>['items'][number];

// The web app's words for slots, symptoms and who measured (its locale files).
const WORDS: Record<Locale, { sheet: string; slot: Record<'am' | 'pm', string>; symptom: Record<(typeof SYMPTOMS)[number], string>; measuredBy: Record<(typeof MEASURED_BY)[number], string>; yes: string }> = {
  'zh-CN': {
    sheet: '健康监测记录',
    slot: { am: '上午', pm: '下午' },
    symptom: { cough: '咳嗽', soreThroat: '咽痛', fatigue: '乏力', diarrhoea: '腹泻', lossOfSmell: '嗅觉味觉减退', shortnessOfBreath: '呼吸困难', chestPain: '胸痛', confusion: '意识不清' },
    measuredBy: { doctor: '医护人员', gridWorker: '网格员代测', self: '本人自测' },
    yes: '是',
  },
  'en-US': {
    sheet: 'Health checks',
    slot: { am: 'Morning', pm: 'Afternoon' },
    symptom: { cough: 'Cough', soreThroat: 'Sore throat', fatigue: 'Fatigue', diarrhoea: 'Diarrhoea', lossOfSmell: 'Loss of smell or taste', shortnessOfBreath: 'Shortness of breath', chestPain: 'Chest pain', confusion: 'Confusion' },
    measuredBy: { doctor: 'Doctor', gridWorker: 'Grid worker', self: 'Self' },
    yes: 'yes',
  },
};

type Words = (typeof WORDS)[Locale];
const COLUMNS: { zh: string; en: string; width: number; cell: (c: Check, w: Words) => string | number }[] = [
  { zh: '日期', en: 'Day', width: 12, cell: (c) => c.day },
  { zh: '时段', en: 'Slot', width: 8, cell: (c, w) => w.slot[c.slot] },
  { zh: '姓名', en: 'Name', width: 10, cell: (c) => c.name },
  { zh: '村/社区', en: 'Village', width: 14, cell: (c) => c.regionName },
  { zh: '体温(℃)', en: 'Temperature (°C)', width: 10, cell: (c) => c.temperature },
  { zh: '症状', en: 'Symptoms', width: 24, cell: (c, w) => c.symptoms.map((s) => w.symptom[s as keyof Words['symptom']] ?? s).join('、') },
  { zh: '测量人', en: 'Measured by', width: 12, cell: (c, w) => w.measuredBy[c.measuredBy] },
  { zh: '录入时间', en: 'Recorded at', width: 20, cell: (c) => new Date(c.recordedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) },
  { zh: '补录', en: 'Late', width: 6, cell: (c, w) => (c.late ? w.yes : '') },
  { zh: '更正原因', en: 'Correction', width: 20, cell: (c) => c.correctionReason ?? '' },
];

/** Health checks as recorded (corrections on rows of their own), for an inspection or the township. */
export async function checksXlsx(actor: Actor, checks: Check[]): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const w = WORDS[actor.locale] ?? WORDS['zh-CN'];
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(w.sheet);
  ws.addRow([exportedByLine(actor)]);
  ws.addRow(COLUMNS.map((c) => (en ? c.en : c.zh))).font = { bold: true };
  for (const c of checks) ws.addRow(COLUMNS.map((col) => col.cell(c, w)));
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
