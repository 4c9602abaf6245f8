import { codeWord, yesWord, type Locale, shanghaiDateTimeOf } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import type { healthChecksService } from './health-checks.service.js';

type Check = Awaited<ReturnType<ReturnType<typeof healthChecksService>['list']>>['items'][number];

const SHEET: Record<Locale, string> = { 'zh-CN': '健康监测记录', 'en-US': 'Health checks' };

const COLUMNS: Column<Check>[] = [
  { zh: '日期', en: 'Day', width: 12, cell: (c) => c.day },
  { zh: '时段', en: 'Slot', width: 8, cell: (c, l) => codeWord(l, 'slot', c.slot) },
  { zh: '姓名', en: 'Name', width: 10, cell: (c) => c.name },
  { zh: '村/社区', en: 'Village', width: 14, cell: (c) => c.regionName },
  { zh: '体温(℃)', en: 'Temperature (°C)', width: 10, cell: (c) => c.temperature },
  {
    zh: '症状',
    en: 'Symptoms',
    width: 24,
    cell: (c, l) => c.symptoms.map((s) => codeWord(l, 'symptom', s)).join('、'),
  },
  { zh: '测量人', en: 'Measured by', width: 12, cell: (c, l) => codeWord(l, 'measuredBy', c.measuredBy) },
  { zh: '录入时间', en: 'Recorded at', width: 20, cell: (c) => shanghaiDateTimeOf(c.recordedAt) },
  { zh: '补录', en: 'Late', width: 6, cell: (c, l) => (c.late ? yesWord(l) : '') },
  { zh: '更正原因', en: 'Correction', width: 20, cell: (c) => c.correctionReason ?? '' },
];

/** Health checks as recorded (corrections on rows of their own), for an inspection or the township. */
export async function checksXlsx(actor: Actor, checks: Check[], at: Date): Promise<Buffer> {
  return workbookBuffer(actor.locale, [
    sheet({ name: SHEET[actor.locale], exportedBy: { actor, at }, columns: COLUMNS, rows: checks }),
  ]);
}
