import { codeWord, yesWord, shanghaiDateTimeOf } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid } from '../../http/problem.js';
import type { EntryDto, ListEntriesQuery } from './checkpoint-entries.schemas.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import { entryFilter, selectEntries } from './checkpoint-entries.queries.js';

const MAX_ROWS = 20_000;

type Entry = EntryDto;
type Occupant = EntryDto['occupants'][number];
/** A sheet row: one occupant of one entry. */
type Row = { e: Entry; o: Occupant };

/** The ledger's columns: header per locale and the cell of one occupant of one entry. */
const COLUMNS: Column<Row>[] = [
  { zh: '登记时间', en: 'Recorded at', width: 20, cell: ({ e }) => shanghaiDateTimeOf(e.recordedAt) },
  { zh: '卡口', en: 'Checkpoint', width: 16, cell: ({ e }) => e.checkpointName },
  { zh: '类型', en: 'Kind', cell: ({ e }, l) => codeWord(l, 'entryKind', e.kind) },
  { zh: '车牌号', en: 'Plate', width: 12, cell: ({ e }) => e.plate ?? '' },
  { zh: '车型', en: 'Vehicle type', cell: ({ e }, l) => codeWord(l, 'vehicleType', e.vehicleType) },
  { zh: '方向', en: 'Direction', cell: ({ e }, l) => codeWord(l, 'direction', e.direction) },
  { zh: '来自', en: 'From', width: 16, cell: ({ e }) => e.origin },
  { zh: '前往', en: 'To', width: 16, cell: ({ e }) => e.destination },
  { zh: '事由', en: 'Reason', width: 16, cell: ({ e }) => e.reason },
  { zh: '处置', en: 'Decision', cell: ({ e }, l) => codeWord(l, 'decision', e.decision) },
  { zh: '留验去向', en: 'Hold outcome', cell: ({ e }, l) => codeWord(l, 'holdOutcome', e.holdOutcome) },
  { zh: '序号', en: 'No.', cell: ({ o }) => o.position + 1 },
  { zh: '姓名', en: 'Name', cell: ({ o }) => o.name },
  { zh: '身份证号', en: 'ID number', width: 22, cell: ({ o }) => o.idNumber },
  { zh: '性别', en: 'Sex', cell: ({ o }, l) => codeWord(l, 'sex', o.sex) },
  { zh: '电话', en: 'Phone', width: 14, cell: ({ o }) => o.phone ?? '' },
  { zh: '体温', en: 'Temperature', cell: ({ o }) => o.temperature },
  { zh: '发热', en: 'Fever', cell: ({ o }, l) => (o.fever ? yesWord(l) : '') },
  { zh: '风险地区', en: 'Risk area', cell: ({ o }, l) => (o.riskArea ? yesWord(l) : '') },
  { zh: '健康码', en: 'Health code', cell: ({ o }, l) => codeWord(l, 'healthCode', o.healthCode) },
  { zh: '行程卡', en: 'Itinerary card', cell: ({ o }, l) => codeWord(l, 'itinerary', o.itinerary) },
  { zh: '48 小时核酸', en: 'Nucleic acid (48 h)', cell: ({ o }, l) => codeWord(l, 'nucleicAcid', o.nucleicAcid) },
  { zh: '本地', en: 'Local', cell: ({ o }, l) => (o.local ? yesWord(l) : '') },
  { zh: '登记人', en: 'Recorded by', cell: ({ e }) => e.recordedByName ?? '' },
];

/** The entry log as an .xlsx ledger, one row per occupant, with who exported it and when (audited). */
export async function exportEntries(
  db: Db,
  actor: Actor,
  q: Omit<ListEntriesQuery, 'page' | 'pageSize'>,
  at: Date,
): Promise<Buffer> {
  const { items, total } = await selectEntries(db, entryFilter(actor, q), { page: 1, pageSize: MAX_ROWS }, true);
  if (total > MAX_ROWS) throw invalid([{ field: 'from', key: 'tooBig', params: { maximum: MAX_ROWS } }]);
  const name = actor.locale === 'en-US' ? 'Checkpoint entries' : '卡口登记';
  const rows = items.flatMap((e) => e.occupants.map((o) => ({ e, o })));
  const file = await workbookBuffer(actor.locale, [sheet({ name, exportedBy: { actor, at }, columns: COLUMNS, rows })]);
  await audit(db, actor, {
    event: 'checkpointEntry.export',
    targetType: 'checkpointEntry',
    detail: { entries: items.length, filter: q },
  });
  return file;
}
