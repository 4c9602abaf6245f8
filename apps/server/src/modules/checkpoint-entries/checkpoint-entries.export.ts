import ExcelJS from 'exceljs';
import type { Locale } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid } from '../../http/problem.js';
import type { ListEntriesQuery } from './checkpoint-entries.schemas.js';
import { entryFilter, selectEntries } from './checkpoint-entries.queries.js';

const MAX_ROWS = 20_000;
const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['登记时间', '卡口', '类型', '车牌号', '方向', '来自', '前往', '事由', '处置', '序号', '姓名', '身份证号', '性别', '电话', '体温', '健康码', '本地', '登记人'],
  'en-US': ['Recorded at', 'Checkpoint', 'Kind', 'Plate', 'Direction', 'From', 'To', 'Reason', 'Decision', 'No.', 'Name', 'ID number', 'Sex', 'Phone', 'Temperature', 'Health code', 'Local', 'Recorded by'],
};

/** The entry log as an .xlsx ledger, one row per occupant, with who exported it and when (audited). */
export async function exportEntries(db: Db, actor: Actor, q: Omit<ListEntriesQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items, total } = await selectEntries(db, entryFilter(actor, q), { page: 1, pageSize: MAX_ROWS }, true);
  if (total > MAX_ROWS) throw invalid([{ field: 'from', key: 'tooBig', params: { maximum: MAX_ROWS } }]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(actor.locale === 'en-US' ? 'Checkpoint entries' : '卡口登记');
  const stamp = new Date().toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' });
  ws.addRow([`${actor.locale === 'en-US' ? 'Exported by' : '导出人'}: ${actor.displayName}  ${stamp}`]);
  ws.addRow(HEADERS[actor.locale] ?? HEADERS['zh-CN']);
  const yes = actor.locale === 'en-US' ? 'yes' : '是';
  for (const e of items) {
    for (const o of e.occupants) {
      ws.addRow([
        new Date(e.recordedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }),
        e.checkpointName,
        e.kind,
        e.plate ?? '',
        e.direction,
        e.origin,
        e.destination,
        e.reason,
        e.decision,
        o.position + 1,
        o.name,
        o.idNumber,
        o.sex,
        o.phone ?? '',
        o.temperature,
        o.healthCode ?? '',
        o.local ? yes : '',
        e.recordedByName ?? '',
      ]);
    }
  }
  ws.getColumn(12).width = 22;
  await audit(db, actor, { event: 'checkpointEntry.export', targetType: 'checkpointEntry', detail: { entries: items.length, filter: q } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
