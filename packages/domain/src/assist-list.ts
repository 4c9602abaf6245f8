// The columns of an upstream list (协查名单) and the names bureaus give them, shared by the import
// (which finds the header row and reads each column) and the web's import dialog (which names the
// expected columns and lets the user map a file's headers when the import is unsure).

export const ASSIST_LIST_FIELDS = [
  'name',
  'idNumber',
  'phone',
  'address',
  'origin',
  'arrivedAt',
  'batch',
  'note',
  'rowNumber',
] as const;
export type AssistListField = (typeof ASSIST_LIST_FIELDS)[number];

/** Without these the list cannot be imported. */
export const ASSIST_LIST_REQUIRED: readonly AssistListField[] = ['name'];

/** Each field's names in the lists sent down, the template's name first. */
export const ASSIST_LIST_SYNONYMS: Record<AssistListField, readonly string[]> = {
  name: ['姓名', '名字', '人员姓名', '协查对象', 'name'],
  idNumber: ['身份证号', '身份证号码', '公民身份号码', '证件号码', '身份证', 'idNumber'],
  phone: ['手机号', '手机号码', '联系电话', '电话', '联系方式', 'phone'],
  address: ['地址', '现居住地址', '现住址', '居住地址', '家庭住址', 'address'],
  origin: ['来源地', '途经地', '风险地区', '来自地区', 'origin'],
  arrivedAt: ['抵达时间', '到达日期', '到达时间', '抵达日期', '返乡时间', 'arrivedAt'],
  batch: ['批次号', '批次', 'batch'],
  note: ['备注', '协查原因', 'note'],
  rowNumber: ['序号', '编号', 'no'],
};

/** Every name a field goes by: how the header row is found below a title. */
export const ASSIST_LIST_HEADERS: readonly string[] = ASSIST_LIST_FIELDS.flatMap((f) => ASSIST_LIST_SYNONYMS[f]);

/** The template's header row, in the order of the paper form. */
export const ASSIST_LIST_TEMPLATE: readonly string[] = [
  '序号',
  '姓名',
  '身份证号',
  '手机号',
  '地址',
  '来源地',
  '抵达时间',
  '备注',
];

// 姓名*, 身份证号：, ＩＤ number, "Phone" all read as their field's name.
const normalize = (h: string) =>
  h
    .normalize('NFKC')
    .replace(/[\s*:：()（）]|必填/g, '')
    .toLowerCase();

export interface AssistListColumn {
  field: AssistListField;
  required: boolean;
  /** The file's header read for this field, or null when none (or more than one) fits. */
  column: string | null;
  /** The file's headers that could be this field by their name. */
  candidates: string[];
}

export interface AssistListColumns {
  fields: AssistListColumn[];
  /** The file's headers read for no field. */
  ignored: string[];
  /** A required field has no column, or a field has two candidates and no choice: ask the user. */
  unsure: boolean;
}

/**
 * Matches a file's headers to the list's fields by name; `chosen` (field → header, '' for none) is the
 * user's answer to an earlier unsure match and wins over the names.
 */
export function matchAssistListColumns(
  headers: readonly string[],
  chosen: Partial<Record<AssistListField, string>> = {},
): AssistListColumns {
  const taken = new Set(Object.values(chosen).filter(Boolean));
  const fields = ASSIST_LIST_FIELDS.map((field): AssistListColumn => {
    const names = new Set(ASSIST_LIST_SYNONYMS[field].map(normalize));
    const candidates = headers.filter((h) => names.has(normalize(h)));
    const required = ASSIST_LIST_REQUIRED.includes(field);
    if (Object.hasOwn(chosen, field)) return { field, required, column: chosen[field] || null, candidates };
    const free = candidates.filter((h) => !taken.has(h));
    return { field, required, column: free.length === 1 ? free[0]! : null, candidates };
  });
  const used = new Set(fields.flatMap((f) => f.column ?? []));
  const unsure = fields.some(
    (f) =>
      (f.required && !f.column) ||
      (!f.column && !Object.hasOwn(chosen, f.field) && f.candidates.filter((h) => !taken.has(h)).length > 1),
  );
  return { fields, ignored: headers.filter((h) => !used.has(h)), unsure };
}
