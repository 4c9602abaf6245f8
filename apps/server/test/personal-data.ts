import { decryptOrNull } from '../src/security/personal-data-crypto.js';

/** Rows read with raw SQL, their `id_number` and `phone` (stored encrypted) decrypted for comparison. */
export function inClear<T extends Record<string, unknown>>(rows: T[]): T[] {
  return rows.map((r) => ({
    ...r,
    ...('id_number' in r ? { id_number: decryptOrNull('idNumber', r.id_number as string | null) } : {}),
    ...('phone' in r ? { phone: decryptOrNull('phone', r.phone as string | null) } : {}),
  }));
}
