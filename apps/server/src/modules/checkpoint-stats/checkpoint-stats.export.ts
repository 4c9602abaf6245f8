import ExcelJS from 'exceljs';
import type { Actor } from '../../auth/actor.js';
import { exportedByLine } from '../../files/exported-by.js';
import type { StatsQuery } from './checkpoint-stats.schemas.js';
import type { selectStats } from './checkpoint-stats.queries.js';

type Stats = Awaited<ReturnType<typeof selectStats>>;
type Figure = keyof Stats['totals'];

const FIGURES: { key: Figure; zh: string; en: string }[] = [
  { key: 'vehicles', zh: '车辆', en: 'Vehicles' },
  { key: 'localVehicles', zh: '本地车辆', en: 'Local vehicles' },
  { key: 'outsideVehicles', zh: '外地车辆', en: 'Outside vehicles' },
  { key: 'pedestrians', zh: '行人', en: 'Pedestrians' },
  { key: 'persons', zh: '人员', en: 'Persons' },
  { key: 'localPersons', zh: '本地人员', en: 'Local persons' },
  { key: 'outsidePersons', zh: '外地人员', en: 'Outside persons' },
  { key: 'turnedBack', zh: '劝返', en: 'Turned back' },
  { key: 'held', zh: '留验', en: 'Held' },
  { key: 'fevers', zh: '发热', en: 'Fevers' },
  { key: 'riskArea', zh: '来自风险地区', en: 'From risk areas' },
];
const BY = { checkpoint: ['卡口', 'Checkpoint'], township: ['乡镇（街道）', 'Township'], county: ['县', 'County'] } as const;

/**
 * The statistics as the township sends them up: one sheet with the figures per checkpoint,
 * township or county and hour or day, a total row, and who exported it and when. Figures only, no
 * personal data, so nothing is audited.
 */
export async function statsXlsx(actor: Actor, q: StatsQuery, stats: Stats): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Checkpoint statistics' : '卡口登记统计');
  ws.addRow([en ? `Checkpoint statistics ${q.from} – ${q.to}` : `卡口登记统计（${q.from} 至 ${q.to}）`]).font = { bold: true, size: 14 };
  ws.addRow([exportedByLine(actor)]);
  const bucketed = q.bucket !== 'total';
  ws.addRow([BY[q.by][en ? 1 : 0], ...(bucketed ? [en ? (q.bucket === 'hour' ? 'Hour' : 'Day') : q.bucket === 'hour' ? '时段' : '日期'] : []), ...FIGURES.map((f) => (en ? f.en : f.zh))]).font = { bold: true };
  for (const r of stats.rows) ws.addRow([r.name, ...(bucketed ? [r.bucket ?? ''] : []), ...FIGURES.map((f) => r[f.key])]);
  ws.addRow([en ? 'Total' : '合计', ...(bucketed ? [''] : []), ...FIGURES.map((f) => stats.totals[f.key])]).font = { bold: true };
  ws.getColumn(1).width = 22;
  if (bucketed) ws.getColumn(2).width = 18;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
