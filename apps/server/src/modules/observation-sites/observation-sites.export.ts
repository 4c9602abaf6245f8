import ExcelJS from 'exceljs';
import type { Actor } from '../../auth/actor.js';
import { exportedByLine } from '../../files/exported-by.js';
import type { observationSitesService } from './observation-sites.service.js';

type Site = Awaited<ReturnType<ReturnType<typeof observationSitesService>['get']>>;

const shanghai = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/**
 * 床位表 of one site, as the site's staff hand it over at a shift change: every bed in room order
 * with who is in it, since when and for how many days, and the site's totals.
 */
export async function siteXlsx(actor: Actor, site: Site, at: Date): Promise<Buffer> {
  const en = actor.locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Beds' : '床位表');
  ws.addRow([`${site.name}${en ? ' — beds' : '床位表'}`]).font = { bold: true, size: 14 };
  ws.addRow([exportedByLine(actor, at)]);
  ws.addRow([en ? `${site.beds} beds, ${site.occupied} occupied, ${site.free} free` : `床位 ${site.beds} 张，在住 ${site.occupied} 人，空床 ${site.free} 张`]);
  ws.addRow(en ? ['Room', 'Bed', 'Name', 'Since', 'Days'] : ['房间', '床位', '姓名', '入住时间', '已住天数']).font = { bold: true };
  for (const b of site.bedList) {
    const days = b.since ? Math.floor((at.getTime() - Date.parse(b.since)) / 86_400_000) + 1 : '';
    ws.addRow([b.room, b.bed, b.name ?? (en ? 'free' : '空'), b.since ? shanghai(b.since) : '', days]);
  }
  [10, 8, 12, 20, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
