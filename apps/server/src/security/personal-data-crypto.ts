// ID numbers and phones at rest (PIPL; 等保 8.1.4.8 数据保密性): every value is AES-256-GCM encrypted in
// the application with a key kept outside the database, so a dump or a backup holds ciphertext only.
// A stored value is one text: `<key id>$<blind index>$<tail 4>$<tail 6>$<nonce|ciphertext|tag>`.
// The database derives the look-up columns from it (generated columns `*_bidx`, `*_t4`, `*_t6`), so
// every write through this module keeps the indexes right without its caller knowing they exist.
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type PersonalKind = 'idNumber' | 'phone';

/** A wrong, missing or unknown key: said plainly instead of handing back garbage. */
export class PersonalDataKeyError extends Error {
  override name = 'PersonalDataKeyError';
}

export interface DataKey {
  id: string;
  enc: Buffer;
  /** HMAC keys of the blind index and of the tail index, derived apart so one never stands for the other. */
  bidx: Buffer;
  tail: Buffer;
}

export interface KeyRing {
  /** New values are written under the first key; the others are only read (rotation under way). */
  keys: DataKey[];
  source: string;
}

const SEP = '$';
const KEY_FILE_NAME = 'data-key';

/** The key's id is a fingerprint: a value names the key it needs without the key being in the database. */
function deriveKey(raw: Buffer): DataKey {
  if (raw.length !== 32)
    throw new PersonalDataKeyError(
      `a personal data key is 32 bytes in base64 (openssl rand -base64 32); got ${raw.length} bytes`,
    );
  const id = createHash('sha256').update('fangkong-data-key-id').update(raw).digest('base64url').slice(0, 8);
  const hk = (info: string) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), info, 32));
  return {
    id,
    enc: hk('fangkong personal data aes-256-gcm'),
    bidx: hk('fangkong blind index hmac-sha-256'),
    tail: hk('fangkong tail index hmac-sha-256'),
  };
}

/** Keys from base64 strings, current first. */
export function keyRingOf(base64Keys: string[], source = 'given keys'): KeyRing {
  const keys = base64Keys
    .map((k) => k.trim())
    .filter(Boolean)
    .map((k) => deriveKey(Buffer.from(k, 'base64')));
  if (!keys.length) throw new PersonalDataKeyError(`no personal data key in ${source}`);
  return { keys, source };
}

export const generateDataKey = () => randomBytes(32).toString('base64');

