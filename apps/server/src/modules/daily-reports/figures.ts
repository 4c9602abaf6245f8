// The one engine behind every figure: the single-region report, the dashboard's regions and the
// drill-down lists all take the sections the capabilities define (each figure once, set-based) and
// differ only in how the groups roll up. See docs/figures.md.
import { sql, type SQL } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import { reportDayWindow, slotWindowOf, type ReportFigures } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import type { FigureScope, FigureSection } from '../../figures/section.js';
import { populationFigures } from '../households/households.figures.js';
import { screeningFigures } from '../screening/screening.figures.js';
import { keyPersonCategoryFigures, keyPersonFigures } from '../key-persons/key-persons.figures.js';
import { healthCheckFigures } from '../health-checks/health-checks.figures.js';
import { checkpointFigures } from '../checkpoint-stats/checkpoint-stats.figures.js';
import { assistListFigures, leadFigures } from '../leads/leads.figures.js';
import { settingsFor } from '../county-settings/index.js';
import { spotCheckFigures, supervisionFigures } from '../supervision/supervision.figures.js';
import { venueFigures } from '../venues/venues.figures.js';
import { gatheringFigures } from '../gatherings/gatherings.figures.js';
import { disinfectionFigures, publicityFigures } from '../community-logs/community-logs.figures.js';
import { supplyFigures } from '../supplies/supplies.figures.js';
import { vaccinationFigures } from '../vaccinations/vaccinations.figures.js';
import { sentinelFigures } from '../sentinels/sentinels.figures.js';
import { nonComplianceFigures } from '../key-person-incidents/key-person-incidents.figures.js';
import {
  drillLists,
  openRoundFor,
  type DrillContext,
  type DrillDown,
  type DrillDowns,
  type DrillLists,
} from './drill-down.js';

/** Every section, in the order the report reads. */
export const figureSections: FigureSection[] = [
  populationFigures,
  screeningFigures,
  keyPersonFigures,
  keyPersonCategoryFigures,
  healthCheckFigures,
  checkpointFigures,
  leadFigures,
  assistListFigures,
  supervisionFigures,
  spotCheckFigures,
  venueFigures,
  gatheringFigures,
  disinfectionFigures,
  publicityFigures,
  supplyFigures,
  vaccinationFigures,
  sentinelFigures,
  nonComplianceFigures,
];

/** The report day the figures are about and the instant they are taken at. */
export interface ReportMoment {
  day: string;
  /** The previous day's cut-off. */
  dayStart: Date;
  /** The day's cut-off, or now when earlier. */
  asOf: Date;
  /** Now (see FigureScope.known). */
  known: Date;
}

export function reportMoment(day: string, deadline: string, now: Date): ReportMoment {
  const { dayStart, cutoff } = reportDayWindow(day, deadline);
  return { day, dayStart, asOf: new Date(Math.min(cutoff.getTime(), now.getTime())), known: now };
}

const nlevel = (path: string) => path.split('.').length;

/**
 * The figures of each target region (at or below `root`): every query groups the subtree's
 * records by their path cut to `depth` labels, and each group adds into every target that holds
 * it. Counts are of records that lie in one region each, so the sums are exact; a figure that is a
 * set (a list spanning villages) comes as an array and targets unite them.
 */
export async function computeFigureSets(
  tx: Tx,
  root: string,
  depth: number,
  targets: string[],
  m: ReportMoment,
): Promise<Map<string, ReportFigures>> {
  const { slotWindows } = await settingsFor(tx, 'policy', root);
  const scope: FigureScope = {
    root,
    key: (column: SQL) =>
      depth <= nlevel(root) ? sql`${root}::text` : sql`subpath(${column}, 0, least(nlevel(${column}), ${depth}))::text`,
    day: m.day,
    dayStart: m.dayStart,
    asOf: m.asOf,
    known: m.known,
    slotOpens: {
      am: slotWindowOf(m.day, 'am', slotWindows).opensAt,
      pm: slotWindowOf(m.day, 'pm', slotWindows).opensAt,
    },
  };
  const out = new Map<string, ReportFigures>();
  const sets = new Map<string, Map<string, Set<string>>>();
  for (const t of targets)
    out.set(
      t,
      Object.fromEntries(figureSections.map((s) => [s.section, Object.fromEntries(s.keys.map((k) => [k, 0]))])),
    );
  const queries = figureSections.flatMap((s) => s.queries(scope).map((q) => [s.section, q] as const));
  const run = async ([section, query]: readonly [string, SQL]) => {
    const { rows } = await tx.execute<Record<string, string | number | string[] | null>>(query);
    for (const { key: at, ...counts } of rows) {
      const labels = String(at).split('.');
      for (let d = 1; d <= labels.length; d++) {
        const target = labels.slice(0, d).join('.');
        const figures = out.get(target)?.[section];
        if (!figures) continue;
        for (const [k, v] of Object.entries(counts)) {
          if (Array.isArray(v)) {
            const bySection = sets.get(`${target}|${section}`) ?? new Map<string, Set<string>>();
            sets.set(`${target}|${section}`, bySection);
            const set = bySection.get(k) ?? new Set<string>();
            bySection.set(k, set);
            for (const x of v) set.add(x);
            figures[k] = set.size;
          } else figures[k] = (figures[k] ?? 0) + Number(v ?? 0);
        }
      }
    }
  };
  // Side by side on the pool; one after the other in a transaction, whose single connection runs one query at a time anyway.
  if (tx instanceof PgTransaction) for (const q of queries) await run(q);
  else await Promise.all(queries.map(run));
  return out;
}

