import { sql } from 'drizzle-orm';
import type { ReportFigures } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';

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
}

const one = async (tx: Tx, query: ReturnType<typeof sql>) => {
  const { rows } = await tx.execute<Record<string, number>>(query);
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v ?? 0)]));
};

const population: FigureSource = {
  section: 'population',
  compute: (tx, w) =>
    one(tx, sql`
      SELECT coalesce(sum(t.households), 0) AS households, coalesce(sum(t.persons), 0) AS persons,
             (SELECT count(*) FROM household h WHERE h.region_path <@ ${w.regionPath}::ltree AND h.status = 'away') AS "awayHouseholds"
      FROM region d JOIN region_tally t ON t.region_id = d.id WHERE d.path <@ ${w.regionPath}::ltree`),
};

const leads: FigureSource = {
  section: 'leads',
  compute: (tx, w) =>
    one(tx, sql`
      SELECT count(*) FILTER (WHERE created_at >= ${w.dayStart} AND created_at < ${w.cutoff}) AS "raisedToday",
             count(*) FILTER (WHERE resolved_at >= ${w.dayStart} AND resolved_at < ${w.cutoff}) AS "resolvedToday",
             count(*) FILTER (WHERE created_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff})) AS open,
             count(*) FILTER (WHERE created_at < ${w.cutoff} AND (resolved_at IS NULL OR resolved_at >= ${w.cutoff}) AND deadline < ${w.cutoff}) AS overdue
      FROM lead WHERE region_path <@ ${w.regionPath}::ltree`),
};

/** Every section, in the order the report reads; capabilities add theirs here. */
export const figureSources: FigureSource[] = [population, leads];

/** All sections for one region and day, computed side by side. */
export async function computeFigures(tx: Tx, w: FigureWindow): Promise<ReportFigures> {
  const sections = await Promise.all(figureSources.map(async (s) => [s.section, await s.compute(tx, w)] as const));
  return Object.fromEntries(sections);
}

/** Element-wise sum, for comparing a township with the snapshots its villages submitted. */
export function sumFigures(all: ReportFigures[]): ReportFigures {
  const total: ReportFigures = {};
  for (const figures of all)
    for (const [section, values] of Object.entries(figures))
      for (const [k, v] of Object.entries(values)) (total[section] ??= {})[k] = (total[section]![k] ?? 0) + v;
  return total;
}
