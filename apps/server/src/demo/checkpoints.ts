// Demo checkpoints: two road posts per township and one village post, a roster for the week
// around today (with a few gaps) beside the offices' 领导带班, and entries for the last days (residents from the register and
// outsiders), loaded with multi-row COPY inside the demo county's transaction.
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { isFever, makeIdNumber, PLATE_PROVINCES } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import type { Tx } from '../db/client.js';
import * as schema from '../db/schema/index.js';
import { raiseLead } from '../modules/leads/leads.service.js';
import { DEMO_TOWNSHIP_NAME } from './accounts.js';
import { copyLine, copyRows } from '../db/copy.js';
import type { CountyPlan, RegionRow } from './county.js';
import type { Random } from './random.js';

const POSTS = [
  ['收费站出口', 'highwayExit'],
  ['国道路口', 'roadJunction'],
  ['客运站', 'busStation'],
] as const;
const ROLES = ['leader', 'cadre', 'policeOfficer', 'medicalStaff', 'villageCadre', 'volunteer'] as const;
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '涛',
  '明',
  '超',
  '秀英',
  '建华',
  '志强',
];
const OUTSIDE_ORIGINS = [
  ['重庆市', '500101'],
  ['西安市', '610102'],
  ['昆明市', '530102'],
  ['贵阳市', '520102'],
  ['广州市', '440103'],
  ['武汉市', '420106'],
] as const;
const LOCAL_ORIGINS = ['成都市', '金堂县', '德阳市', '简阳市'];
const ENTRIES_PER_DAY = [6, 14] as const;

interface Resident {
  id: string;
  id_number: string;
  name: string;
  phone: string | null;
  region_id: string;
  region_path: string;
}

export interface DemoCheckpointCounts {
  checkpoints: number;
  entries: number;
}

