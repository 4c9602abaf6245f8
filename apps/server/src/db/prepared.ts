import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './client.js';

/** Runs a statement built with drizzle's `sql` and answers its rows. */
export type Execute = (query: SQL) => Promise<Record<string, unknown>[]>;

export const executeOn =
  (tx: Tx): Execute =>
  async (query) =>
    (await tx.execute(query)).rows as Record<string, unknown>[];

const dialect = new PgDialect();

/**
 * Runs a hot statement as a named prepared statement, outside any transaction: PostgreSQL parses
 * and plans it once per connection instead of at every batch. The statement's text must be the
 * same at every call (everything that varies goes in its parameters).
 */
export const executePrepared =
  (db: Db, name: string): Execute =>
  async (query) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    return (await db.$client.query({ name, text, values: params })).rows as Record<string, unknown>[];
  };
