// Where the server and the cli take the personal data keys from, and `cli keys rotate`.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import {
  generateDataKey,
  installKeyRing,
  keyRingOf,
  loadDataKeys,
  readKeyFile,
  writeKeyFile,
} from './personal-data-crypto.js';
import { encryptPersonalData } from './personal-data-migration.js';

type KeyConfig = Pick<
  Config,
  'FANGKONG_DATA_KEY' | 'FANGKONG_DATA_KEY_FILE' | 'FANGKONG_DATA_DIR' | 'DATABASE_URL' | 'NODE_ENV'
>;

/** The keys from the configuration; the embedded default (no key given) makes `<data dir>/data-key` on its first start. */
export function loadServerKeys(config: KeyConfig, log: (m: string) => void = () => {}) {
  if (
    !config.FANGKONG_DATA_KEY &&
    !config.FANGKONG_DATA_KEY_FILE &&
    config.DATABASE_URL &&
    config.NODE_ENV === 'production'
  ) {
    throw new Error(
      'FANGKONG_DATA_KEY or FANGKONG_DATA_KEY_FILE is required with an external database in production (docs/operations.md)',
    );
  }
  return loadDataKeys(
    { FANGKONG_DATA_KEY: config.FANGKONG_DATA_KEY, FANGKONG_DATA_KEY_FILE: config.FANGKONG_DATA_KEY_FILE },
    config.FANGKONG_DATA_DIR,
    log,
  );
}

/**
 * Re-encrypts every ID number and phone under a new key. With a key file: a new key is put first
 * (the old ones stay readable until every value is re-encrypted), then the old ones are removed.
 * With FANGKONG_DATA_KEY: the first key given is the new one, the old ones follow it.
 */
export async function rotateKeys(db: Db, config: KeyConfig, log: (m: string) => void): Promise<void> {
  const { file } = loadServerKeys(config, log);
  if (!file) {
    const given = config.FANGKONG_DATA_KEY!.split(',').filter(Boolean);
    if (given.length < 2)
      log(
        `FANGKONG_DATA_KEY holds one key: to rotate, give the new key first and the old one after it, e.g. FANGKONG_DATA_KEY=${generateDataKey()},<old key>`,
      );
    const n = await encryptPersonalData(db.$client, { rotate: true, log });
    log(
      `${n} values are now under the first key of FANGKONG_DATA_KEY${given.length > 1 ? '; remove the older keys from it' : ''}`,
    );
    return;
  }
  const old = readKeyFile(file);
  const fresh = generateDataKey();
  writeKeyFile(file, [fresh, ...old]);
  installKeyRing(keyRingOf([fresh, ...old], file));
  const n = await encryptPersonalData(db.$client, { rotate: true, log });
  writeKeyFile(file, [fresh]);
  installKeyRing(keyRingOf([fresh], file));
  log(
    `${n} values re-encrypted under the new key in ${file}; the old key was removed from it (keep it with the backups made before today)`,
  );
}
