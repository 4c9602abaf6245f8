import { sql, type SQL } from 'drizzle-orm';
import type { VenueOrderKind } from '@fangkong/domain';
import { pathUnderText } from '../../auth/scope.js';

/** An order in effect on a day (dates inclusive). */
export const orderInEffect = (o: string, day: string | SQL) =>
  sql`${sql.raw(o)}.effective_from <= ${day}::date AND (${sql.raw(o)}.effective_until IS NULL OR ${sql.raw(o)}.effective_until >= ${day}::date)`;

/** The order `o` applies to venue `v`: named on it, or on its type at or above its region. */
export const orderAppliesTo = (o: string, v: string) =>
  sql.raw(
    `(${o}.venue_id = ${v}.id OR (${o}.venue_id IS NULL AND ${o}.venue_type = ${v}.type AND ${pathUnderText(`${v}.region_path`, `${o}.region_path`)}))`,
  );

/**
 * Venue `v` is under an order (of `kind`, when given) on `day`: the one definition the list, the
 * not-checked list and the daily report's figures share.
 */
export const underOrder = (v: string, day: string | SQL, kind?: VenueOrderKind) =>
  sql`EXISTS (SELECT 1 FROM venue_order o WHERE ${orderInEffect('o', day)} AND ${orderAppliesTo('o', v)}${kind ? sql` AND o.kind = ${kind}` : sql``})`;

/** The kinds of the orders in effect on `day` for venue `v`. */
export const orderKinds = (v: string, day: string | SQL) =>
  sql`coalesce((SELECT array_agg(DISTINCT o.kind ORDER BY o.kind) FROM venue_order o WHERE ${orderInEffect('o', day)} AND ${orderAppliesTo('o', v)}), '{}')`;

/** The latest check of venue `v` (by when it was done). */
export const lastCheck = (v: string) =>
  sql.raw(
    `LEFT JOIN LATERAL (SELECT c.checked_at, c.result FROM venue_check c WHERE c.venue_id = ${v}.id ORDER BY c.checked_at DESC, c.id DESC LIMIT 1) lc ON true`,
  );
