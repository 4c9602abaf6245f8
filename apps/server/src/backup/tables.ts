import type pg from 'pg';

/** What a backup holds of one table, and what its restore is checked against. */
export interface TableManifest {
  name: string;
  columns: string[];
  rows: number;
  /** Order-free checksum of the rows' text (see `tableChecksum`). */
  checksum: string;
  /** The audit log's first and last `at`, so that restore makes its monthly partitions first. */
  range?: [string, string] | null;
}

type Queryable = Pick<pg.ClientBase, 'query'>;

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Session settings under which row text, and so the checksum, is the same on any server. */
export const STABLE_TEXT = `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 1; SET bytea_output = 'hex'`;

/** The public schema's tables (a partitioned table once, not its partitions), by name. */
export async function listTables(c: Queryable): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  return rows.map((r) => r.name);
}

/** The columns a COPY carries: all but generated ones, in table order. */
export async function listColumns(c: Queryable, table: string): Promise<string[]> {
  const { rows } = await c.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [ident(table)],
  );
  return rows.map((r) => r.name);
}

/** Row count and the sum of a 60-bit slice of each row's MD5: cheap in memory, independent of order. */
export async function tableChecksum(
  c: Queryable,
  table: string,
  columns: string[],
): Promise<{ rows: number; checksum: string }> {
  const { rows } = await c.query<{ rows: string; checksum: string }>(
    `SELECT count(*)::text AS rows, coalesce(sum(('x' || substr(md5(t::text), 1, 15))::bit(60)::bigint), 0)::text AS checksum
       FROM (SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)}) t`,
  );
  return { rows: Number(rows[0]!.rows), checksum: rows[0]!.checksum };
}

/** The tables in an order in which each comes after those its foreign keys point to. */
export async function inDependencyOrder(c: Queryable, tables: string[]): Promise<string[]> {
  const { rows } = await c.query<{ child: string; parent: string }>(
    `SELECT DISTINCT cl.relname AS child, pa.relname AS parent FROM pg_constraint k
       JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = cl.relnamespace
      WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid AND NOT cl.relispartition`,
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t, new Set()]));
  for (const r of rows) parents.get(r.child)?.add(r.parent);
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter(
      (t) => !placed.has(t) && [...parents.get(t)!].every((p) => placed.has(p) || !parents.has(p)),
    );
    // A cycle of foreign keys: take the rest as they come (the restore then needs deferred checks).
    const next = ready.length ? ready : tables.filter((t) => !placed.has(t));
    for (const t of next) {
      ordered.push(t);
      placed.add(t);
    }
  }
  return ordered;
}