/** A key file: one base64 key a line, the current one first; `#` starts a comment. */
export function readKeyFile(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

export function writeKeyFile(file: string, base64Keys: string[]) {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(
    tmp,
    `# Fangkong personal data keys (base64, current first). Keep apart from backups.\n${base64Keys.join('\n')}\n`,
    { mode: 0o600 },
  );
  chmodSync(tmp, 0o600);
  // rename is atomic: a crash leaves the old file or the new one, never half of one.
  renameSync(tmp, file);
}

export const defaultKeyFile = (dataDir: string) => path.join(dataDir, KEY_FILE_NAME);

type KeyEnv = { FANGKONG_DATA_KEY?: string; FANGKONG_DATA_KEY_FILE?: string };

/**
 * Where the keys come from: FANGKONG_DATA_KEY (base64, or several comma-separated, current first),
 * else FANGKONG_DATA_KEY_FILE, else `<data dir>/data-key`, made (0600) on the first start when
 * `dataDir` is given — the embedded default. Returns the file the keys live in, if any.
 */
export function loadDataKeys(
  env: KeyEnv = process.env,
  dataDir?: string,
  log: (m: string) => void = () => {},
): { file?: string } {
  if (env.FANGKONG_DATA_KEY) {
    installKeyRing(keyRingOf(env.FANGKONG_DATA_KEY.split(','), 'FANGKONG_DATA_KEY'));
    return {};
  }
  const file = env.FANGKONG_DATA_KEY_FILE ?? (dataDir ? defaultKeyFile(dataDir) : undefined);
  if (!file)
    throw new PersonalDataKeyError(
      'no personal data key: set FANGKONG_DATA_KEY or FANGKONG_DATA_KEY_FILE (docs/operations.md)',
    );
  if (!existsSync(file)) {
    if (env.FANGKONG_DATA_KEY_FILE) throw new PersonalDataKeyError(`the personal data key file ${file} does not exist`);
    writeKeyFile(file, [generateDataKey()]);
    log(
      `generated the personal data key in ${file} (0600): keep a copy apart from the backups, without it the ID numbers and phones cannot be read`,
    );
  }
  installKeyRing(keyRingOf(readKeyFile(file), file));
  return { file };
}

let ring: KeyRing | undefined;

export function installKeyRing(r: KeyRing) {
  ring = r;
}

/** The loaded keys; loaded from the environment on first use (tests, benches) if no one installed them. */
export function keyRing(): KeyRing {
  if (!ring) {
    if (!process.env.FANGKONG_DATA_KEY && !process.env.FANGKONG_DATA_KEY_FILE)
      throw new PersonalDataKeyError(
        'the personal data key is not loaded: set FANGKONG_DATA_KEY or FANGKONG_DATA_KEY_FILE (docs/operations.md)',
      );
    loadDataKeys(process.env);
  }
  return ring!;
}

export const currentKeyId = () => keyRing().keys[0]!.id;

const mac = (key: Buffer, label: string, value: string, bytes: number) =>
  createHmac('sha256', key).update(label).update('\0').update(value).digest().subarray(0, bytes).toString('base64url');

const norm = (value: string) => value.trim().toUpperCase();

/** The keyed hash an exact look-up compares with (one per loaded key while a rotation is under way). */
export function blindIndexes(kind: PersonalKind, value: string): string[] {
  return keyRing().keys.map((k) => mac(k.bidx, kind, norm(value), 16));
}

/**
 * The keyed hash of a typed user name, for state kept about logins (the failure counters): what was
 * typed may be a phone or an ID number (or a password typed in the wrong field), so it is not kept.
 */
export const loginNameHash = (username: string) =>
  mac(keyRing().keys[0]!.bidx, 'loginName', username.trim().toLowerCase(), 16);

/** The keyed hash of the last 4 or 6 characters of an ID number, for the tail search. */
export function tailIndexes(tail: string): string[] {
  const t = norm(tail);
  if (t.length !== 4 && t.length !== 6) throw new Error('a tail index is of the last 4 or 6 characters');
  return keyRing().keys.map((k) => mac(k.tail, `tail${t.length}`, t, 8));
}

/** What a stored value looks like: encrypted under key `id`, or (written before encryption) clear. */
export const isEncrypted = (stored: string) => stored.includes(SEP);

export function encrypt(kind: PersonalKind, value: string, key: DataKey = keyRing().keys[0]!): string {
  const v = norm(value);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.enc, nonce);
  // The kind is authenticated: a phone's ciphertext moved into an ID number column does not decrypt.
  cipher.setAAD(Buffer.from(kind));
  const body = Buffer.concat([nonce, cipher.update(v, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString(
    'base64url',
  );
  const t4 = kind === 'idNumber' && v.length >= 4 ? mac(key.tail, 'tail4', v.slice(-4), 8) : '';
  const t6 = kind === 'idNumber' && v.length >= 6 ? mac(key.tail, 'tail6', v.slice(-6), 8) : '';
  return [key.id, mac(key.bidx, kind, v, 16), t4, t6, body].join(SEP);
}

export function decrypt(kind: PersonalKind, stored: string): string {
  // Written before encryption and not yet migrated (the start-up migration encrypts them).
  if (!isEncrypted(stored)) return stored;
  const parts = stored.split(SEP);
  const key = keyRing().keys.find((k) => k.id === parts[0]);
  if (!key || parts.length !== 5) {
    throw new PersonalDataKeyError(
      `personal data encrypted with key ${parts[0]}, which is not among the loaded keys (${keyRing().source}): wrong FANGKONG_DATA_KEY or key file`,
    );
  }
  const raw = Buffer.from(parts[4]!, 'base64url');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.enc, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(kind));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new PersonalDataKeyError(
      `personal data does not decrypt with key ${key.id}: the value was altered or the key is wrong`,
    );
  }
}

export const encryptOrNull = (kind: PersonalKind, v: string | null | undefined) =>
  v == null ? null : encrypt(kind, v);
export const decryptOrNull = (kind: PersonalKind, v: string | null | undefined) =>
  v == null ? null : decrypt(kind, v);
