import { and, eq, sql, type SQL, type AnyColumn } from 'drizzle-orm';
import { isWithinScope } from '@fangkong/domain';
import type { Tx } from '../db/client.js';
import { region, regionTally } from '../db/schema/index.js';
import type { Actor } from './actor.js';

// The scope kernel: the one module that compares region paths, in SQL (ltree `<@`, `@>`) and in
// JavaScript (prefix checks). Code elsewhere asks it; scope-kernel.unit.test.ts fails on a raw
// path comparison written outside it (migrations excepted).

/** A region path in a query: a column, an SQL expression (`sql\`h.region_path\``), or a path value (bound as a parameter). */
export type PathRef = AnyColumn | SQL | string;

const ref = (p: PathRef): SQL | AnyColumn => (typeof p === 'string' ? sql`${p}::ltree` : p);

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

/** In the actor's scope and, when a list asks for a region (`below`), at or below it. */
export function inScopeBelow(
  actor: Pick<Actor, 'scopePath'>,
  column: AnyColumn | SQL,
  below: string | undefined | null,
): SQL {
  return below ? sql`${inScope(actor, column)} AND ${pathUnder(column, below)}` : inScope(actor, column);
}

/** `path` lies at or below `ancestor` (ltree `<@`): for figures, jobs and lookups that are not bound to an actor. */
export function pathUnder(path: PathRef, ancestor: PathRef): SQL {
  return sql`${ref(path)} <@ ${ref(ancestor)}`;
}

/** `path` lies strictly below `ancestor`. */
export function pathStrictlyUnder(path: PathRef, ancestor: PathRef): SQL {
  return sql`(${ref(path)} <@ ${ref(ancestor)} AND ${ref(path)} <> ${ref(ancestor)})`;
}

/** `path` lies at or above `descendant` (ltree `@>`): the regions, users or members over a place. */
export function pathAbove(path: PathRef, descendant: PathRef): SQL {
  return sql`${ref(path)} @> ${ref(descendant)}`;
}

/** `path` lies strictly above `descendant`. */
export function pathStrictlyAbove(path: PathRef, descendant: PathRef): SQL {
  return sql`(${ref(path)} @> ${ref(descendant)} AND ${ref(path)} <> ${ref(descendant)})`;
}

/** One path lies at, above or below the other: a round or a risk area that concerns a place. */
export function pathRelated(a: PathRef, b: PathRef): SQL {
  return sql`(${ref(a)} <@ ${ref(b)} OR ${ref(a)} @> ${ref(b)})`;
}

/** Some path of the ltree[] `paths` lies at or above `path` (ltree[] `@>`). */
export function anyPathAbove(paths: SQL | AnyColumn, path: PathRef): SQL {
  return sql`(${paths} @> ${ref(path)})`;
}

/** `path` lies at or above any of `descendants` (an empty list matches nothing). */
export function pathAboveAny(path: AnyColumn | SQL, descendants: string[]): SQL {
  return sql`${path} @> ${`{${descendants.map((p) => `"${p}"`).join(',')}}`}::ltree[]`;
}

/**
 * For statements sent as text (the pg client's `$1` parameters): `path` lies at or below
 * `ancestor`, both SQL text (a column name, `$1::ltree`).
 */
export function pathUnderText(path: string, ancestor: string): string {
  return `${path} <@ ${ancestor}`;
}

/** In JavaScript: `path` lies at or below `ancestor` (the twin of `pathUnder`). */
export function isPathWithin(path: string, ancestor: string): boolean {
  return isWithinScope(path, ancestor);
}

/** In JavaScript: `path` lies in the actor's scope (the twin of `inScope`). */
export function actorSees(actor: Pick<Actor, 'scopePath'>, path: string): boolean {
  return isWithinScope(path, actor.scopePath);
}

/** A region by id when it lies in the actor's scope; undefined otherwise (the caller answers not found). */
export async function selectRegionInScope(tx: Tx, actor: Actor, regionId: string) {
  const [row] = await tx
    .select({ id: region.id, name: region.name, level: region.level, path: region.path })
    .from(region)
    .where(and(eq(region.id, regionId), inScope(actor, region.path)));
  return row;
}

/**
 * For lists filtered by a region: the path to look below (undefined when no region was asked for),
 * or null when the region is outside the actor's scope, which the caller answers with an empty page.
 */
export async function regionFilterPath(
  tx: Tx,
  actor: Actor,
  regionId: string | undefined,
): Promise<string | undefined | null> {
  if (!regionId) return undefined;
  return (await selectRegionInScope(tx, actor, regionId))?.path ?? null;
}

/**
 * How many households or persons lie in the actor's scope (and below `below`, when given), summed
 * from region_tally: what a list filtered by nothing but a region shows as its total, without
 * counting a county's rows on every page.
 */
export async function tallyInScope(
  tx: Tx,
  actor: Actor,
  below: string | undefined,
  what: 'households' | 'persons',
): Promise<number> {
  const column = what === 'households' ? regionTally.households : regionTally.persons;
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${column}), 0)::int` })
    .from(regionTally)
    .innerJoin(region, eq(region.id, regionTally.regionId))
    .where(inScopeBelow(actor, region.path, below));
  return row?.n ?? 0;
}
