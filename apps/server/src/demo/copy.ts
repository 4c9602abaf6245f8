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

/** One line of COPY text format: tab-separated, '\N' for null, arrays as '{a,b}', ending in a newline. */
export function copyLine(values: readonly CopyValue[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'string') line += copyText(v);
    else if (typeof v === 'number' || typeof v === 'boolean') line += String(v);
    else line += copyText(arrayLiteral(v));
  }
  return `${line}\n`;
}

const CHUNK_CHARS = 1 << 16;

/** Joins lines into chunks of about 64 KiB so the stream gets few, large writes. */
async function* chunks(lines: Iterable<string> | AsyncIterable<string>, count: { rows: number }): AsyncGenerator<string> {
  let buffer = '';
  for await (const line of lines) {
    buffer += line;
    count.rows++;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Streams `lines` (from `copyLine`) into `table` with COPY FROM STDIN on `client`, respecting
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
