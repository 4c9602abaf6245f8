import { sql } from 'drizzle-orm';
import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { decrypt, encrypt, type PersonalKind } from '../../security/personal-data-crypto.js';
import { jsonColumn, openJson, sealJson } from '../../security/personal-data-json.js';

/** PostgreSQL `ltree`: a region path such as `c510121.t510121001.v510121001001`. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType: () => 'ltree',
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** The edit version of a record a person edits (ETag / If-Match); a trigger adds one on every UPDATE. */
export const version = () => integer('version').notNull().default(1);

/**
 * An ID number or phone, AES-256-GCM encrypted on its way in and decrypted on its way out
 * (security/personal-data-crypto.ts). Compare with the `*_bidx` / `*_t4` / `*_t6` columns, never with this one.
 */
export const encrypted = (name: string, kind: PersonalKind) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'text',
    toDriver: (v) => encrypt(kind, v),
    fromDriver: (v) => decrypt(kind, v),
  })(name);

/** A look-up column the database takes from an encrypted value: part 2 (blind index), 3 (tail 4) or 4 (tail 6). */
export const derivedIndex = (name: string, from: string, part: 2 | 3 | 4) =>
  text(name).generatedAlwaysAs(sql.raw(`nullif(split_part(${from}, '$', ${part}), '')`));

/**
 * A JSON document with ID numbers or phones inside (listed in security/personal-data-json.ts): those
 * values are encrypted on the way in and decrypted on the way out, the rest stays plain JSON.
 */
export const encryptedJson = <T>(table: string, name: string) => {
  const spec = jsonColumn(table, name);
  if (!spec) throw new Error(`${table}.${name} is not listed in ENCRYPTED_JSON_COLUMNS`);
  return customType<{ data: T; driverData: string | T }>({
    dataType: () => 'jsonb',
    toDriver: (v) => JSON.stringify(sealJson(spec, v).doc),
    fromDriver: (v) => openJson(spec, (typeof v === 'string' ? JSON.parse(v) : v) as T),
  })(name);
};
