import { sql, type SQL } from 'drizzle-orm';
import { inDay, under, type FigureScope, type FigureSection } from '../../figures/section.js';
import { pathRelated, anyPathAbove } from '../../auth/scope.js';

/** The outcomes that cover a household: someone answered, or the whole family is away (and followed up). */
export const COVERING_OUTCOMES = sql`('visited', 'away')`;

/**
 * The open rounds over or inside the subtree, each with the areas of the open rounds opened after
 * it that overlap it: a household's current round is the latest open round whose area holds it, so
 * a township opening its own round takes its households out of the county's round and no other's.
 */
export const currentRounds = (s: FigureScope) => sql`
  SELECT r.id, coalesce(array_agg(l.region_path) FILTER (WHERE l.id IS NOT NULL), '{}') AS shadowed
  FROM screening_round r LEFT JOIN screening_round l ON l.status = 'open' AND l.id <> r.id
    AND (l.created_at, l.id) > (r.created_at, r.id) AND ${pathRelated(sql`l.region_path`, sql`r.region_path`)}
  WHERE r.status = 'open' AND ${pathRelated(sql`r.region_path`, s.root)}
  GROUP BY r.id`;

/** A visit that belongs to the current round of its household. */
export const inCurrentRound = (visit: SQL, cur: SQL) =>
  sql`${cur}.id = ${visit}.round_id AND NOT ${anyPathAbove(sql`${cur}.shadowed`, sql`${visit}.region_path`)}`;

/** Covered = any visit in the round that covered the household, whatever a later call found. */
export const screeningFigures: FigureSection = {
  section: 'screening',
  keys: ['householdsToday', 'personsToday', 'householdsCurrentRound', 'householdsCumulative'],
  queries: (s) => [
    sql`WITH cur AS (${currentRounds(s)})
        SELECT ${s.key(sql`v.region_path`)} AS key,
               count(DISTINCT v.household_id) FILTER (WHERE ${inDay(s, sql`v.visited_at`)}) AS "householdsToday",
               count(DISTINCT v.household_id) FILTER (WHERE v.visited_at < ${s.asOf} AND cur.id IS NOT NULL AND NOT ${anyPathAbove(sql`cur.shadowed`, sql`v.region_path`)}) AS "householdsCurrentRound",
               count(DISTINCT v.household_id) FILTER (WHERE v.visited_at < ${s.asOf}) AS "householdsCumulative"
        FROM visit v LEFT JOIN cur ON cur.id = v.round_id
        WHERE ${under(s, sql`v.region_path`)} AND v.outcome IN ${COVERING_OUTCOMES} GROUP BY 1`,
    sql`SELECT ${s.key(sql`m.region_path`)} AS key, count(DISTINCT m.person_id) AS "personsToday"
        FROM visit_member m JOIN visit x ON x.id = m.visit_id WHERE ${under(s, sql`m.region_path`)} AND ${inDay(s, sql`x.visited_at`)} GROUP BY 1`,
  ],
};