/** Loads checkpoints, their roster and `days` days of entries ending now; returns the counts. */
export async function loadDemoCheckpoints(
  client: pg.PoolClient,
  plan: CountyPlan,
  r: Random,
  today: string,
  days = 4,
): Promise<DemoCheckpointCounts> {
  const posts: { id: string; at: RegionRow; name: string }[] = [];
  const lines: string[] = [];
  for (const t of plan.townships) {
    for (const [i, [suffix, kind]] of POSTS.slice(0, 2).entries()) {
      const id = uuidv7();
      const name = `${t.name.replace(/(街道|镇)$/, '')}${suffix}`;
      posts.push({ id, at: t, name });
      lines.push(
        copyLine([
          id,
          t.id,
          t.path,
          name,
          kind,
          `${t.name}${i + 1}号路口`,
          'open',
          i === 0 ? ['tent', 'thermometer', 'observationRoom'] : ['tent', 'thermometer'],
        ]),
      );
    }
  }
  const village = plan.villages[0]!;
  const vid = uuidv7();
  posts.push({ id: vid, at: village, name: `${village.name}村口` });
  lines.push(
    copyLine([
      vid,
      village.id,
      village.path,
      `${village.name}村口`,
      'roadJunction',
      `${village.name}主路口`,
      'open',
      ['tent', 'thermometer'],
    ]),
  );
  await copyRows(
    client,
    'checkpoint',
    ['id', 'region_id', 'region_path', 'name', 'kind', 'location', 'status', 'facilities'],
    lines,
  );

  const person = () => `${r.pick([...SURNAMES])}${r.pick(GIVEN)}`;
  const shifts: string[] = [];
  const todayMs = Date.parse(today);
  for (const [p, post] of posts.entries()) {
    for (let d = -days + 1; d <= 3; d++) {
      if (p % 4 === 3 && d === 2) continue; // a visible gap for the township to fill
      const day = new Date(todayMs + d * 86_400_000).toISOString().slice(0, 10);
      const members = ROLES.map((role) => ({ name: person(), role, phone: null }));
      if (p % 5 === 4 && d === 1) members.shift(); // a shift without its leader
      shifts.push(copyLine([uuidv7(), post.id, post.at.path, day, JSON.stringify(members)]));
    }
  }
  await copyRows(client, 'duty_shift', ['id', 'checkpoint_id', 'region_path', 'day', 'members'], shifts);

  // 领导带班 at the county's and each township's office: a leader and two staff a day, the last
  // township's leader missing the day after tomorrow.
  const officeShifts: string[] = [];
  for (const [o, office] of [plan.county, ...plan.townships].entries()) {
    for (let d = -days + 1; d <= 3; d++) {
      const day = new Date(todayMs + d * 86_400_000).toISOString().slice(0, 10);
      const members = (['leader', 'cadre', 'cadre'] as const).map((role) => ({ name: person(), role, phone: null }));
      if (o === plan.townships.length && d === 2) members.shift();
      officeShifts.push(copyLine([uuidv7(), office.id, office.path, day, JSON.stringify(members)]));
    }
  }
  await copyRows(client, 'duty_shift', ['id', 'office_region_id', 'region_path', 'day', 'members'], officeShifts);

  const { rows: residents } = await client.query<Resident>(
    'SELECT id, id_number, name, phone, region_id, region_path::text FROM person WHERE id_number IS NOT NULL ORDER BY md5(id_number) LIMIT 3000',
  );
  const entries: string[] = [];
  const occupants: string[] = [];
  const stats = new Map<string, number[]>();
  const fevers: {
    resident?: Resident;
    name: string;
    idNumber: string;
    post: (typeof posts)[number];
    entryId: string;
    temperature: number;
    at: Date;
  }[] = [];
  const now = Date.now();
  const heldAt = posts.find((p) => p.at.name === DEMO_TOWNSHIP_NAME) ?? posts[0];
  const province = PLATE_PROVINCES.map((x) => x.abbreviation);
  for (const post of posts) {
    for (let d = 0; d < days; d++) {
      const n = r.int(...ENTRIES_PER_DAY);
      for (let k = 0; k < n; k++) {
        const at = new Date(now - d * 86_400_000 - r.int(0, 86_399) * 1000);
        const id = uuidv7();
        const local = residents.length > 0 && r.chance(0.7);
        const kind = r.chance(0.9) ? 'vehicle' : 'pedestrian';
        const size = kind === 'pedestrian' ? 1 : r.int(1, 4);
        const outside = r.pick(OUTSIDE_ORIGINS);
        const plate =
          kind === 'vehicle'
            ? `${local ? '川A' : `${r.pick(province)}${r.pick([...'ABCDEFG'])}`}${String(r.int(10000, 99999))}`
            : null;
        // The first car of today at the demo township's first post is held for a bed, so the demo has one to place.
        const held = post === heldAt && d === 0 && k === 0;
        const decision = held ? 'hold' : r.chance(0.04) ? 'turnBack' : r.chance(0.01) ? 'hold' : 'pass';
        const origin = local ? r.pick(LOCAL_ORIGINS) : outside[0];
        let localPersons = 0;
        let feverCount = 0;
        for (let i = 0; i < size; i++) {
          const res = local ? r.pick(residents) : undefined;
          const idNumber =
            res?.id_number ??
            makeIdNumber({
              regionCode: outside[1],
              birthDate: `${r.int(1950, 2005)}-0${r.int(1, 9)}-1${r.int(0, 9)}`,
              sequence: r.int(0, 999),
              sex: r.chance(0.5) ? 'male' : 'female',
            });
          const name = res?.name ?? person();
          const temperature = r.chance(0.01) ? 37.3 + r.int(0, 15) / 10 : 36 + r.int(0, 9) / 10;
          const fever = isFever(temperature);
          if (fever) {
            feverCount++;
            fevers.push({ resident: res, name, idNumber, post, entryId: id, temperature, at });
          }
          if (res) localPersons++;
          const sexDigit = Number(idNumber[16]);
          occupants.push(
            copyLine([
              uuidv7(),
              id,
              i,
              post.at.path,
              res?.id ?? null,
              name,
              idNumber,
              sexDigit % 2 ? 'male' : 'female',
              `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`,
              res?.phone ?? null,
              temperature.toFixed(1),
              'green',
              fever,
              false,
            ]),
          );
        }
        entries.push(
          copyLine([
            id,
            post.id,
            post.at.path,
            kind,
            plate,
            kind === 'vehicle' ? 'car' : null,
            r.chance(0.6) ? 'in' : 'out',
            origin,
            '',
            '',
            decision,
            decision === 'hold' ? (k % 2 ? 'handover' : 'placement') : null,
            at.toISOString(),
            local,
            size,
          ]),
        );
        const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000).toISOString();
        const key = `${post.id}|${post.at.path}|${hour}`;
        const s = stats.get(key) ?? [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        const add = [
          kind === 'vehicle' ? 1 : 0,
          kind === 'pedestrian' ? 1 : 0,
          size,
          decision === 'turnBack' ? 1 : 0,
          decision === 'turnBack' ? size : 0,
          decision === 'hold' ? 1 : 0,
          feverCount,
          0,
          localPersons,
          kind === 'vehicle' && local ? 1 : 0,
        ];
        stats.set(
          key,
          s.map((x, i) => x + add[i]!),
        );
      }
    }
  }
  await copyRows(
    client,
    'checkpoint_entry',
    [
      'id',
      'checkpoint_id',
      'region_path',
      'kind',
      'plate',
      'vehicle_type',
      'direction',
      'origin',
      'destination',
      'reason',
      'decision',
      'hold_outcome',
      'recorded_at',
      'local',
      'persons',
    ],
    entries,
  );
  await copyRows(
    client,
    'checkpoint_occupant',
    [
      'id',
      'entry_id',
      'position',
      'region_path',
      'person_id',
      'name',
      'id_number',
      'sex',
      'birth_date',
      'phone',
      'temperature',
      'health_code',
      'fever',
      'risk_area',
    ],
    occupants,
  );
  await copyRows(
    client,
    'checkpoint_stat',
    [
      'checkpoint_id',
      'region_path',
      'hour',
      'vehicles',
      'pedestrians',
      'persons',
      'turned_back',
      'turned_back_persons',
      'held',
      'fevers',
      'risk_area',
      'local_persons',
      'local_vehicles',
    ],
    [...stats].map(([key, v]) => copyLine([...key.split('|'), ...v])),
  );
  await client.query(`INSERT INTO checkpoint_stat_day (checkpoint_id, region_path, day, vehicles, pedestrians, persons, turned_back, turned_back_persons, held, fevers, risk_area, local_persons, local_vehicles)
    SELECT checkpoint_id, region_path, (hour AT TIME ZONE 'Asia/Shanghai')::date, sum(vehicles), sum(pedestrians), sum(persons), sum(turned_back), sum(turned_back_persons), sum(held), sum(fevers), sum(risk_area), sum(local_persons), sum(local_vehicles)
      FROM checkpoint_stat GROUP BY 1, 2, 3`);
  // The few fevers become leads exactly as a live registration would raise them.
  // The loading transaction's own connection; raiseLead only runs statements on it.
  const tx = drizzle(client, { schema }) as unknown as Tx;
  for (const f of fevers) {
    const { leadId } = await raiseLead(tx, {
      personId: f.resident?.id ?? null,
      name: f.name,
      idNumber: f.idNumber,
      phone: f.resident?.phone ?? null,
      regionId: f.resident?.region_id ?? f.post.at.id,
      regionPath: f.resident?.region_path ?? f.post.at.path,
      source: 'checkpoint',
      sourceRef: f.entryId,
      reasons: ['fever'],
      detail: { checkpoint: f.post.name, temperature: f.temperature },
      now: f.at,
    });
    await client.query('UPDATE checkpoint_occupant SET lead_id = $1 WHERE entry_id = $2 AND id_number = $3', [
      leadId,
      f.entryId,
      f.idNumber,
    ]);
  }
  return { checkpoints: posts.length, entries: entries.length };
}
