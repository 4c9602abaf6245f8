import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { ReportFigures } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { drillLists, openRoundFor, type DrillContext, type DrillDown, type DrillDowns, type DrillLists } from './drill-down.js';

export interface FigureWindow {
  /** The region the report is about: figures count everything at or below it. */
  regionPath: string;
  dayStart: Date;
  /** The cut-off, or now when earlier: events after it belong to the next report. */
  cutoff: Date;
}

/** One section of the daily report, computed from the records of one capability. */
export interface FigureSource {
  section: string;
  compute(tx: Tx, w: FigureWindow): Promise<Record<string, number>>;
  /** Per figure key, the list of the records behind it (see drill-down.ts). */
  drill(l: DrillLists): Record<string, DrillDown>;
}

const one = async (tx: Tx, query: ReturnType<typeof sql>) => {
  const { rows } = await tx.execute<Record<string, number>>(query);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
};

const population: FigureSource = {
  section: 'population',
  drill: (l) => ({ households: l.households(), persons: l.persons(), awayHouseholds: l.households({ status: 'away' }) }),
  compute: (tx, w) =>
    one(tx, sql`
      SELECT coalesce(sum(t.households), 0) AS households, coalesce(sum(t.persons), 0) AS persons,
             (SELECT count(*) FROM household h WHERE h.region_path <@ ${w.regionPath}::ltree AND h.status = 'away') AS "awayHouseholds"
      FROM region d JOIN region_tally t ON t.region_id = d.id WHERE d.path <@ ${w.regionPath}::ltree`),
};

const leads: FigureSource = {
  section: 'leads',
  drill: (l) => ({
    raisedToday: l.leads({ createdFrom: l.day.from, createdTo: l.day.to }),
    resolvedToday: l.leads({ resolvedFrom: l.day.from, resolvedTo: l.day.to }),
    open: l.leads({ status: 'open', createdTo: l.day.to }),
    overdue: l.leads({ overdue: 'true', createdTo: l.day.to }),
  }),
  compute: (tx, w) =>
    one(tx, sql`
      SELECT count(*) FILTER (WHERE created_at >= ${w.dayStart} AND created_at < ${w.cutoff}) AS "raisedToday",
             count(*) FILTER (WHERE resolved_at >= ${w.dayStart} AND resolved_at < ${w.cutoff}) AS "resolvedToday",
             count(*) FILTER (WHERE created_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff})) AS open,
             count(*) FILTER (WHERE created_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff}) AND deadline < ${w.cutoff}) AS overdue
      FROM lead WHERE region_path <@ ${w.regionPath}::ltree`),
};

// Covered = visited, or the whole family away and followed up by phone (as the coverage page counts).
const screening: FigureSource = {
  section: 'screening',
  drill: (l) => ({
    householdsToday: l.round({ state: 'covered', visitedFrom: l.day.from, visitedTo: l.day.to }),
    personsToday: l.round({ state: 'covered', visitedFrom: l.day.from, visitedTo: l.day.to }, { exact: false }),
    householdsCurrentRound: l.round({ state: 'covered', visitedTo: l.day.to }),
    householdsCumulative: l.round({ state: 'covered' }, { exact: false }),
  }),
  compute: (tx, w) =>
    one(tx, sql`
      SELECT count(DISTINCT v.household_id) FILTER (WHERE v.visited_at >= ${w.dayStart} AND v.visited_at < ${w.cutoff} AND v.outcome IN ('visited', 'away')) AS "householdsToday",
             (SELECT count(DISTINCT m.person_id) FROM visit_member m JOIN visit x ON x.id = m.visit_id
              WHERE m.region_path <@ ${w.regionPath}::ltree AND x.visited_at >= ${w.dayStart} AND x.visited_at < ${w.cutoff}) AS "personsToday",
             count(DISTINCT v.household_id) FILTER (WHERE r.status = 'open' AND v.visited_at < ${w.cutoff} AND v.outcome IN ('visited', 'away')) AS "householdsCurrentRound",
             count(DISTINCT v.household_id) FILTER (WHERE v.visited_at < ${w.cutoff} AND v.outcome IN ('visited', 'away')) AS "householdsCumulative"
      FROM visit v JOIN screening_round r ON r.id = v.round_id WHERE v.region_path <@ ${w.regionPath}::ltree`),
};

