import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
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
const BY = {
  checkpoint: ['卡口', 'Checkpoint'],
  township: ['乡镇（街道）', 'Township'],
  county: ['县', 'County'],
} as const;

/**
 * The statistics as the township sends them up: one sheet with the figures per checkpoint,
 * township or county and hour or day, a total row, and who exported it and when. Figures only, no
 * personal data, so nothing is audited.
 */
export async function statsXlsx(actor: Actor, q: StatsQuery, stats: Stats, at: Date): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const bucketed = q.bucket !== 'total';
  const columns: Column<Stats['rows'][number]>[] = [
    { zh: BY[q.by][0], en: BY[q.by][1], width: 22, cell: (r) => r.name },
    ...(bucketed
      ? [
          {
            zh: q.bucket === 'hour' ? '时段' : '日期',
            en: q.bucket === 'hour' ? 'Hour' : 'Day',
            width: 18,
            cell: (r: Stats['rows'][number]) => r.bucket ?? '',
          },
        ]
      : []),
    ...FIGURES.map((f) => ({ zh: f.zh, en: f.en, cell: (r: Stats['rows'][number]) => r[f.key] })),
  ];
  return workbookBuffer(actor.locale, [
    sheet({
      name: en ? 'Checkpoint statistics' : '卡口登记统计',
      title: en ? `Checkpoint statistics ${q.from} – ${q.to}` : `卡口登记统计（${q.from} 至 ${q.to}）`,
      exportedBy: { actor, at },
      columns,
      rows: stats.rows,
      total: [en ? 'Total' : '合计', ...(bucketed ? [''] : []), ...FIGURES.map((f) => stats.totals[f.key])],
    }),
  ]);
}
