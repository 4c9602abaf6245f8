// 基础台账表 out: streamed row by row (keyset pages of 5,000) into an xlsx writer, so memory stays
// flat whatever the county's size. Masked unless the caller may and asks to see full data; every
// export is written to the audit log with its filter.
import { createWriteStream } from 'node:fs';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, eq, sql } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { household, person, region } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/permissions.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { forbidden, notFound } from '../../http/problem.js';
import { LEDGER_COLUMNS } from './persons.import.js';

const SEX = { male: '男', female: '女' } as const;
const GROUPS: Record<string, string> = { extremePoverty: '特困供养', subsistenceAllowance: '低保', disabled: '残疾', elderlyAlone: '孤寡老人' };
const PAGE = 5000;

/** The empty ledger with one example row, for people to fill in. */
export async function ledgerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('基础台账表');
  ws.addRow([...LEDGER_COLUMNS]).font = { bold: true };
  ws.addRow(['510121001001001', '一组12号', '第一网格', '张三', '510121198001011234', '男', '1980-01-01', '13800000000', '户主', '低保', '']);
  ws.columns.forEach((c) => (c.width = 18));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The region the export covers: the actor's scope, or a region inside it. */
async function exportScope(db: Db, actor: Actor, q: { regionId?: string; full?: boolean }) {
  if (q.full && !can(actor.role, 'persons.readFull')) throw forbidden();
  if (!q.regionId) return actor.scopePath;
  const [r] = await db.select({ path: region.path }).from(region).where(and(eq(region.id, q.regionId), inScope(actor, region.path)));
  if (!r) throw notFound();
  return String(r.path);
}

export const auditLedgerExport = (db: Db, actor: Actor, below: string, full: boolean) =>
  db.transaction((tx) => audit(tx, actor, { event: 'person.export', targetType: 'person', regionPath: below, detail: { full, ledger: '基础台账表' } }));

/** Writes the ledger into `out` page by page; `onPage` hears the rows written so far. */
async function writeLedger(db: Db, actor: Actor, below: string, full: boolean, out: Writable, onPage?: (done: number) => Promise<void>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
  const ws = wb.addWorksheet('基础台账表');
  ws.addRow([...LEDGER_COLUMNS, '导出人', '导出时间']).commit();
  const stamp = [actor.displayName, new Date().toISOString()];
  let after = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const rows = await db
      .select({ id: person.id, code: region.code, address: household.address, grid: sql<string | null>`(SELECT g.name FROM grid g WHERE g.id = ${household.gridId})`, name: person.name, idNumber: person.idNumber, sex: person.sex, birthDate: person.birthDate, phone: person.phone, head: sql<boolean>`${household.headPersonId} = ${person.id}`, groups: person.vulnerableGroups, guardian: person.guardianName })
      .from(person)
      .innerJoin(region, eq(region.id, person.regionId))
      .leftJoin(household, eq(household.id, person.householdId))
      .where(and(inScope({ scopePath: below }, person.regionPath), inScope(actor, person.regionPath), sql`${person.id} > ${after}`))
      .orderBy(person.id)
      .limit(PAGE);
    for (const r of rows) {
      const id = r.idNumber ? (full ? r.idNumber : maskIdNumber(r.idNumber)) : '';
      const phone = r.phone ? (full ? r.phone : maskPhone(r.phone)) : '';
      ws.addRow([r.code, r.address ?? '', r.grid ?? '', r.name, id, r.sex ? SEX[r.sex] : '', r.birthDate ?? '', phone, r.head ? '户主' : '', r.groups.map((g) => GROUPS[g] ?? g).join('、'), r.guardian ?? '', ...stamp]).commit();
    }
    done += rows.length;
    await onPage?.(done);
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
  }
  ws.commit();
  await wb.commit();
  return done;
}

export async function exportLedger(db: Db, actor: Actor, q: { regionId?: string; full?: boolean }) {
  const below = await exportScope(db, actor, q);
  await auditLedgerExport(db, actor, below, !!q.full);
  const out = new PassThrough();
  writeLedger(db, actor, below, !!q.full, out).catch((e: unknown) => out.destroy(e as Error));
  return out;
}

/**
 * The export as a job: checked at once, then written to `file` in the background with progress.
 * Not audited here: the audit is written when the file is downloaded (persons.routes.ts).
 */
export async function prepareLedgerExportJob(db: Db, actor: Actor, q: { regionId?: string; full?: boolean }) {
  const below = await exportScope(db, actor, q);
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(person).where(and(inScope({ scopePath: below }, person.regionPath), inScope(actor, person.regionPath)));
  return {
    total: n,
    below,
    write: async (file: string, onPage: (done: number) => Promise<void>) => {
      const out = createWriteStream(file);
      const finished = new Promise<void>((resolve, reject) => out.on('close', resolve).on('error', reject));
      const rows = await writeLedger(db, actor, below, !!q.full, out, onPage);
      await finished;
      return rows;
    },
  };
}
