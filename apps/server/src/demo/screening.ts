// A screening round in progress for the demo county: a county-wide round opened three days ago, most
// households visited, some nobody-home revisits, a few refusals, the rest still missing, and leads
// for members back from a risk area or with a fever — so the coverage pages have gaps to name.
import { shanghaiInstant } from '@fangkong/domain';
import type pg from 'pg';
import { uuidv7 } from '../db/ids.js';
import { copyLine, copyRows } from '../db/copy.js';
import { weighted, type Random } from './random.js';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const drawOutcome = weighted([
  ['visited', 66],
  ['away', 3],
  ['nobodyHome', 7],
  ['refused', 2],
  [null, 22],
] as const);

export interface DemoScreening {
  rounds: number;
  visits: number;
  leads: number;
}

/** Loads the demo risk areas, one round and its visits inside the loading transaction. */
export async function loadDemoScreening(client: pg.PoolClient, random: Random, today: string): Promise<DemoScreening> {
  const {
    rows: [county],
  } = await client.query<{ id: string; path: string }>(
    "SELECT id, path::text FROM region WHERE level = 'county' ORDER BY code LIMIT 1",
  );
  if (!county) return { rounds: 0, visits: 0, leads: 0 };
  const riskAreaId = uuidv7();
  await client.query(
    'INSERT INTO risk_area (id, region_path, name, level, starts_on, ends_on) VALUES ($1, $2, $3, $4, $5, NULL), ($6, $2, $7, $8, $9, $10)',
    [
      riskAreaId,
      county.path,
      '某省某市某区（演示）',
      'high',
      addDays(today, -12),
      uuidv7(),
      '某省某市另一区（演示，已解除）',
      'medium',
      addDays(today, -40),
      addDays(today, -20),
    ],
  );
  const roundId = uuidv7();
  await client.query(
    'INSERT INTO screening_round (id, region_id, region_path, name, purpose, starts_on, deadline, travel_since) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
    [
      roundId,
      county.id,
      county.path,
      '第三轮: 省外返乡人员排查',
      '对全县所有住户逐户排查14天内省外旅居史',
      addDays(today, -3),
      addDays(today, 4),
      addDays(today, -14),
    ],
  );

  const { rows: households } = await client.query<{
    id: string;
    path: string;
    grid_id: string | null;
    visitor: string | null;
  }>(
    `SELECT h.id, h.region_path::text AS path, h.grid_id, (SELECT w.user_id FROM grid_worker w WHERE w.grid_id = h.grid_id ORDER BY w.user_id LIMIT 1) AS visitor
       FROM household h ORDER BY h.id`,
  );
  const { rows: persons } = await client.query<{
    id: string;
    household_id: string;
    name: string;
    id_number: string | null;
    phone: string | null;
    region_id: string;
  }>(
    'SELECT id, household_id, name, id_number, phone, region_id FROM person WHERE household_id IS NOT NULL ORDER BY household_id, id',
  );
  const members = new Map<string, typeof persons>();
  for (const p of persons)
    (members.get(p.household_id) ?? members.set(p.household_id, []).get(p.household_id)!).push(p);

  const now = shanghaiInstant(today, '18:00').getTime();
  const visits: string[] = [];
  const answers: string[] = [];
  const leads: string[] = [];
  const sources: string[] = [];
  for (const h of households) {
    let outcome = drawOutcome(random);
    if (!outcome) continue;
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000 - random.int(0, 3599) * 1000).toISOString();
    if (outcome === 'visited' && random.chance(0.1)) {
      // Found nobody home first, then came back.
      visits.push(
        copyLine([
          uuidv7(),
          roundId,
          h.id,
          h.path,
          h.grid_id,
          'nobodyHome',
          false,
          [],
          null,
          at(random.int(40, 72)),
          h.visitor,
        ]),
      );
    }
    const visitId = uuidv7();
    const home = members.get(h.id) ?? [];
    if (outcome === 'visited' && home.length === 0) outcome = 'away';
    visits.push(
      copyLine([
        visitId,
        roundId,
        h.id,
        h.path,
        h.grid_id,
        outcome,
        outcome === 'visited',
        outcome === 'visited' ? ['healthNotice'] : [],
        null,
        at(random.int(1, 39)),
        h.visitor,
      ]),
    );
    if (outcome !== 'visited' && outcome !== 'away') continue;
    for (const p of home) {
      const present = outcome === 'visited' && !random.chance(0.15);
      const risky = random.chance(0.004);
      const feverish = !risky && random.chance(0.002);
      const travel = risky
        ? JSON.stringify([{ place: '某省某市某区', from: addDays(today, -6), to: addDays(today, -4), riskAreaId }])
        : '[]';
      let leadId: string | null = null;
      if (risky || feverish) {
        leadId = uuidv7();
        leads.push(
          copyLine([
            leadId,
            p.id,
            p.name,
            p.id_number,
            p.phone,
            p.region_id,
            h.path,
            new Date(now + 2 * 3_600_000).toISOString(),
          ]),
        );
        sources.push(copyLine([uuidv7(), leadId, 'screening', visitId, risky ? ['riskArea'] : ['fever', 'symptoms']]));
      }
      answers.push(
        copyLine([
          uuidv7(),
          visitId,
          p.id,
          present,
          present ? null : '成都务工',
          travel,
          feverish ? ['发热', '咳嗽'] : [],
          feverish ? 37.9 : null,
          false,
          leadId,
          h.path,
        ]),
      );
    }
  }
  // The coverage tallies are built once from the loaded records: their statement triggers would
  // recompute every household of the round after each of the three COPYs (324 s instead of ~30 s
  // for the 1,000,000-person county). ALTER TABLE … TRIGGER is transactional, like the load.
  await setTallyTriggers(client, 'DISABLE');
  await copyRows(
    client,
    'visit',
    [
      'id',
      'round_id',
      'household_id',
      'region_path',
      'grid_id',
      'outcome',
      'pledge_signed',
      'notices',
      'note',
      'visited_at',
      'visitor_id',
    ],
    visits,
  );
  await copyRows(
    client,
    'lead',
    ['id', 'person_id', 'name', 'id_number', 'phone', 'region_id', 'region_path', 'deadline'],
    leads,
  );
  await copyRows(client, 'lead_source', ['id', 'lead_id', 'source', 'source_ref', 'reasons'], sources);
  await copyRows(
    client,
    'visit_member',
    [
      'id',
      'visit_id',
      'person_id',
      'present',
      'away_place',
      'travel',
      'symptoms',
      'temperature',
      'discovered',
      'lead_id',
      'region_path',
    ],
    answers,
  );
  await setTallyTriggers(client, 'ENABLE');
  await client.query(
    'SELECT screening_refresh(array_agg(round_id), array_agg(household_id)) FROM (SELECT DISTINCT round_id, household_id FROM visit WHERE round_id = $1) v',
    [roundId],
  );
  return { rounds: 1, visits: visits.length, leads: leads.length };
}

const TALLY_TRIGGERS = [
  ['visit', 'visit_tally_insert'],
  ['lead_source', 'lead_source_tally_insert'],
  ['visit_member', 'visit_member_tally_insert'],
] as const;

async function setTallyTriggers(client: pg.PoolClient, to: 'DISABLE' | 'ENABLE') {
  for (const [table, trigger] of TALLY_TRIGGERS) await client.query(`ALTER TABLE ${table} ${to} TRIGGER ${trigger}`);
}
