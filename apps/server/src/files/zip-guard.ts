import { createInflateRaw } from 'node:zlib';
import { Problem } from '../http/problem.js';

/** What an .xlsx may unpack to: its parts together, and the shared strings that are held in memory whole. */
export const UNPACKED_LIMIT_MB = 60;
export const SHARED_STRINGS_LIMIT_MB = 30;
const MAX_ENTRIES = 10_000;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const notASpreadsheet = () => new Problem(415, 'unsupportedMediaType');
const tooLarge = () => new Problem(413, 'upload.unpackedTooLarge', [], { mb: UNPACKED_LIMIT_MB });

/** The entries listed in a zip's central directory, read without unpacking anything. */
export function centralDirectory(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notASpreadsheet();
  const count = zip.readUInt16LE(eocd + 10);
  const offset = zip.readUInt32LE(eocd + 16);
  // ZIP64 markers: a sheet beyond 4 GB or 65535 parts is far past any limit.
  if (count === 0xffff || offset === 0xffffffff) throw tooLarge();
  if (count > MAX_ENTRIES) throw tooLarge();
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > zip.length || zip.readUInt32LE(p) !== 0x02014b50) throw notASpreadsheet();
    const nameLength = zip.readUInt16LE(p + 28);
    const entry = {
      method: zip.readUInt16LE(p + 10),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw tooLarge();
    entries.push(entry);
    p += 46 + nameLength + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return entries;
}

/** Inflates one entry into nothing, counting: a part that unpacks to more than it declared is a lie. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const inflate = createInflateRaw();
    inflate.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > cap) {
        inflate.destroy();
        resolve(n);
      }
    });
    inflate.on('end', () => resolve(n));
    inflate.on('error', () => reject(notASpreadsheet()));
    inflate.end(data);
  });
}

/**
 * Refuses an .xlsx that would unpack beyond the limits (413, the limit in words) before any
 * parser sees it: the sizes its directory declares, then the sizes its parts really inflate to.
 */
export async function checkZipLimits(zip: Buffer): Promise<ZipEntry[]> {
  const entries = centralDirectory(zip);
  const limit = UNPACKED_LIMIT_MB * 2 ** 20;
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > limit) throw tooLarge();
  for (const e of entries) {
    const sharedStrings = /sharedStrings\.xml$/i.test(e.name);
    if (sharedStrings && e.size > SHARED_STRINGS_LIMIT_MB * 2 ** 20) throw tooLarge();
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw notASpreadsheet();
      continue;
    }
    if (e.method !== 8) throw notASpreadsheet();
    const p = e.localOffset;
    if (p + 30 > zip.length || zip.readUInt32LE(p) !== 0x04034b50) throw notASpreadsheet();
    const start = p + 30 + zip.readUInt16LE(p + 26) + zip.readUInt16LE(p + 28);
    if (start + e.compressedSize > zip.length) throw notASpreadsheet();
    const real = await inflatedSize(zip.subarray(start, start + e.compressedSize), e.size);
    if (real > e.size) throw tooLarge();
  }
  return entries;
}

// The parts a streaming reader needs before the sheets. Read in the file's order, a sheet stored
// ahead of its shared strings is spooled by ExcelJS to a temporary file, which an aborted read
// (a limit reached) leaves behind, personal data included.
const FIRST = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/sharedStrings\.xml$/i,
  /^xl\/styles\.xml$/,
];
const rank = (name: string) => {
  const i = FIRST.findIndex((re) => re.test(name));
  return i < 0 ? FIRST.length : i;
};

/** The same zip with its local records reordered so that shared strings and styles precede the sheets. */
export function sheetsLast(zip: Buffer, entries: ZipEntry[]): Buffer {
  const ordered = [...entries].sort((a, b) => rank(a.name) - rank(b.name) || a.localOffset - b.localOffset);
  const byOffset = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const cdStart = centralDirectoryOffset(zip);
  // A record runs to the next record (data descriptors included), the last one to the central directory.
  const ends = new Map(byOffset.map((e, i) => [e, byOffset[i + 1]?.localOffset ?? cdStart]));
  return Buffer.concat([...ordered.map((e) => zip.subarray(e.localOffset, ends.get(e))), zip.subarray(cdStart)]);
}

function centralDirectoryOffset(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return zip.readUInt32LE(i + 16);
  }
  throw notASpreadsheet();
}
