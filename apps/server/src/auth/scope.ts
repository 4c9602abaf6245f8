import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './actor.js';

/**
 * The one place that limits rows to the actor's region scope: `column` is an ltree path that
 * must lie at or below the actor's scope path. Every query over people's data uses it.
 */
export function inScope(actor: Pick<Actor, 'scopePath'>, column: AnyColumn | SQL): SQL {
  return sql`${column} <@ ${actor.scopePath}::ltree`;
}
