import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { keyRing, PersonalDataKeyError } from './personal-data-crypto.js';

// A file of personal data waiting on disk (an export until its download) is encrypted under the
// personal data key, like the columns: a copy of the data directory reveals no ID number. Layout:
// "FKF1", key id length, key id, 12-byte nonce, AES-256-GCM ciphertext, 16-byte tag.
const MAGIC = Buffer.from('FKF1');
const AAD = Buffer.from('fangkong file');
const TAG = 16;

/** A stream to write the clear content into; `closed` settles once the file is complete on disk. */
export function encryptedFileWriter(file: string, mode: number): { stream: Writable; closed: Promise<void> } {
  const key = keyRing().keys[0]!;
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.enc, nonce).setAAD(AAD);
  const out = createWriteStream(file, { mode, flags: 'wx' });
  const id = Buffer.from(key.id);
  out.write(Buffer.concat([MAGIC, Buffer.from([id.length]), id, nonce]));
  cipher.pipe(out, { end: false });
  cipher.once('end', () => out.end(cipher.getAuthTag()));
  const closed = new Promise<void>((resolve, reject) => {
    out.once('close', resolve).once('error', reject);
    cipher.once('error', reject);
  });
  return { stream: cipher, closed };
}

/** The clear content of a file written by encryptedFileWriter; an altered file fails at its end. */
export async function encryptedFileReader(file: string): Promise<Readable> {
  const { size } = await stat(file);
  const fd = await open(file, 'r');
  try {
    const head = Buffer.alloc(MAGIC.length + 1 + 255 + 12);
    await fd.read(head, 0, Math.min(head.length, size), 0);
    if (!head.subarray(0, MAGIC.length).equals(MAGIC))
      throw new PersonalDataKeyError(`${file} is not an encrypted Fangkong file`);
    const idLength = head[MAGIC.length]!;
    const id = head.subarray(MAGIC.length + 1, MAGIC.length + 1 + idLength).toString();
    const start = MAGIC.length + 1 + idLength + 12;
    const key = keyRing().keys.find((k) => k.id === id);
    if (!key)
      throw new PersonalDataKeyError(
        `${file} is encrypted with key ${id}, which is not among the loaded keys (${keyRing().source})`,
      );
    const tag = Buffer.alloc(TAG);
    await fd.read(tag, 0, TAG, size - TAG);
    const decipher = createDecipheriv('aes-256-gcm', key.enc, head.subarray(start - 12, start))
      .setAAD(AAD)
      .setAuthTag(tag);
    return size - TAG > start
      ? createReadStream(file, { start, end: size - TAG - 1 }).pipe(decipher)
      : (decipher.end(), decipher);
  } finally {
    await fd.close();
  }
}
