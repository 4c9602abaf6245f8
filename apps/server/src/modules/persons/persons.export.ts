// 基础台账表 out: streamed row by row (keyset pages of 5,000) into an xlsx writer, so memory stays
// flat whatever the county's size. Masked unless the caller may and asks to see full data; every
// export is written to the audit log with its filter.
import type { Writable } from 'node:stream';
import { and, eq, sql } from 'drizzle-orm';
import { maskIdNumber, maskPhone, shanghaiDateTimeOf } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { household, person, region } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/permissions.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { forbidden, notFound } from '../../http/problem.js';
import { LEDGER_COLUMNS } from './persons.import.js';
import { EXPORT_FILE_MODE } from '../file-jobs/file-jobs.service.js';
import { encryptedFileWriter } from '../../security/file-crypto.js';
import { sheet, templateXlsx, workbookStream, writeWorkbook, type Column } from '../../files/workbook.js';

const SEX = { male: '男', female: '女' } as const;
const GROUPS: Record<string, string> = {
  extremePoverty: '特困供养',
  subsistenceAllowance: '低保',
  disabled: '残疾',
  elderlyAlone: '孤寡老人',
};
const PAGE = 5000;

/** The empty ledger with one example row, for people to fill in. */
export async function ledgerTemplate(): Promise<Buffer> {
  const example = [
    '510121001001001',
    '一组12号',
    '第一网格',
    '张三',
    '510121198001011234',
    '男',
    '1980-01-01',
    '13800000000',
    '户主',
    '低保',
    '',
  ];
  return templateXlsx('基础台账表', LEDGER_COLUMNS, [example], () => 18);
}

/** The region the export covers: the actor's scope, or a region inside it. */
async function exportScope(db: Db, actor: Actor, q: { regionId?: string; full?: boolean }) {
  if (q.full && !can(actor.role, 'persons.readFull')) throw forbidden();
  if (!q.regionId) return actor.scopePath;
  const [r] = await db
    .select({ path: region.path })
    .from(region)
    .where(and(eq(region.id, q.regionId), inScope(actor, region.path)));
  if (!r) throw notFound();
  return String(r.path);
}

export const auditLedgerExport = (db: Db, actor: Actor, below: string, full: boolean) =>
  db.transaction((tx) =>
    audit(tx, actor, {
      event: 'person.export',
      targetType: 'person',
      regionPath: below,
      detail: { full, ledger: '基础台账表' },
    }),
  );

type LedgerRow = {
  code: string;
  address: string | null;
  grid: string | null;
  name: string;
  idNumber: string | null;
  sex: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  head: boolean;
  groups: string[];
  guardian: string | null;
};

/**
 * The ledger's columns: those the import reads, in its order, then who exported the file and when —
 * as columns, not a first line, so that the file goes back in through the import as it is.
 */
function ledgerColumns(actor: Actor, full: boolean, at: Date): Column<LedgerRow>[] {
  const cells: ((r: LedgerRow) => string)[] = [
    (r) => r.code,
    (r) => r.address ?? '',
    (r) => r.grid ?? '',
    (r) => r.name,
    (r) => (r.idNumber ? (full ? r.idNumber : maskIdNumber(r.idNumber)) : ''),
    (r) => (r.sex ? SEX[r.sex] : ''),
    (r) => r.birthDate ?? '',
    (r) => (r.phone ? (full ? r.phone : maskPhone(r.phone)) : ''),
    (r) => (r.head ? '户主' : ''),
    (r) => r.groups.map((g) => GROUPS[g] ?? g).join('、'),
    (r) => r.guardian ?? '',
  ];
  const when = shanghaiDateTimeOf(at);
  return [
    ...LEDGER_COLUMNS.map((zh, i) => ({ zh, cell: cells[i]! })),
    { zh: '导出人', cell: () => actor.displayName },
    { zh: '导出时间', cell: () => when },
  ];
}

/** The ledger's one sheet, read page by page as it is written; `onPage` hears the rows read so far. */
const ledgerSheet = (
  db: Db,
  actor: Actor,
  below: string,
  full: boolean,
  at: Date,
  onPage: (done: number) => Promise<void> = async () => {},
) => sheet({ name: '基础台账表', columns: ledgerColumns(actor, full, at), rows: ledgerRows(db, actor, below, onPage) });

/** Writes the ledger into `out`; answers how many rows it holds. */
async function writeLedger(
  db: Db,
  actor: Actor,
  below: string,
  full: boolean,
  at: Date,
  out: Writable,
  onPage: (done: number) => Promise<void>,
) {
  let done = 0;
  await writeWorkbook(out, 'zh-CN', [ledgerSheet(db, actor, below, full, at, (n) => onPage((done = n)))]);
  return done;
}

/** The people in `below` and the actor's scope, by keyset pages of PAGE. */
async function* ledgerRows(
  db: Db,
  actor: Actor,
  below: string,
  onPage: (done: number) => Promise<void>,
): AsyncGenerator<LedgerRow> {
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const rows = await db
      .select({
        id: person.id,
        code: region.code,
        address: household.address,
        grid: sql<string | null>`(SELECT g.name FROM grid g WHERE g.id = ${household.gridId})`,
        name: person.name,
        idNumber: person.idNumber,
        sex: person.sex,
        birthDate: person.birthDate,
        phone: person.phone,
        head: sql<boolean>`${household.headPersonId} = ${person.id}`,
        groups: person.vulnerableGroups,
        guardian: person.guardianName,
      })
      .from(person)
      .innerJoin(region, eq(region.id, person.regionId))
      .leftJoin(household, eq(household.id, person.householdId))
      .where(
        and(
          inScope({ scopePath: below }, person.regionPath),
          inScope(actor, person.regionPath),
          sql`${person.id} > ${after}`,
        ),
      )
      .orderBy(person.id)
      .limit(PAGE);
    yield* rows;
    done += rows.length;
    await onPage(done);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
}

/** The ledger, streamed as it is read; audited before the first row. */
export async function exportLedger(db: Db, actor: Actor, q: { regionId?: string; full?: boolean }, at: Date) {
  const below = await exportScope(db, actor, q);
  await auditLedgerExport(db, actor, below, !!q.full);
  return workbookStream('zh-CN', [ledgerSheet(db, actor, below, !!q.full, at)]);
}

/**
 * The export as a job: checked at once, then written to `file` in the background with progress.
 * Not audited here: the audit is written when the file is downloaded (persons.routes.ts).
 */
export async function prepareLedgerExportJob(db: Db, actor: Actor, q: { regionId?: string; full?: boolean }, at: Date) {
  const below = await exportScope(db, actor, q);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(person)
    .where(and(inScope({ scopePath: below }, person.regionPath), inScope(actor, person.regionPath)));
  return {
    total: n,
    below,
    write: async (file: string, onPage: (done: number) => Promise<void>) => {
      const { stream, closed } = encryptedFileWriter(file, EXPORT_FILE_MODE);
      const rows = await writeLedger(db, actor, below, !!q.full, at, stream, onPage);
      await closed;
      return rows;
    },
  };
}
