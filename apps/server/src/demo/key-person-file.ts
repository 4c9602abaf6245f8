// The demo's key-person files in the demo village get their trajectory, close contacts (household
// members, a co-traveller who is also a key person, a colleague), services and notices.
import type pg from 'pg';
import { addDays, shanghaiInstant } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import { pathUnderText } from '../auth/scope.js';

interface FileRow {
  id: string;
  person_id: string;
  household_id: string | null;
  region_id: string;
  region_path: string;
  start_date: string;
}

const JOURNEYS = [
  [
    ['武汉市江汉区汉口火车站', 'train', 'G1234 05车12F'],
    ['成都东站', 'train', 'G1234'],
    ['金堂县汽车站', 'bus', '成都—金堂'],
  ],
  [
    ['广州市白云区白云国际机场', 'plane', 'CA4306'],
    ['成都双流国际机场', 'plane', 'CA4306 32C'],
    ['金堂县淮口街道', 'car', '川A·D1234'],
  ],
  [
    ['重庆市渝中区解放碑', 'walk', null],
    ['重庆北站', 'train', 'D5118'],
    ['金堂县淮口街道', 'bus', null],
  ],
] as const;

export async function loadKeyPersonFileDemo(
  client: pg.PoolClient,
  opts: { villagePath: string; today: string; doctor: string; gridWorker: string; cadre: string },
) {
  const { rows: files } = await client.query<FileRow>(
    `SELECT k.id, k.person_id, p.household_id, k.region_id, k.region_path::text, k.start_date::text
       FROM key_person k JOIN person p ON p.id = k.person_id
      WHERE ${pathUnderText('k.region_path', '$1::ltree')} AND k.status = 'active' ORDER BY k.start_date, k.id LIMIT 4`,
    [opts.villagePath],
  );
  if (files.length < 2) return;
  const past = (d: string) => (d > opts.today ? opts.today : d);
  const link = (a: string, b: string, relation: string, day: string, regionPath: string) =>
    client.query(
      `INSERT INTO contact_link (id, person_id, contact_person_id, region_path, relation, last_contact_date) VALUES ($1, $2, $3, $4::ltree, $5, $6) ON CONFLICT DO NOTHING`,
      [uuidv7(), a, b, regionPath, relation, day],
    );
  for (const [i, f] of files.entries()) {
    const journey = JOURNEYS[i % JOURNEYS.length]!;
    for (const [n, [place, transport, detail]] of journey.entries()) {
      const day = past(addDays(f.start_date, n - journey.length));
      await client.query(
        `INSERT INTO trajectory_stop (id, key_person_id, region_path, place, start_date, end_date, transport, transport_detail) VALUES ($1, $2, $3::ltree, $4, $5, $5, $6, $7)`,
        [uuidv7(), f.id, f.region_path, place, day, transport, detail],
      );
    }
    // Household members are contacts of each file; the first two files travelled together.
    if (f.household_id) {
      const { rows: members } = await client.query<{ id: string }>(
        'SELECT id FROM person WHERE household_id = $1 AND id <> $2 ORDER BY id LIMIT 3',
        [f.household_id, f.person_id],
      );
      for (const m of members) await link(f.person_id, m.id, 'household', past(f.start_date), f.region_path);
    }
    await client.query(
      `INSERT INTO key_person_notice (id, key_person_id, region_path, kind, date, handed_by, outcome, note) VALUES ($1, $2, $3::ltree, 'homeIsolationNotice', $4, $5, $6, $7)`,
      [
        uuidv7(),
        f.id,
        f.region_path,
        past(f.start_date),
        opts.cadre,
        i === 2 ? 'refused' : 'signed',
        i === 2 ? '本人拒绝签字，已录像留存' : null,
      ],
    );
    if (i === 2) {
      // 不配合: left home on the day after the notice, handed to the police station, back home.
      const day = [addDays(f.start_date, 1), addDays(opts.today, -1)].sort()[0]!;
      await client.query(
        `INSERT INTO key_person_incident (id, key_person_id, region_path, kind, occurred_at, witnessed_by, note, notice_handed_at, police_station, police_ref, handed_over_at, outcome) VALUES ($1, $2, $3::ltree, 'leftHome', $4, $5, '擅自外出赶集', $6, '淮口派出所', '淮公（2024）第017号', $7, '民警批评教育后返家，继续居家隔离')`,
        [
          uuidv7(),
          f.id,
          f.region_path,
          shanghaiInstant(day, '09:30'),
          opts.gridWorker,
          shanghaiInstant(day, '10:00'),
          shanghaiInstant(day, '11:00'),
        ],
      );
      await client.query(
        `INSERT INTO key_person_notice (id, key_person_id, region_path, kind, date, handed_by, outcome) VALUES ($1, $2, $3::ltree, 'refusalPenaltyNotice', $4, '派出所民警', 'signed')`,
        [uuidv7(), f.id, f.region_path, past(addDays(f.start_date, 1))],
      );
    }
    const services: [string, string, string, string | null][] = [
      ['groceries', past(addDays(f.start_date, 1)), opts.gridWorker, '米、油、蔬菜'],
      ['medical', past(addDays(f.start_date, 2)), opts.doctor, '送降压药'],
    ];
    if (i === 0)
      services.push(['counselling', past(addDays(f.start_date, 3)), opts.doctor, '隔离期间情绪低落，电话疏导']);
    for (const [kind, day, by, note] of services) {
      await client.query(
        `INSERT INTO key_person_service (id, key_person_id, region_path, kind, date, delivered_by, note) VALUES ($1, $2, $3::ltree, $4, $5, $6, $7)`,
        [uuidv7(), f.id, f.region_path, kind, day, by, note],
      );
    }
  }
  const [a, b] = files as [FileRow, FileRow];
  await link(a.person_id, b.person_id, 'coTraveller', past(a.start_date), a.region_path);
  // A colleague from another household of the village: a second hop from the co-traveller's file.
  const {
    rows: [colleague],
  } = await client.query<{ id: string }>(
    `SELECT id FROM person WHERE ${pathUnderText('region_path', '$1::ltree')} AND household_id IS DISTINCT FROM $2 AND NOT id = ANY($3) ORDER BY id DESC LIMIT 1`,
    [opts.villagePath, a.household_id, files.map((f) => f.person_id)],
  );
  if (colleague) await link(a.person_id, colleague.id, 'colleague', past(addDays(a.start_date, -2)), a.region_path);
}
