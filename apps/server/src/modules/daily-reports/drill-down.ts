import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { pathAbove, pathRelated } from '../../auth/scope.js';

/**
 * Where a figure leads: the list of the records behind it, as the API serves it (`api`, whose
 * `total` — or the count named by `counts` — equals the figure for the same cut-off and scope) and
 * as the web app shows it (`web`). Both take the same query.
 */
export interface DrillDown {
  api: string;
  web: string;
  query: Record<string, string>;
  /** Which count of the list page equals the figure; `total` unless the figure counts occupants. */
  counts:
    | 'total'
    | 'occupants'
    | 'feverOccupants'
    | 'tablesCancelled'
    | 'personsCancelled'
    | 'areaM2'
    | 'hours'
    | 'reach';
  /**
   * False when no list holds exactly the records behind the figure (it leads to the nearest list):
   * persons seen today, households covered over all rounds, overdue check slots.
   */
  exact: boolean;
}

export interface DrillContext {
  regionId: string;
  regionPath: string;
  /** The report day (its slot day for checks). */
  reportDay: string;
  dayStart: Date;
  cutoff: Date;
  /** The open screening round, when there is one. */
  roundId: string | null;
}

export type DrillDowns = Record<string, Record<string, DrillDown>>;

const to = (
  api: string,
  web: string,
  query: Record<string, string | undefined>,
  more: Partial<DrillDown> = {},
): DrillDown => ({
  api,
  web,
  query: Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)),
  counts: 'total',
  exact: true,
  ...more,
});

/** The latest open round whose region holds the report's region (its current round), else one inside it. */
export async function openRoundFor(tx: Tx, regionPath: string): Promise<string | null> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    SELECT r.id FROM screening_round r JOIN region g ON g.id = r.region_id
    WHERE r.status = 'open' AND ${pathRelated(sql`g.path`, regionPath)}
    ORDER BY ${pathAbove(sql`g.path`, regionPath)} DESC, r.created_at DESC, r.id DESC LIMIT 1`);
  return rows[0]?.id ?? null;
}

/** The lists figures drill into, bound to one report's region and day. */
export function drillLists(c: DrillContext) {
  const regionId = c.regionId;
  const day = { from: c.dayStart.toISOString(), to: c.cutoff.toISOString() };
  type Q = Record<string, string | undefined>;
  const households = (q: Q = {}, more?: Partial<DrillDown>) =>
    to('/api/v1/households', '/register', { regionId, ...q }, more);
  return {
    day,
    reportDay: c.reportDay,
    households,
    persons: (q: Q = {}) => to('/api/v1/persons', '/register/persons', { regionId, ...q }),
    round: (q: Q, more?: Partial<DrillDown>) =>
      c.roundId
        ? to(
            `/api/v1/screening/rounds/${c.roundId}/households`,
            '/screening',
            { roundId: c.roundId, regionId, ...q },
            more,
          )
        : households({}, { exact: false }),
    keyPersons: (q: Q, more?: Partial<DrillDown>) =>
      to('/api/v1/key-persons', '/key-persons', { regionId, ...q }, more),
    healthChecks: (q: Q, more?: Partial<DrillDown>) => to('/api/v1/health-checks', '/checks', { regionId, ...q }, more),
    triageTasks: (q: Q) => to('/api/v1/triage-tasks', '/triage', { regionId, ...q }),
    entries: (q: Q, more?: Partial<DrillDown>) =>
      to('/api/v1/checkpoint-entries', '/checkpoint-log', { regionId, ...day, ...q }, more),
    leads: (q: Q, more?: Partial<DrillDown>) => to('/api/v1/leads', '/leads', { regionId, ...q }, more),
    incidents: (q: Q) => to('/api/v1/key-person-incidents', '/incidents', { regionId, ...q }),
    inspections: (q: Q) => to('/api/v1/inspections', '/supervision', { regionId, ...q }),
    findings: (q: Q) => to('/api/v1/findings', '/supervision/findings', { regionId, ...q }),
    spotChecks: (q: Q) => to('/api/v1/spot-checks', '/supervision/spot-checks', { regionId, ...q }),
    spotCheckRecords: (q: Q) => to('/api/v1/spot-check-records', '/supervision/spot-checks', { regionId, ...q }),
    venues: (q: Q) => to('/api/v1/venues', '/venues', { regionId, ...q }),
    venueChecks: (q: Q) =>
      to('/api/v1/venue-checks', '/venues', { regionId, checkedFrom: day.from, checkedTo: day.to, ...q }),
    disinfections: (q: Q, more?: Partial<DrillDown>) =>
      to('/api/v1/disinfections', '/community-logs', { regionId, doneFrom: day.from, doneTo: day.to, ...q }, more),
    publicity: (q: Q, more?: Partial<DrillDown>) =>
      to('/api/v1/publicity', '/community-logs', { regionId, day: c.reportDay, ...q }, more),
    gatherings: (q: Q, more?: Partial<DrillDown>) =>
      to('/api/v1/gatherings', '/gatherings', { regionId, settledFrom: day.from, settledTo: day.to, ...q }, more),
    vaccinationPersons: (q: Q) =>
      to('/api/v1/vaccinations/persons', '/vaccinations', { regionId, day: c.reportDay, ...q }),
    supplyStores: (q: Q, more?: Partial<DrillDown>) =>
      to('/api/v1/supply-stores', '/supplies', { regionId, ...q }, more),
    sentinelSales: (q: Q) =>
      to('/api/v1/sentinel-sales', '/sentinels', { regionId, soldFrom: day.from, soldTo: day.to, ...q }),
    sentinels: (q: Q) => to('/api/v1/sentinels', '/sentinels', { regionId, ...q }),
  };
}
export type DrillLists = ReturnType<typeof drillLists>;

/** The link a figure opens in the web app. */
export const drillHref = (d: DrillDown) => `${d.web}?${new URLSearchParams(d.query).toString()}`;
