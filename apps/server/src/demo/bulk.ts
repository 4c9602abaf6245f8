// Bulk-load helper: inside the loading transaction, take the foreign keys and the plain indexes of
// the big tables off while rows stream in, then put them back exactly as they were (same names, same
// definitions, read from the catalog). Rebuilding an index once is far cheaper than updating it per
// row, and a foreign key check per row locks the referenced row. Primary keys and unique constraints
// stay, so duplicates still fail at once. Everything is transactional: a failure restores all.
import type pg from 'pg';

interface Ddl {
  drop: string;
  create: string;
}

/**
 * Drops the foreign keys and the indexes that back no constraint on `tables`, and returns a function
 * that recreates them (reporting each one done). Must run inside a transaction.
 */
export async function suspendIndexes(
  client: pg.PoolClient,
  tables: readonly string[],
): Promise<(onStep?: (done: number, total: number) => void) => Promise<void>> {
  const { rows: foreignKeys } = await client.query<Ddl>(
    `SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname) AS drop,
            format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) AS create
       FROM pg_constraint c
      WHERE c.contype = 'f' AND c.conrelid = ANY ($1::regclass[])
      ORDER BY c.conrelid::regclass::text, c.conname`,
    [tables],
  );
  const { rows: indexes } = await client.query<Ddl>(
    `SELECT format('DROP INDEX %s', i.indexrelid::regclass) AS drop, pg_get_indexdef(i.indexrelid) AS create
       FROM pg_index i
      WHERE i.indrelid = ANY ($1::regclass[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY i.indexrelid::regclass::text`,
    [tables],
  );
  for (const fk of foreignKeys) await client.query(fk.drop);
  for (const index of indexes) await client.query(index.drop);

  return async (onStep) => {
    const steps = [...indexes, ...foreignKeys];
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    onStep?.(0, steps.length);
    for (const [i, step] of steps.entries()) {
      await client.query(step.create);
      onStep?.(i + 1, steps.length);
    }
  };
}
