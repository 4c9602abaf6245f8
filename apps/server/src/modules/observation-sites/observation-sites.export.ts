import { shanghaiDateTimeOf } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import type { observationSitesService } from './observation-sites.service.js';

type Site = Awaited<ReturnType<ReturnType<typeof observationSitesService>['get']>>;
type Bed = Site['bedList'][number];

const columns = (at: Date): Column<Bed>[] => [
  { zh: '房间', en: 'Room', width: 10, cell: (b) => b.room },
  { zh: '床位', en: 'Bed', width: 8, cell: (b) => b.bed },
  { zh: '姓名', en: 'Name', width: 12, cell: (b, l) => b.name ?? (l === 'en-US' ? 'free' : '空') },
  { zh: '入住时间', en: 'Since', width: 20, cell: (b) => (b.since ? shanghaiDateTimeOf(b.since) : '') },
  {
    zh: '已住天数',
    en: 'Days',
    width: 10,
    cell: (b) => (b.since ? Math.floor((at.getTime() - Date.parse(b.since)) / 86_400_000) + 1 : ''),
  },
];

/**
 * 床位表 of one site, as the site's staff hand it over at a shift change: every bed in room order
 * with who is in it, since when and for how many days, and the site's totals.
 */
export async function siteXlsx(actor: Actor, site: Site, at: Date): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  return workbookBuffer(actor.locale, [
    sheet({
      name: en ? 'Beds' : '床位表',
      title: `${site.name}${en ? ' — beds' : '床位表'}`,
      exportedBy: { actor, at },
      lines: [
        en
          ? `${site.beds} beds, ${site.occupied} occupied, ${site.free} free`
          : `床位 ${site.beds} 张，在住 ${site.occupied} 人，空床 ${site.free} 张`,
      ],
      columns: columns(at),
      rows: site.bedList,
    }),
  ]);
}
