import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { appendFile, open, writeFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * A backup file: MAGIC, a 12-byte IV, the AES-256-GCM ciphertext of a gzip stream of frames, and
 * the 16-byte GCM tag. A frame is a one-letter type, a 4-byte big-endian length and its payload.
 */
const MAGIC = Buffer.from('FANGKONG-BACKUP-1\n');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEAD_BYTES = MAGIC.length + IV_BYTES;

export type FrameType = 'H' | 'T' | 'D' | 'E' | 'S' | 'Z';

/** Opens `file` (owner-only) for frames; `close` seals it with the GCM tag. */
export async function createBackupFile(file: string, key: Buffer) {
  const iv = randomBytes(IV_BYTES);
  await writeFile(file, Buffer.concat([MAGIC, iv]), { mode: 0o600 });
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(MAGIC);
  const gzip = createGzip({ level: 6 });
  const done = pipeline(gzip, cipher, createWriteStream(file, { flags: 'a', mode: 0o600 }));
  done.catch(() => {}); // surfaced by write/close
  return {
    async write(type: FrameType, payload: Buffer | string) {
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      const head = Buffer.alloc(5);
      head.write(type, 0, 'latin1');
      head.writeUInt32BE(body.length, 1);
      const ok = gzip.write(head) && gzip.write(body);
      if (!ok) await Promise.race([once(gzip, 'drain'), done]);
    },
    async close() {
      gzip.end();
      await done;
      await appendFile(file, cipher.getAuthTag());
    },
  };
}

/**
 * The frames of a backup file, in order. The GCM tag is checked when the stream ends: a caller
 * must apply nothing for good before the iteration has finished without an error.
 */
export async function* readBackupFile(file: string, key: Buffer): AsyncGenerator<{ type: FrameType; payload: Buffer }> {
  const handle = await open(file, 'r');
  let iv: Buffer;
  let tag: Buffer;
  let size: number;
  try {
    size = (await handle.stat()).size;
    const head = Buffer.alloc(HEAD_BYTES);
    await handle.read(head, 0, HEAD_BYTES, 0);
    if (size < HEAD_BYTES + TAG_BYTES || !head.subarray(0, MAGIC.length).equals(MAGIC))
      throw new Error(`${file} is not a Fangkong backup`);
    iv = head.subarray(MAGIC.length);
    tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(tag);
  const plain = createReadStream(file, { start: HEAD_BYTES, end: size - TAG_BYTES - 1 })
    .pipe(decipher)
    .pipe(createGunzip());
  // Errors of the first two streams do not travel down .pipe(): forward them.
  const fail = (e: Error) =>
    plain.destroy(
      /auth/i.test(e.message)
        ? new Error('the backup cannot be decrypted: wrong FANGKONG_BACKUP_KEY, or the file was altered or cut short')
        : e,
    );
  decipher.on('error', fail);
  let buf: Buffer = Buffer.alloc(0);
  try {
    for await (const chunk of plain) {
      buf = buf.length ? Buffer.concat([buf, chunk as Buffer]) : (chunk as Buffer);
      while (buf.length >= 5) {
        const len = buf.readUInt32BE(1);
        if (buf.length < 5 + len) break;
        yield { type: buf.toString('latin1', 0, 1) as FrameType, payload: buf.subarray(5, 5 + len) };
        buf = buf.subarray(5 + len);
      }
    }
  } catch (e) {
    if (/incorrect header check|unexpected end|auth/i.test((e as Error).message)) {
      throw new Error(
        'the backup cannot be decrypted: wrong FANGKONG_BACKUP_KEY, or the file was altered or cut short',
      );
    }
    throw e;
  }
  if (buf.length) throw new Error('the backup ends in the middle of a frame');
}
