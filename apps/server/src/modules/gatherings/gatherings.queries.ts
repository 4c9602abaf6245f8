import { sql } from 'drizzle-orm';

// The one definition of what a gathering takes off the tables, shared by the list and the daily report.

/** 劝停: cancelled or postponed. */
export const stopped = (g: string) => sql.raw(`${g}.outcome IN ('cancelled', 'postponed')`);
/** Tables not held: all of a stopped gathering's, the cut of a scaled-down one, none otherwise. */
export const tablesCancelled = (g: string) =>
  sql.raw(
    `(CASE WHEN ${g}.outcome IN ('cancelled', 'postponed') THEN ${g}.tables WHEN ${g}.outcome = 'scaledDown' THEN greatest(${g}.tables - coalesce(${g}.tables_held, ${g}.tables), 0) ELSE 0 END)`,
  );
export const personsCancelled = (g: string) =>
  sql.raw(
    `(CASE WHEN ${g}.outcome IN ('cancelled', 'postponed') THEN ${g}.persons WHEN ${g}.outcome = 'scaledDown' THEN greatest(${g}.persons - coalesce(${g}.persons_held, ${g}.persons), 0) ELSE 0 END)`,
  );
