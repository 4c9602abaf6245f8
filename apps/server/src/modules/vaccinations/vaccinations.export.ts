import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import type { CoverageRow } from './vaccinations.schemas.js';

type Coverage = { day: string; region: CoverageRow; children: CoverageRow[] };
type Line = { region: string; ageGroup: string; population: number; first: number; full: number; booster: number };

const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10_000) / 100 : null);

/**
 * 疫苗接种统计表: per child region and age group, the population aged 3+ and the persons with a first
 * dose, fully vaccinated and boosted, with their rates (%), and the region's total. Figures only, no
 * personal data, so nothing is audited.
 */
export function coverageXlsx(actor: Actor, c: Coverage, at: Date): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const all = en ? 'All ages' : '合计';
  const linesOf = (r: CoverageRow): Line[] => [
    ...r.groups.map((g) => ({ region: r.regionName, ...g })),
    { region: r.regionName, ageGroup: all, population: r.population, first: r.first, full: r.full, booster: r.booster },
  ];
  const columns: Column<Line>[] = [
    { zh: '区划', en: 'Region', width: 20, cell: (l) => l.region },
    { zh: '年龄组', en: 'Age group', width: 10, cell: (l) => l.ageGroup },
    { zh: '应接种人数', en: 'Population', width: 12, cell: (l) => l.population },
    { zh: '第一剂', en: 'First dose', width: 10, cell: (l) => l.first },
    { zh: '第一剂接种率(%)', en: 'First dose (%)', width: 14, cell: (l) => rate(l.first, l.population) },
    { zh: '全程接种', en: 'Fully vaccinated', width: 10, cell: (l) => l.full },
    { zh: '全程接种率(%)', en: 'Fully vaccinated (%)', width: 14, cell: (l) => rate(l.full, l.population) },
    { zh: '加强免疫', en: 'Booster', width: 10, cell: (l) => l.booster },
    { zh: '加强免疫率(%)', en: 'Booster (%)', width: 14, cell: (l) => rate(l.booster, l.population) },
  ];
  const total = linesOf(c.region).at(-1)!;
  return workbookBuffer(actor.locale, [
    sheet({
      name: en ? 'Coverage' : '接种率',
      title: `${c.region.regionName}${en ? ' vaccination coverage on ' : '疫苗接种统计表（截至'}${c.day}${en ? '' : '）'}`,
      exportedBy: { actor, at },
      columns,
      rows: c.children.flatMap(linesOf),
      total: columns.map((col) => col.cell(total, actor.locale)),
    }),
  ]);
}
