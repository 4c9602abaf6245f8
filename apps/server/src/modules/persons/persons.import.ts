// Import of the 基础台账表 (household + person rows) from xlsx or CSV. Every row is checked on its own
// and either written whole or reported with its reasons; good rows are committed in batches. A person
// whose ID number is registered links to that record, and one without an ID number links to the same
// name + birth date in the same household, so importing the same file twice creates nothing new.
import { and, inArray } from 'drizzle-orm';
import { EARLIEST_BIRTH_DATE, isIsoDate, parseIdNumber, parsePhone, resolveToday, translate } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { grid, region } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { writeLedgerRows, type LedgerRow } from './ledger-write.js';
import { pick, readTable, type TableRow } from '../../files/table-reader.js';
import { VULNERABLE_GROUPS } from './persons.schemas.js';
import { LEDGER_COLUMNS, LEDGER_HEADERS } from './ledger-columns.js';

export { LEDGER_COLUMNS };
const GROUP_NAMES: Record<string, (typeof VULNERABLE_GROUPS)[number]> = {
  特困供养: 'extremePoverty',
  低保: 'subsistenceAllowance',
  残疾: 'disabled',
  孤寡老人: 'elderlyAlone',
};

export interface RowError {
  row: number;
  field: string;
  message: string;
}

/** 'YYYY-MM-DD' from ISO, 'YYYY/M/D', 'YYYY年M月D日', 'YYYYMMDD' or an Excel serial day number. */
export function parseLedgerDate(raw: string): string | null {
  const text = raw.trim();
  if (/^\d{5}(\.\d+)?$/.test(text))
    return new Date(Date.UTC(1899, 11, 30) + Math.floor(Number(text)) * 86_400_000).toISOString().slice(0, 10);
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) && iso <= resolveToday() ? iso : null;
}

/** A checked row before its grid name is resolved to the grid's id. */
type Good = Omit<LedgerRow, 'gridId'> & { gridName: string };

/** Grid ids by `villagePath|gridName`, for the grid column. */
async function gridsByVillageAndName(db: Db, actor: Actor) {
  const rows = await db
    .select({ id: grid.id, path: grid.regionPath, name: grid.name })
    .from(grid)
    .where(inScope(actor, grid.regionPath));
  return new Map(rows.map((g) => [`${String(g.path)}|${g.name}`, g.id]));
}

/** Reads the file in the request, so a file that is no spreadsheet is refused at once, before any job. */
export const readLedger = (body: Buffer, contentType: string, mapping?: Record<string, string>) =>
  readTable(body, contentType, { knownHeaders: LEDGER_HEADERS, mapping });

/** Checks and writes the rows; `onProgress` hears the rows done (rejected ones count as done once checked). */
export async function importLedger(
  db: Db,
  actor: Actor,
  rows: TableRow[],
  { onProgress, batchSize }: { onProgress?: (done: number) => Promise<void>; batchSize?: number } = {},
) {
  const errors: RowError[] = [];
  const say = (row: number, field: string, key: string) =>
    errors.push({ row, field, message: translate(actor.locale, key) });
  const codes = [
    ...new Set(rows.map((r) => pick(r.values, ['所属区划代码', '区划代码']).replace(/\s/g, '')).filter(Boolean)),
  ];
  const regions = new Map(
    codes.length
      ? (
          await db
            .select({ id: region.id, code: region.code, path: region.path })
            .from(region)
            .where(and(inArray(region.code, codes), inScope(actor, region.path)))
        ).map((r) => [r.code, r])
      : [],
  );
  const seenIds = new Set<string>();
  const good: Good[] = [];
  for (const { row, values } of rows) {
    const before = errors.length;
    const code = pick(values, ['所属区划代码', '区划代码']).replace(/\s/g, '');
    const r = regions.get(code);
    if (!code) say(row, '所属区划代码', 'required');
    else if (!r) say(row, '所属区划代码', 'outOfScope');
    const address = pick(values, ['地址', '住址']);
    if (!address) say(row, '地址', 'required');
    const name = pick(values, ['姓名']).normalize('NFC');
    if (!name) say(row, '姓名', 'required');
    else if (name.length > 50) say(row, '姓名', 'tooLong');
    const rawId = pick(values, ['身份证号', '公民身份号码']);
    let idNumber: string | null = null;
    let sex: Good['sex'] = ({ 男: 'male', 女: 'female' } as const)[pick(values, ['性别']) as '男'] ?? null;
    let birthDate: string | null = null;
    if (rawId) {
      const parsed = parseIdNumber(rawId);
      if (!parsed.ok) say(row, '身份证号', `idNumber.${parsed.reason}`);
      else if (seenIds.has(parsed.value.idNumber)) say(row, '身份证号', 'duplicateInFile');
      else ({ idNumber, sex, birthDate } = parsed.value), seenIds.add(parsed.value.idNumber);
    } else {
      const rawDate = pick(values, ['出生日期']);
      birthDate = rawDate ? parseLedgerDate(rawDate) : null;
      if (!rawDate) say(row, '出生日期', 'required');
      else if (!birthDate) say(row, '出生日期', 'invalidDate');
      else if (birthDate < EARLIEST_BIRTH_DATE) say(row, '出生日期', 'birthDate.tooEarly');
    }
    const rawPhone = pick(values, ['手机号', '联系电话', '电话']);
    const phone = rawPhone ? parsePhone(rawPhone) : null;
    if (phone && !phone.ok) say(row, '手机号', `phone.${phone.reason}`);
    const groups = [
      ...new Set(
        pick(values, ['特殊群体'])
          .split(/[,，、;；\s]+/)
          .filter(Boolean),
      ),
    ];
    const unknown = groups.find((g) => !GROUP_NAMES[g]);
    if (unknown) say(row, '特殊群体', 'invalidEnum');
    const guardianName = pick(values, ['监护人']) || null;
    if (
      !idNumber &&
      birthDate &&
      birthDate > `${Number(resolveToday().slice(0, 4)) - 18}${resolveToday().slice(4)}` &&
      !guardianName
    )
      say(row, '监护人', 'person.guardianRequired');
    if (errors.length > before || !r) continue;
    good.push({
      row,
      regionId: r.id,
      regionPath: String(r.path),
      gridName: pick(values, ['网格']),
      address,
      name,
      idNumber,
      sex,
      birthDate,
      phone: phone?.ok ? phone.value : null,
      head: pick(values, ['与户主关系']) === '户主',
      groups: groups.map((g) => GROUP_NAMES[g]!),
      guardianName,
    });
  }

  const gridIds = await gridsByVillageAndName(db, actor);
  const rejectedAtCheck = rows.length - good.length;
  await onProgress?.(rejectedAtCheck);
  const written = await writeLedgerRows(
    db,
    actor,
    good.map(({ gridName, ...g }) => ({
      ...g,
      gridId: gridIds.get(`${g.regionPath.split('.').slice(0, 3).join('.')}|${gridName}`) ?? null,
    })),
    onProgress && ((done) => onProgress(rejectedAtCheck + done)),
    batchSize,
  );
  for (const row of written.elsewhere) say(row, '身份证号', 'person.existsElsewhere');
  const counts = { households: written.households, persons: written.persons, linked: written.linked };
  errors.sort((a, b) => a.row - b.row);
  return {
    rows: rows.length,
    accepted: rows.length - new Set(errors.map((e) => e.row)).size,
    createdHouseholds: counts.households,
    createdPersons: counts.persons,
    linked: counts.linked,
    errors,
  };
}
