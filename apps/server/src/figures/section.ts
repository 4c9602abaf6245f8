// The shape every capability's figures take. A capability defines each of its figures once, as
// grouped counts over the records of a subtree; the engine (daily-reports/figures.ts) rolls the
// groups up into whatever regions are asked for: one report, every report of a county, or the
// children of a dashboard. See docs/figures.md for what each figure counts.
import { sql, type SQL } from 'drizzle-orm';
import { pathUnder } from '../auth/scope.js';

export interface FigureScope {
  /** Records at or below this region path count. */
  root: string;
  /** The group key of a record's region path; each query selects it `AS key` and groups by it. */
  key(column: SQL): SQL;
  /** The report day (Asia/Shanghai date). */
  day: string;
  /** The previous day's cut-off: the report day starts here. */
  dayStart: Date;
  /** The instant the figures are taken at: the day's cut-off, or now when earlier. */
  asOf: Date;
  /**
   * Now: facts dated by their own day (a check's slot day, a measure's start) count on that day
   * as soon as they are recorded, so a paper record entered later shows as a difference on the
   * report of its day, not on today's.
   */
  known: Date;
  /** When the day's check slots open (the county's policy), for the figures of what was due. */
  slotOpens: { am: Date; pm: Date };
}

export interface FigureSection {
  section: string;
  /** The figure keys, in report order: a region without records reads zeros. */
  keys: readonly string[];
  queries(s: FigureScope): SQL[];
}

export const under = (s: FigureScope, column: SQL) => pathUnder(column, s.root);
/** An instant within the report day, up to the moment the figures are taken at. */
export const inDay = (s: FigureScope, column: SQL) => sql`${column} >= ${s.dayStart} AND ${column} < ${s.asOf}`;