/** One region's report. */
export async function computeFigures(tx: Tx, regionPath: string, m: ReportMoment): Promise<ReportFigures> {
  return (await computeFigureSets(tx, regionPath, nlevel(regionPath), [regionPath], m)).get(regionPath)!;
}

/** A region and each of its children (the dashboard): the region's own figures include what is held at its level. */
export async function computeChildFigures(
  tx: Tx,
  path: string,
  children: string[],
  m: ReportMoment,
): Promise<Map<string, ReportFigures>> {
  return computeFigureSets(tx, path, nlevel(path) + 1, [path, ...children], m);
}

/** Per section and figure, the list behind it (see drill-down.ts). */
const drills: Record<string, (l: DrillLists) => Record<string, DrillDown>> = {
  population: (l) => ({
    households: l.households(),
    persons: l.persons(),
    awayHouseholds: l.households({ status: 'away' }),
    personsAway: l.households({ status: 'away' }, { exact: false }),
  }),
  screening: (l) => ({
    householdsToday: l.round({ state: 'covered', visitedFrom: l.day.from, visitedTo: l.day.to }),
    personsToday: l.round({ state: 'covered', visitedFrom: l.day.from, visitedTo: l.day.to }, { exact: false }),
    householdsCurrentRound: l.round({ state: 'covered', visitedTo: l.day.to }),
    householdsCumulative: l.round({ state: 'covered' }, { exact: false }),
  }),
  keyPersons: (l) => ({
    active: l.keyPersons({ status: 'active', createdTo: l.day.to }),
    homeIsolation: l.keyPersons({ status: 'active', measure: 'homeIsolation', createdTo: l.day.to }),
    centralIsolation: l.keyPersons({ status: 'active', measure: 'centralIsolation', createdTo: l.day.to }),
    newToday: l.keyPersons({ startedFrom: l.day.from, startedTo: l.day.to }),
    releasedToday: l.keyPersons({ status: 'released', closedFrom: l.day.from, closedTo: l.day.to }),
  }),
  keyPersonCategories: (l) =>
    Object.fromEntries(
      keyPersonCategoryFigures.keys.map((c) => [
        c,
        l.keyPersons({ status: 'active', category: c, createdTo: l.day.to }),
      ]),
    ),
  healthChecks: (l) => ({
    checksToday: l.healthChecks({ day: l.reportDay, corrections: 'false' }),
    overdue: l.keyPersons({ list: 'overdue' }, { exact: false }),
    fevers: l.keyPersons({ list: 'fever' }, { exact: false }),
    openTriage: l.triageTasks({ status: 'open', createdTo: l.day.to }),
    slotsDue: l.keyPersons({ status: 'active' }, { exact: false }),
    slotsDone: l.healthChecks({ day: l.reportDay, recordedTo: l.day.to, corrections: 'false' }, { exact: false }),
  }),
  checkpoints: (l) => ({
    vehicles: l.entries({ kind: 'vehicle' }),
    persons: l.entries({}, { counts: 'occupants' }),
    turnedBack: l.entries({ decision: 'turnBack' }),
    turnedBackPersons: l.entries({ decision: 'turnBack' }, { counts: 'occupants' }),
    held: l.entries({ decision: 'hold' }),
    fevers: l.entries({ fever: 'true' }, { counts: 'feverOccupants' }),
  }),
  leads: (l) => ({
    raisedToday: l.leads({ createdFrom: l.day.from, createdTo: l.day.to }),
    resolvedToday: l.leads({ resolvedFrom: l.day.from, resolvedTo: l.day.to }),
    open: l.leads({ status: 'open', createdTo: l.day.to }),
    overdue: l.leads({ overdue: 'true', createdTo: l.day.to }),
  }),
  supplies: (l) => ({
    storesShort: l.supplyStores({ short: 'true' }),
    itemsShort: l.supplyStores({ short: 'true' }, { exact: false }),
  }),
  sentinels: (l) => ({
    salesToday: l.sentinelSales({}),
    sites: l.sentinels({}),
  }),
  assistLists: (l) => ({
    batches: l.leads({}, { exact: false }),
    persons: l.leads({}, { exact: false }),
    verified: l.leads({ status: 'verified' }, { exact: false }),
  }),
  supervision: (l) => ({
    inspectionsToday: l.inspections({ inspectedFrom: l.day.from, inspectedTo: l.day.to }),
    findingsToday: l.findings({ createdFrom: l.day.from, createdTo: l.day.to }),
    findingsOpen: l.findings({ open: 'true', createdTo: l.day.to }),
    findingsOverdue: l.findings({ overdue: 'true', createdTo: l.day.to }),
    rectifiedToday: l.findings({ closedFrom: l.day.from, closedTo: l.day.to }),
  }),
  spotChecks: (l) => ({
    spotChecksToday: l.spotChecks({ createdFrom: l.day.from, createdTo: l.day.to }),
    recordsChecked: l.spotCheckRecords({ checkedFrom: l.day.from, checkedTo: l.day.to }),
    discrepancies: l.spotCheckRecords({ outcome: 'discrepant', checkedFrom: l.day.from, checkedTo: l.day.to }),
  }),
  venues: (l) => ({
    underOrder: l.venues({ underOrder: 'true', onDay: l.reportDay }),
    closed: l.venues({ order: 'close', onDay: l.reportDay }),
    checksToday: l.venueChecks({}),
    violationsToday: l.venueChecks({ violation: 'true' }),
  }),
  gatherings: (l) => ({
    stoppedToday: l.gatherings({ stopped: 'true' }),
    tablesCancelled: l.gatherings({}, { counts: 'tablesCancelled' }),
    personsCancelled: l.gatherings({}, { counts: 'personsCancelled' }),
    heldInViolation: l.gatherings({ outcome: 'heldInViolation' }),
  }),
  nonCompliance: (l) => ({
    incidentsToday: l.incidents({ occurredFrom: l.day.from, occurredTo: l.day.to }),
    handedOverToday: l.incidents({ handedOverFrom: l.day.from, handedOverTo: l.day.to }),
  }),
  disinfections: (l) => ({ sessionsToday: l.disinfections({}), areaToday: l.disinfections({}, { counts: 'areaM2' }) }),
  vaccinations: (l) => ({
    eligible: l.vaccinationPersons({}),
    firstDose: l.vaccinationPersons({ dose: 'first', status: 'vaccinated' }),
    fullDose: l.vaccinationPersons({ dose: 'full', status: 'vaccinated' }),
    booster: l.vaccinationPersons({ dose: 'booster', status: 'vaccinated' }),
    notVaccinated: l.vaccinationPersons({ dose: 'first', status: 'notVaccinated' }),
  }),
  publicity: (l) => ({
    broadcastHours: l.publicity({ kind: 'broadcast' }, { counts: 'hours' }),
    reach: l.publicity({}, { counts: 'reach' }),
  }),
};

/** Per section and figure, the list behind it, for one region and day. */
export async function computeDrillDowns(tx: Tx, c: Omit<DrillContext, 'roundId'>): Promise<DrillDowns> {
  const lists = drillLists({ ...c, roundId: await openRoundFor(tx, c.regionPath) });
  return Object.fromEntries(figureSections.map((s) => [s.section, drills[s.section]!(lists)]));
}

/** Element-wise sum, for comparing a township with the snapshots its villages submitted. */
export function sumFigures(all: ReportFigures[]): ReportFigures {
  const total: ReportFigures = {};
  for (const figures of all)
    for (const [section, values] of Object.entries(figures))
      for (const [k, v] of Object.entries(values)) (total[section] ??= {})[k] = (total[section]![k] ?? 0) + v;
  return total;
}
