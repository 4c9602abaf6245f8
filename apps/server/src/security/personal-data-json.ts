// ID numbers and phones inside JSON columns (the phones of the people on a duty shift, the copy of a
// merged person): each value is encrypted in place with the same AES-256-GCM scheme as the columns
// (personal-data-crypto.ts), the rest of the document stays readable JSON.
import { currentKeyId, decrypt, encrypt, isEncrypted, type PersonalKind } from './personal-data-crypto.js';

export interface EncryptedJsonColumn {
  table: string;
  column: string;
  /** `array`: a list of objects (duty_shift.members); `object`: one object (person_merge.snapshot). */
  shape: 'array' | 'object';
  /** The keys of those objects that hold personal data, and of which kind. */
  fields: Record<string, PersonalKind>;
}

/** Every JSON column holding an ID number or a phone (table with an `id uuid` key). A new one belongs here too. */
export const ENCRYPTED_JSON_COLUMNS: EncryptedJsonColumn[] = [
  { table: 'duty_shift', column: 'members', shape: 'array', fields: { phone: 'phone' } },
  { table: 'person_merge', column: 'snapshot', shape: 'object', fields: { idNumber: 'idNumber', phone: 'phone' } },
];

export const jsonColumn = (table: string, column: string) =>
  ENCRYPTED_JSON_COLUMNS.find((c) => c.table === table && c.column === column)!;

type Obj = Record<string, unknown>;

/**
 * The document with its personal values encrypted: clear ones are encrypted, encrypted ones kept
 * (or, with `rotate`, re-encrypted when under another key than the current one). Returns how many
 * values changed, so a migration knows whether to write the row.
 */
export function sealJson<T>(
  spec: EncryptedJsonColumn,
  doc: T,
  opts: { rotate?: boolean } = {},
): { doc: T; changed: number } {
  let changed = 0;
  const current = opts.rotate ? currentKeyId() : undefined;
  const seal = (o: Obj): Obj => {
    const out = { ...o };
    for (const [field, kind] of Object.entries(spec.fields)) {
      const v = o[field];
      if (typeof v !== 'string' || v === '') continue;
      if (isEncrypted(v) && (!current || v.split('$')[0] === current)) continue;
      out[field] = encrypt(kind, decrypt(kind, v));
      changed++;
    }
    return out;
  };
  const sealed =
    spec.shape === 'array'
      ? Array.isArray(doc)
        ? doc.map((o) => (o && typeof o === 'object' ? seal(o as Obj) : o))
        : doc
      : doc && typeof doc === 'object'
        ? seal(doc as Obj)
        : doc;
  return { doc: sealed as T, changed };
}

/** The document with its personal values decrypted (clear ones, not yet migrated, are kept). */
export function openJson<T>(spec: EncryptedJsonColumn, doc: T): T {
  const open = (o: Obj): Obj => {
    const out = { ...o };
    for (const [field, kind] of Object.entries(spec.fields))
      if (typeof o[field] === 'string') out[field] = decrypt(kind, o[field] as string);
    return out;
  };
  if (spec.shape === 'array')
    return (Array.isArray(doc) ? doc.map((o) => (o && typeof o === 'object' ? open(o as Obj) : o)) : doc) as T;
  return (doc && typeof doc === 'object' ? open(doc as Obj) : doc) as T;
}

/** The stored personal values of the column, as rows `x` of a subquery over `alias` (for SQL checks). */
export function jsonValuesSql(spec: EncryptedJsonColumn, alias: string): string {
  const col = `${alias}.${spec.column}`;
  const fields = Object.keys(spec.fields);
  if (spec.shape === 'array') {
    return fields
      .map(
        (f) =>
          `SELECT e->>'${f}' AS x FROM jsonb_array_elements(CASE WHEN jsonb_typeof(${col}) = 'array' THEN ${col} ELSE '[]'::jsonb END) e`,
      )
      .join(' UNION ALL ');
  }
  return fields
    .map((f) => `SELECT CASE WHEN jsonb_typeof(${col}) = 'object' THEN ${col}->>'${f}' END AS x`)
    .join(' UNION ALL ');
}