// Files open at the cut-off; days are report days in Asia/Shanghai.
const keyPersons: FigureSource = {
  section: 'keyPersons',
  drill: (l) => ({
    active: l.keyPersons({ status: 'active' }),
    homeIsolation: l.keyPersons({ status: 'active', measure: 'homeIsolation' }),
    centralIsolation: l.keyPersons({ status: 'active', measure: 'centralIsolation' }),
    newToday: l.keyPersons({ createdFrom: l.day.from, createdTo: l.day.to }),
    releasedToday: l.keyPersons({ status: 'released', closedFrom: l.day.from, closedTo: l.day.to }),
  }),
  compute: (tx, w) =>
    one(tx, sql`
      SELECT count(*) FILTER (WHERE status = 'active') AS active,
             count(*) FILTER (WHERE status = 'active' AND measure = 'homeIsolation') AS "homeIsolation",
             count(*) FILTER (WHERE status = 'active' AND measure = 'centralIsolation') AS "centralIsolation",
             count(*) FILTER (WHERE created_at >= ${w.dayStart} AND created_at < ${w.cutoff}) AS "newToday",
             count(*) FILTER (WHERE status = 'released' AND closed_at >= ${w.dayStart} AND closed_at < ${w.cutoff}) AS "releasedToday"
      FROM key_person WHERE region_path <@ ${w.regionPath}::ltree`),
};

const healthChecks: FigureSource = {
  section: 'healthChecks',
  drill: (l) => ({
    checksToday: l.healthChecks({ recordedFrom: l.day.from, recordedTo: l.day.to, corrections: 'false' }),
    overdue: l.keyPersons({ list: 'overdue' }, { exact: false }),
    fevers: l.triageTasks({ createdFrom: l.day.from, createdTo: l.day.to }),
    openTriage: l.triageTasks({ status: 'open', createdTo: l.day.to }),
  }),
  compute: (tx, w) =>
    one(tx, sql`
      SELECT (SELECT count(*) FROM health_check WHERE region_path <@ ${w.regionPath}::ltree AND corrects_id IS NULL AND recorded_at >= ${w.dayStart} AND recorded_at < ${w.cutoff}) AS "checksToday",
             (SELECT count(*) FROM check_alert WHERE region_path <@ ${w.regionPath}::ltree AND overdue_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff})) AS overdue,
             (SELECT count(*) FROM triage_task WHERE region_path <@ ${w.regionPath}::ltree AND created_at >= ${w.dayStart} AND created_at < ${w.cutoff}) AS fevers,
             (SELECT count(*) FROM triage_task WHERE region_path <@ ${w.regionPath}::ltree AND status = 'open' AND created_at < ${w.cutoff}) AS "openTriage"`),
};

// From the hourly tallies the checkpoint module keeps with every entry.
const checkpoints: FigureSource = {
  section: 'checkpoints',
  drill: (l) => ({
    vehicles: l.entries({ kind: 'vehicle' }),
    persons: l.entries({}, { counts: 'occupants' }),
    turnedBack: l.entries({ decision: 'turnBack' }),
    held: l.entries({ decision: 'hold' }),
    fevers: l.entries({ fever: 'true' }, { counts: 'feverOccupants' }),
  }),
  compute: (tx, w) =>
    one(tx, sql`
      SELECT coalesce(sum(vehicles), 0) AS vehicles, coalesce(sum(persons), 0) AS persons, coalesce(sum(turned_back), 0) AS "turnedBack",
             coalesce(sum(held), 0) AS held, coalesce(sum(fevers), 0) AS fevers
      FROM checkpoint_stat WHERE region_path <@ ${w.regionPath}::ltree AND hour >= ${w.dayStart} AND hour < ${w.cutoff}`),
};

/** Every section, in the order the report reads; capabilities add theirs here. */
export const figureSources: FigureSource[] = [population, screening, keyPersons, healthChecks, checkpoints, leads];

/**
 * All sections for one region and day: side by side on the pool, one after the other in a
 * transaction, whose single connection runs one query at a time anyway (and pg 9 will refuse more).
 */
export async function computeFigures(tx: Tx, w: FigureWindow): Promise<ReportFigures> {
  const compute = async (s: FigureSource) => [s.section, await s.compute(tx, w)] as const;
  if (!(tx instanceof PgTransaction)) return Object.fromEntries(await Promise.all(figureSources.map(compute)));
  const sections = [];
  for (const s of figureSources) sections.push(await compute(s));
  return Object.fromEntries(sections);
}

/** Per section and figure, the list behind it, for one region and day. */
export async function computeDrillDowns(tx: Tx, c: Omit<DrillContext, 'roundId'>): Promise<DrillDowns> {
  const lists = drillLists({ ...c, roundId: await openRoundFor(tx, c.regionPath) });
  return Object.fromEntries(figureSources.map((s) => [s.section, s.drill(lists)]));
}

/** Element-wise sum, for comparing a township with the snapshots its villages submitted. */
export function sumFigures(all: ReportFigures[]): ReportFigures {
  const total: ReportFigures = {};
  for (const figures of all)
    for (const [section, values] of Object.entries(figures))
      for (const [k, v] of Object.entries(values)) (total[section] ??= {})[k] = (total[section]![k] ?? 0) + v;
  return total;
}
