// Bulk loading with COPY … FROM STDIN (text format), streamed in chunks with backpressure.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | boolean | null | undefined | readonly string[];

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const ARRAY_SPECIAL = /[{}",\\\s]|^null$/i;

/** Escapes one value for COPY's text format (backslash, tab, newline, carriage return). */
export function copyText(value: string): string {
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]!) : value;
}

/** A PostgreSQL array literal ('{a,b}'), quoting elements that need it. */
export function arrayLiteral(items: readonly string[]): string {
  const parts = items.map((s) => (s === '' || ARRAY_SPECIAL.test(s) ? `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"` : s));
  return `{${parts.join(',')}}`;
}

function field(v: CopyValue): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'string') return copyText(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return copyText(arrayLiteral(v));
}

/**
 * One row in COPY text format: tab-separated, '\N' for null, arrays as '{a,b}'; copyRows adds the line ends.
 * (join() builds one flat string; += would build a rope that is flattened and collected later.)
 */
export function copyLine(values: readonly CopyValue[]): string {
  return values.map(field).join('\t');
}

const CHUNK_LINES = 256;

/** Joins lines into chunks of a few hundred rows so the stream gets few, large writes. */
async function* chunks(
  lines: Iterable<string> | AsyncIterable<string>,
  count: { rows: number },
): AsyncGenerator<string> {
  let buffer: string[] = [];
  for await (const line of lines) {
    buffer.push(line);
    if (buffer.length === CHUNK_LINES) {
      count.rows += buffer.length;
      yield `${buffer.join('\n')}\n`;
      buffer = [];
    }
  }
  count.rows += buffer.length;
  if (buffer.length) yield `${buffer.join('\n')}\n`;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Streams `lines` (rows from `copyLine`) into `table` with COPY FROM STDIN on `client`, respecting
 * backpressure; returns the number of rows. Runs in the client's current transaction.
 */
export async function copyRows(
  client: pg.PoolClient,
  table: string,
  columns: readonly string[],
  lines: Iterable<string> | AsyncIterable<string>,
): Promise<number> {
  const count = { rows: 0 };
  const sql = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
  await pipeline(Readable.from(chunks(lines, count), { objectMode: false }), client.query(copyFrom(sql)));
  return count.rows;
}
