import { sql, type SQL, type AnyColumn } from 'drizzle-orm';
import type { Actor } from './actor.js';

/**
 * The one place that limits rows to the actor's region scope: `column` is an ltree path that
 * must lie at or below the actor's scope path. Every query over people's data uses it.
 */
export function inScope(actor: Pick<Actor, 'scopePath'>, column: AnyColumn | SQL): SQL {
  return sql`${column} <@ ${actor.scopePath}::ltree`;
}

/**
 * Rows that belong to a region containing the actor's scope or lying inside it: a county's risk
 * areas or a county-wide screening round concern a village cadre too, though not "theirs".
 */
export function relatedToScope(actor: Pick<Actor, 'scopePath'>, column: AnyColumn | SQL): SQL {
  return sql`(${column} <@ ${actor.scopePath}::ltree OR ${column} @> ${actor.scopePath}::ltree)`;
}
