import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/client.js';
import { Problem } from './problem.js';

/** A table whose rows carry an edit version (migration edit_version_triggers keeps it). */
type Versioned = PgTable & { id: PgColumn; version: PgColumn };

/** The version a write was based on, from If-Match ("3" or W/"3"); none or * accepts any (older clients). */
export function ifMatchVersion(request: FastifyRequest): number | undefined {
  const header = request.headers['if-match'];
  if (!header || header.trim() === '*') return undefined;
  const m = /^\s*(?:W\/)?"(\d+)"\s*$/.exec(header);
  if (!m) throw new Problem(412, 'staleVersion');
  return Number(m[1]);
}

/** Locks the row for this transaction and refuses (412) when it is no longer at `expected`. */
export async function lockVersion(tx: Tx, table: Versioned, id: string, expected: number | undefined): Promise<void> {
  if (expected === undefined) return;
  const [row] = await tx
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update');
  if (row && row.version !== expected) throw new Problem(412, 'staleVersion');
}

/**
 * Refuses (412) a write made on a version that is no longer current before the write is checked
 * against the record's state, so a stale writer learns of the other change rather than being told,
 * say, that the file is no longer active; `lockVersion` still decides inside the transaction.
 */
export async function assertVersion(db: Tx, table: Versioned, id: string, expected: number | undefined): Promise<void> {
  if (expected === undefined) return;
  const [row] = await db
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id));
  if (row && row.version !== expected) throw new Problem(412, 'staleVersion');
}

/** Sets the ETag of the record's current version; read before the record, so it is never newer than the body. */
export async function withVersion<T>(
  db: Tx,
  reply: FastifyReply,
  table: Versioned,
  id: string,
  load: () => Promise<T>,
): Promise<T> {
  const [row] = await db
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id));
  const body = await load();
  if (row) void reply.header('etag', `"${row.version as number}"`);
  return body;
}

/** Runs a write, then sets the ETag of the version it left. */
export async function afterWriteVersion<T>(
  db: Tx,
  reply: FastifyReply,
  table: Versioned,
  id: string,
  write: () => Promise<T>,
): Promise<T> {
  const body = await write();
  const [row] = await db
    .select({ version: table.version })
    .from(table as PgTable)
    .where(eq(table.id, id));
  if (row) void reply.header('etag', `"${row.version as number}"`);
  return body;
}
