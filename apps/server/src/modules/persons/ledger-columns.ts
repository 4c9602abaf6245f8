// The 基础台账表's columns and the other names offices give them, for finding the header row and for
// the column mapping offered after an upload.
import { z } from 'zod';
import { readHeaders } from '../../files/table-reader.js';

export const LEDGER_COLUMNS = [
  '所属区划代码',
  '地址',
  '网格',
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '手机号',
  '与户主关系',
  '特殊群体',
  '监护人',
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

const SYNONYMS: Record<LedgerColumn, string[]> = {
  所属区划代码: ['区划代码', '行政区划代码', '村（社区）代码', '统计用区划代码'],
  地址: ['住址', '家庭住址', '现住址', '居住地址'],
  网格: ['所属网格', '网格名称'],
  姓名: ['名字', '户主及成员姓名'],
  身份证号: ['公民身份号码', '身份证号码', '证件号码', '身份证'],
  性别: [],
  出生日期: ['出生年月', '出生年月日', '生日'],
  手机号: ['联系电话', '电话', '手机号码', '联系方式', '手机'],
  与户主关系: ['关系', '与户主关系（户主填户主）'],
  特殊群体: ['特殊人群', '困难类别', '特殊群体类别'],
  监护人: ['监护人姓名'],
};

/** Every name a ledger column goes by: how the header row is found below a title. */
export const LEDGER_HEADERS: readonly string[] = LEDGER_COLUMNS.flatMap((c) => [c, ...SYNONYMS[c]]);

const normalize = (h: string) => h.normalize('NFKC').replace(/[\s*＊:：]/g, '');

/** The ledger column each file header stands for, or null when none does (each column used once). */
export function suggestLedgerMapping(headers: string[]): { header: string; column: LedgerColumn | null }[] {
  const used = new Set<LedgerColumn>();
  return headers.map((header) => {
    const h = normalize(header);
    const column =
      LEDGER_COLUMNS.find((c) => !used.has(c) && [c, ...SYNONYMS[c]].some((name) => normalize(name) === h)) ?? null;
    if (column) used.add(column);
    return { header, column };
  });
}

export async function detectLedgerColumns(body: Buffer, contentType: string) {
  return {
    columns: [...LEDGER_COLUMNS],
    mapping: suggestLedgerMapping(await readHeaders(body, contentType, { knownHeaders: LEDGER_HEADERS })),
  };
}

export const ledgerColumnsResult = z
  .object({
    columns: z.array(z.string()).meta({ description: 'The ledger columns a file header can be mapped to' }),
    mapping: z.array(z.object({ header: z.string(), column: z.enum(LEDGER_COLUMNS).nullable() })),
  })
  .meta({ id: 'LedgerColumns' });

/** `mapping` on the import: a JSON object of file header → ledger column ('' ignores the header). */
export const importQuery = z.object({
  mapping: z
    .string()
    .max(4000, 'tooLong')
    .transform((text, ctx) => {
      try {
        return z.record(z.string(), z.union([z.enum(LEDGER_COLUMNS), z.literal('')])).parse(JSON.parse(text));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'invalidEnum' });
        return z.NEVER;
      }
    })
    .optional(),
});
