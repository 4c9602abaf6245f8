import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';

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
  counts: 'total' | 'occupants' | 'feverOccupants';
  /**
   * False when no list holds exactly the records behind the figure (it leads to the nearest list):
   * persons seen today, households covered over all rounds, overdue check slots.
   */
  exact: boolean;
}

export interface DrillContext {
  regionId: string;
  regionPath: string;
  dayStart: Date;
  cutoff: Date;
  /** The open screening round, when there is one. */
  roundId: string | null;
}

export type DrillDowns = Record<string, Record<string, DrillDown>>;

const to = (api: string, web: string, query: Record<string, string | undefined>, more: Partial<DrillDown> = {}): DrillDown => ({
  api,
  web,
  query: Object.fromEntries(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined)),
  counts: 'total',
  exact: true,
  ...more,
});

/** The open round whose region holds the report's region (the current round of the report). */
export async function openRoundFor(tx: Tx, regionPath: string): Promise<string | null> {
  const { rows } = await tx.execute<{ id: string }>(sql`
    SELECT r.id FROM screening_round r JOIN region g ON g.id = r.region_id
    WHERE r.status = 'open' AND (g.path @> ${regionPath}::ltree OR g.path <@ ${regionPath}::ltree)
    ORDER BY nlevel(g.path), r.created_at DESC LIMIT 1`);
  return rows[0]?.id ?? null;
}

/** The lists figures drill into, bound to one report's region and day. */
export function drillLists(c: DrillContext) {
  const regionId = c.regionId;
  const day = { from: c.dayStart.toISOString(), to: c.cutoff.toISOString() };
  type Q = Record<string, string | undefined>;
  const households = (q: Q = {}, more?: Partial<DrillDown>) => to('/api/v1/households', '/register', { regionId, ...q }, more);
  return {
    day,
    households,
    persons: (q: Q = {}) => to('/api/v1/persons', '/register/persons', { regionId, ...q }),
    round: (q: Q, more?: Partial<DrillDown>) =>
      c.roundId ? to(`/api/v1/screening/rounds/${c.roundId}/households`, '/screening', { roundId: c.roundId, regionId, ...q }, more) : households({}, { exact: false }),
    keyPersons: (q: Q, more?: Partial<DrillDown>) => to('/api/v1/key-persons', '/key-persons', { regionId, ...q }, more),
    healthChecks: (q: Q) => to('/api/v1/health-checks', '/checks', { regionId, ...q }),
    triageTasks: (q: Q) => to('/api/v1/triage-tasks', '/triage', { regionId, ...q }),
    entries: (q: Q, more?: Partial<DrillDown>) => to('/api/v1/checkpoint-entries', '/checkpoint-log', { regionId, ...day, ...q }, more),
    leads: (q: Q) => to('/api/v1/leads', '/leads', { regionId, ...q }),
  };
}
export type DrillLists = ReturnType<typeof drillLists>;

/** The link a figure opens in the web app. */
export const drillHref = (d: DrillDown) => `${d.web}?${new URLSearchParams(d.query).toString()}`;
