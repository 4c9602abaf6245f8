// The demo county's 社会面管控: venues of every village of the demo township under the county's orders, a few days of
// checks (a KTV found reopened and re-checked), and a few days of weddings, funerals and banquets talked out of or held.
// Phones go in clear, as the rest of the demo's people; encryptPersonalData encrypts them before the load commits.
import type pg from 'pg';
import { addDays, shanghaiInstant } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import { DEMO_TOWNSHIP_NAME } from './accounts.js';
import type { CountyPlan } from './county.js';
import { randomName, randomPhone } from './names.js';
import type { Random } from './random.js';

const VENUES = [
  ['ktv', 'KTV'],
  ['teaHouse', '茶楼'],
  ['market', '农贸市场'],
  ['elderCareHome', '敬老院'],
  ['restaurant', '农家乐'],
  ['religiousSite', '观音庙'],
] as const;
const ORDERS = [
  ['ktv', 'close'],
  ['teaHouse', 'close'],
  ['religiousSite', 'close'],
  ['elderCareHome', 'closedManagement'],
  ['market', 'noLivePoultrySlaughter'],
  ['restaurant', 'restrictHours'],
] as const;

export interface DemoMeasureCounts {
  venues: number;
  checks: number;
  gatherings: number;
}

export async function loadDemoMeasures(
  client: pg.PoolClient,
  plan: CountyPlan,
  r: Random,
  today: string,
  now: Date,
): Promise<DemoMeasureCounts> {
  const person = () => randomName(r, r.next() < 0.7 ? 'male' : 'female', 1965 + Math.floor(r.next() * 25));
  const since = addDays(today, -7);
  for (const [type, kind] of ORDERS)
    await client.query(
      'INSERT INTO venue_order (id, region_id, region_path, venue_type, kind, hours, effective_from, note) VALUES ($1, $2, $3::ltree, $4, $5, $6, $7, $8)',
      [
        uuidv7(),
        plan.county.id,
        plan.county.path,
        type,
        kind,
        kind === 'restrictHours' ? '10:00-20:00' : null,
        since,
        '县指挥部通告',
      ],
    );
  const counts = { venues: 0, checks: 0, gatherings: 0 };
  // Nothing after the demo's now: a fact of today at a later hour is moved to an hour before now.
  const at = (day: string, hhmm: string) => {
    const t = shanghaiInstant(day, hhmm);
    return t > now ? new Date(now.getTime() - 3_600_000) : t;
  };
  for (const v of plan.villages.filter((x) => x.township.name === DEMO_TOWNSHIP_NAME)) {
    for (const [i, [type, suffix]] of VENUES.entries()) {
      if (i >= 3 && r.next() < 0.5) continue;
      const id = uuidv7();
      await client.query(
        'INSERT INTO venue (id, region_id, region_path, type, name, operator, phone) VALUES ($1, $2, $3::ltree, $4, $5, $6, $7)',
        [id, v.id, v.path, type, `${v.name}${suffix}`, person(), randomPhone(r)],
      );
      counts.venues++;
      // Checked every two or three days; now and then a KTV found reopened, re-checked the next day.
      for (let d = -6; d <= 0; d += r.int(2, 3)) {
        const day = addDays(today, d);
        const reopened = type === 'ktv' && r.next() < 0.25 && d < 0;
        const check = uuidv7();
        await client.query(
          'INSERT INTO venue_check (id, venue_id, region_path, checked_at, result, action_taken) VALUES ($1, $2, $3::ltree, $4, $5, $6)',
          [
            check,
            id,
            v.path,
            at(day, '10:30'),
            reopened ? 'reopenedWithoutPermission' : 'compliant',
            reopened ? '责令立即停业，经营者签字承诺' : null,
          ],
        );
        counts.checks++;
        if (reopened) {
          await client.query(
            'INSERT INTO venue_check (id, venue_id, region_path, checked_at, result, recheck_of) VALUES ($1, $2, $3::ltree, $4, $5, $6)',
            [uuidv7(), id, v.path, at(addDays(day, 1), '09:00'), 'compliant', check],
          );
          counts.checks++;
        }
      }
    }
    // Three days of gatherings: most talked out of (劝停), some scaled down, now and then one held against the rules.
    for (let d = -2; d <= 0; d++) {
      const day = addDays(today, d);
      for (let n = r.int(0, 2); n > 0; n--) {
        const kind = r.pick(['wedding', 'wedding', 'funeral', 'banquet'] as const);
        const tables = r.int(5, 40);
        const outcome =
          r.next() < 0.7
            ? 'cancelled'
            : r.next() < 0.6
              ? 'scaledDown'
              : r.next() < 0.5
                ? 'postponed'
                : 'heldInViolation';
        const held = outcome === 'scaledDown' ? Math.min(tables, r.int(2, 5)) : null;
        await client.query(
          'INSERT INTO gathering (id, region_id, region_path, kind, host, phone, date, place, tables, persons, outcome, tables_held, persons_held, settled_at) VALUES ($1, $2, $3::ltree, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
          [
            uuidv7(),
            v.id,
            v.path,
            kind,
            person(),
            randomPhone(r),
            addDays(day, r.int(1, 5)),
            `${v.name}${r.int(1, 9)}组`,
            tables,
            tables * 10,
            outcome,
            held,
            held === null ? null : held * 10,
            at(day, `${String(r.int(9, 16)).padStart(2, '0')}:00`),
          ],
        );
        counts.gatherings++;
      }
    }
  }
  return counts;
}
