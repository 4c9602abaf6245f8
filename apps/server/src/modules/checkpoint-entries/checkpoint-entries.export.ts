import ExcelJS from 'exceljs';
import { codeWord, yesWord, type Locale } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid } from '../../http/problem.js';
import type { EntryDto, ListEntriesQuery } from './checkpoint-entries.schemas.js';
import { exportedByLine } from '../../files/exported-by.js';
import { entryFilter, selectEntries } from './checkpoint-entries.queries.js';

const MAX_ROWS = 20_000;

type Entry = EntryDto;
type Occupant = EntryDto['occupants'][number];

/** The ledger's columns: header per locale and the cell of one occupant of one entry. */
const COLUMNS: { zh: string; en: string; width?: number; cell: (e: Entry, o: Occupant, l: Locale) => string | number }[] = [
  { zh: '登记时间', en: 'Recorded at', width: 20, cell: (e) => new Date(e.recordedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' }) },
  { zh: '卡口', en: 'Checkpoint', width: 16, cell: (e) => e.checkpointName },
  { zh: '类型', en: 'Kind', cell: (e, _, l) => codeWord(l, 'entryKind', e.kind) },
  { zh: '车牌号', en: 'Plate', width: 12, cell: (e) => e.plate ?? '' },
  { zh: '车型', en: 'Vehicle type', cell: (e, _, l) => codeWord(l, 'vehicleType', e.vehicleType) },
  { zh: '方向', en: 'Direction', cell: (e, _, l) => codeWord(l, 'direction', e.direction) },
  { zh: '来自', en: 'From', width: 16, cell: (e) => e.origin },
  { zh: '前往', en: 'To', width: 16, cell: (e) => e.destination },
  { zh: '事由', en: 'Reason', width: 16, cell: (e) => e.reason },
  { zh: '处置', en: 'Decision', cell: (e, _, l) => codeWord(l, 'decision', e.decision) },
  { zh: '留验去向', en: 'Hold outcome', cell: (e, _, l) => codeWord(l, 'holdOutcome', e.holdOutcome) },
  { zh: '序号', en: 'No.', cell: (_, o) => o.position + 1 },
  { zh: '姓名', en: 'Name', cell: (_, o) => o.name },
  { zh: '身份证号', en: 'ID number', width: 22, cell: (_, o) => o.idNumber },
  { zh: '性别', en: 'Sex', cell: (_, o, l) => codeWord(l, 'sex', o.sex) },
  { zh: '电话', en: 'Phone', width: 14, cell: (_, o) => o.phone ?? '' },
  { zh: '体温', en: 'Temperature', cell: (_, o) => o.temperature },
  { zh: '发热', en: 'Fever', cell: (_, o, l) => (o.fever ? yesWord(l) : '') },
  { zh: '风险地区', en: 'Risk area', cell: (_, o, l) => (o.riskArea ? yesWord(l) : '') },
  { zh: '健康码', en: 'Health code', cell: (_, o, l) => codeWord(l, 'healthCode', o.healthCode) },
  { zh: '行程卡', en: 'Itinerary card', cell: (_, o, l) => codeWord(l, 'itinerary', o.itinerary) },
  { zh: '48 小时核酸', en: 'Nucleic acid (48 h)', cell: (_, o, l) => codeWord(l, 'nucleicAcid', o.nucleicAcid) },
  { zh: '本地', en: 'Local', cell: (_, o, l) => (o.local ? yesWord(l) : '') },
  { zh: '登记人', en: 'Recorded by', cell: (e) => e.recordedByName ?? '' },
];

/** The entry log as an .xlsx ledger, one row per occupant, with who exported it and when (audited). */
export async function exportEntries(db: Db, actor: Actor, q: Omit<ListEntriesQuery, 'page' | 'pageSize'>): Promise<Buffer> {
  const { items, total } = await selectEntries(db, entryFilter(actor, q), { page: 1, pageSize: MAX_ROWS }, true);
  if (total > MAX_ROWS) throw invalid([{ field: 'from', key: 'tooBig', params: { maximum: MAX_ROWS } }]);
  const en = actor.locale === 'en-US';
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(en ? 'Checkpoint entries' : '卡口登记');
  ws.addRow([exportedByLine(actor)]);
  ws.addRow(COLUMNS.map((c) => (en ? c.en : c.zh))).font = { bold: true };
  for (const e of items) for (const o of e.occupants) ws.addRow(COLUMNS.map((c) => c.cell(e, o, actor.locale)));
  COLUMNS.forEach((c, i) => c.width && (ws.getColumn(i + 1).width = c.width));
  await audit(db, actor, { event: 'checkpointEntry.export', targetType: 'checkpointEntry', detail: { entries: items.length, filter: q } });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
