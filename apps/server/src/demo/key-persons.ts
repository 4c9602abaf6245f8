// Demo key persons for the demo county: every category and measure, full and incomplete teams,
// twice-daily checks up to now (one slot overdue and escalated, one fever in triage), files ending
// today and released ones, and open leads with deadlines (one overdue, one with two sources).
import type pg from 'pg';
import {
  KEY_PERSON_CATEGORIES,
  MEASURES,
  addDays,
  plannedEndOf,
  slotState,
  slotsOfMeasure,
  DEFAULT_SLOT_WINDOWS,
} from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import { copyLine, copyRows } from '../db/copy.js';
import type { UserRow } from './grids.js';
import { pathUnderText } from '../auth/scope.js';

interface PersonRow {
  id: string;
  name: string;
  id_number: string;
  phone: string | null;
  region_id: string;
  region_path: string;
}

export interface KeyPersonDemoCounts {
  keyPersons: number;
  checks: number;
  leads: number;
}

/** Loads the demo key persons inside the demo's transaction; `now` is the moment the checks run up to. */
export async function loadKeyPersonDemo(
  client: pg.PoolClient,
  opts: { users: UserRow[]; villagePath: string; townshipPath: string; now: Date; today: string },
): Promise<KeyPersonDemoCounts> {
  const { now, today } = opts;
  const user = (username: string) => opts.users.find((u) => u.username === username)!;
  // The demo village first (its officers' worklists), then the rest of the county; stable order by ID number.
  const { rows: local } = await client.query<PersonRow>(
    `SELECT id, name, id_number, phone, region_id, region_path::text FROM person WHERE ${pathUnderText('region_path', '$1::ltree')} ORDER BY id_number LIMIT 24`,
    [opts.villagePath],
  );
  const { rows: others } = await client.query<PersonRow>(
    `SELECT id, name, id_number, phone, region_id, region_path::text FROM person WHERE NOT ${pathUnderText('region_path', '$1::ltree')} ORDER BY md5(id_number) LIMIT 60`,
    [opts.villagePath],
  );
  if (local.length < 20) return { keyPersons: 0, checks: 0, leads: 0 };
  const files = [...local.slice(0, 14), ...others];
  const central: { id: string; regionPath: string }[] = [];
  const kpLines: string[] = [];
  const officerLines: string[] = [];
  const checkLines: string[] = [];
  const alertLines: string[] = [];
  const triageLines: string[] = [];
  const eventLines: string[] = [];
  files.forEach((p, i) => {
    const id = uuidv7();
    const category = KEY_PERSON_CATEGORIES[i % KEY_PERSON_CATEGORIES.length]!;
    const measure = MEASURES[i % MEASURES.length]!;
    const released = i % 9 === 8;
    // Day 1 to day 14 in turn, so some files end today; released files ended last week.
    const start = released ? addDays(today, -20) : i === 0 ? addDays(today, -13) : addDays(today, -(i % 14));
    const end = plannedEndOf(start, 14);
    const status = released ? 'released' : i % 17 === 16 ? 'lostToFollowUp' : 'active';
    kpLines.push(
      copyLine([
        id,
        p.id,
        p.region_id,
        p.region_path,
        category,
        i % 3 === 0 ? 'assistRequest' : 'screening',
        measure,
        start,
        end,
        status,
        released ? '期满解除' : status === 'lostToFollowUp' ? '电话无人接听，未找到本人' : null,
      ]),
    );
    eventLines.push(copyLine([uuidv7(), id, 'created', null, `${measure} ${start}..${end}`, null, '系统']));
    if (i < 14) {
      const team: [string, string, string | null][] = [
        ['villageCadre', user('village').displayName, user('village').id],
        ['doctor', user('doctor').displayName, user('doctor').id],
        ['gridWorker', user('grid').displayName, user('grid').id],
      ];
      if (i % 2 === 0) team.push(['leader', '镇联系领导', null], ['police', '派出所民警', null]);
      for (const [role, name, userId] of i === 3 ? team.slice(0, 2) : team)
        officerLines.push(copyLine([uuidv7(), id, p.region_path, role, name, userId]));
    }
    if (status === 'active' && measure === 'centralIsolation') central.push({ id, regionPath: p.region_path });
    if (status !== 'active' && !released) return;
    // Recorded: every slot whose window has closed, and the open one for half of the files (the rest are due now).
    const recordable = slotsOfMeasure(start, end).filter(({ day, slot }) => {
      const state = slotState(day, slot, now, DEFAULT_SLOT_WINDOWS);
      return state === 'closed' || (state === 'open' && (i % 2 === 1 || i === 2));
    });
    // The missed slot is the last closed one: a slot still in its window is due, not overdue.
    const missed = recordable.findLastIndex(
      ({ day, slot }) => slotState(day, slot, now, DEFAULT_SLOT_WINDOWS) === 'closed',
    );
    recordable.forEach(({ day, slot }, n) => {
      if (i === 1 && n === missed) {
        // Missed, and escalated to the township.
        alertLines.push(
          copyLine([
            uuidv7(),
            id,
            p.region_path,
            day,
            slot,
            'township',
            new Date(now.getTime() - 3 * 3_600_000).toISOString(),
          ]),
        );
        return;
      }
      const checkId = uuidv7();
      const fever = i === 2 && n === recordable.length - 1;
      const temperature = fever ? '38.2' : (36.2 + ((i * 7 + n) % 9) / 10).toFixed(1);
      checkLines.push(
        copyLine([
          checkId,
          id,
          p.region_path,
          day,
          slot,
          temperature,
          i % 4 === 0 ? 'self' : i % 2 ? 'gridWorker' : 'doctor',
          now.toISOString(),
        ]),
      );
      if (fever)
        triageLines.push(
          copyLine([
            uuidv7(),
            id,
            checkId,
            p.region_path,
            temperature,
            new Date(now.getTime() + 3_600_000).toISOString(),
          ]),
        );
    });
  });
  await copyRows(
    client,
    'key_person',
    [
      'id',
      'person_id',
      'region_id',
      'region_path',
      'category',
      'source',
      'measure',
      'start_date',
      'planned_end_date',
      'status',
      'status_reason',
    ],
    kpLines,
  );
  await copyRows(
    client,
    'key_person_event',
    ['id', 'key_person_id', 'kind', 'from_value', 'to_value', 'reason', 'actor_name'],
    eventLines,
  );
  await copyRows(
    client,
    'responsible_officer',
    ['id', 'key_person_id', 'region_path', 'role', 'name', 'user_id'],
    officerLines,
  );
  await copyRows(
    client,
    'health_check',
    ['id', 'key_person_id', 'region_path', 'day', 'slot', 'temperature', 'measured_by', 'recorded_at'],
    checkLines,
  );
  await copyRows(
    client,
    'check_alert',
    ['id', 'key_person_id', 'region_path', 'day', 'slot', 'level', 'overdue_at'],
    alertLines,
  );
  await copyRows(
    client,
    'triage_task',
    ['id', 'key_person_id', 'health_check_id', 'region_path', 'temperature', 'deadline'],
    triageLines,
  );

  // An observation site of the demo township, in use by the files under central isolation: past
  // 90% (the board warns), with one bed left for the person a checkpoint holds.
  const {
    rows: [township],
  } = await client.query<{ id: string }>('SELECT id FROM region WHERE path = $1::ltree', [opts.townshipPath]);
  const siteId = uuidv7();
  await copyRows(
    client,
    'observation_site',
    ['id', 'region_id', 'region_path', 'name', 'address'],
    [copyLine([siteId, township!.id, opts.townshipPath, '淮口街道集中隔离医学观察点', '淮口街道健康驿站'])],
  );
  const beds = ['101', '102', '201', '202', '301'].flatMap((room) =>
    [1, 2, 3].map((n) => ({ id: uuidv7(), room, bed: String(n) })),
  );
  await copyRows(
    client,
    'observation_bed',
    ['id', 'site_id', 'room', 'bed'],
    beds.map((b) => copyLine([b.id, siteId, b.room, b.bed])),
  );
  await copyRows(
    client,
    'placement',
    ['id', 'site_id', 'bed_id', 'key_person_id', 'region_path', 'started_at'],
    central
      .slice(0, beds.length - 1)
      .map((c, n) => copyLine([uuidv7(), siteId, beds[n]!.id, c.id, c.regionPath, now.toISOString()])),
  );

  // Leads: names on an upstream list and from screening, waiting for the village to verify.
  const leadLines: string[] = [];
  const sourceLines: string[] = [];
  // Two imported lists (协查名单): the health commission's of six names, the police's of one.
  const healthList = uuidv7();
  const policeList = uuidv7();
  local.slice(14, 20).forEach((p, i) => {
    const id = uuidv7();
    const deadline = new Date(now.getTime() + (i === 0 ? -30 : 20 + i * 25) * 60_000);
    leadLines.push(
      copyLine([id, p.id, p.name, p.id_number, p.phone, p.region_id, p.region_path, deadline.toISOString()]),
    );
    sourceLines.push(
      copyLine([
        uuidv7(),
        id,
        'assistRequest',
        healthList,
        '{listed}',
        JSON.stringify({ issuer: '县卫健局', batch: `${today}-01`, row: i + 2, matched: 'idNumber' }),
      ]),
    );
    if (i === 1)
      sourceLines.push(
        copyLine([
          uuidv7(),
          id,
          'assistRequest',
          policeList,
          '{listed}',
          JSON.stringify({ issuer: '县公安局', batch: `${today}-02`, row: 2, matched: 'idNumber' }),
        ]),
      );
    if (i === 2)
      sourceLines.push(copyLine([uuidv7(), id, 'tip', null, '{riskArea}', JSON.stringify({ from: '群众举报' })]));
  });
  await copyRows(
    client,
    'lead',
    ['id', 'person_id', 'name', 'id_number', 'phone', 'region_id', 'region_path', 'deadline'],
    leadLines,
  );
  await copyRows(client, 'lead_source', ['id', 'lead_id', 'source', 'source_ref', 'reasons', 'detail'], sourceLines);
  return { keyPersons: kpLines.length, checks: checkLines.length, leads: leadLines.length };
}
