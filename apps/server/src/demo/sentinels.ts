// The demo county's 哨点药店: a pharmacy in the demo village (the `pharmacy` account's site) and a private
// clinic in the next village of the demo township, with a week of real-name sales; today the clinic's village
// buys three times its usual, which the spike alert shows. Each sale raised a lead in the buyer's village:
// today's and yesterday's are open, older ones were followed up and dismissed.
// ID numbers and phones go in clear; encryptPersonalData encrypts them before the load commits.
import type pg from 'pg';
import { addDays, shanghaiInstant } from '@fangkong/domain';
import { uuidv7 } from '../db/ids.js';
import { copyLine, copyRows } from '../db/copy.js';
import { pathUnderText } from '../auth/scope.js';
import type { RegionRow } from './county.js';
import type { Random } from './random.js';

interface Buyer {
  id: string;
  name: string;
  id_number: string;
  phone: string | null;
  region_id: string;
  region_path: string;
}

const CLASSES = [
  ['antipyretic'],
  ['antitussive'],
  ['antipyretic', 'antiviral'],
  ['antibiotic'],
  ['antitussive', 'antibiotic'],
];
const SYMPTOMS = [['fever'], ['cough'], ['fever', 'cough'], ['soreThroat'], [], ['fever', 'fatigue']];

export async function loadDemoSentinels(
  client: pg.PoolClient,
  r: Random,
  at: { village: RegionRow; next: RegionRow; accountId: string; today: string; now: Date },
): Promise<{ sites: number; sales: number }> {
  const { village, next, today, now } = at;
  const pharmacy = { id: uuidv7(), region: village, kind: 'pharmacy', name: `${village.name}惠民大药房` };
  const clinic = { id: uuidv7(), region: next, kind: 'privateClinic', name: `${next.name}个体诊所` };
  for (const [s, licence] of [
    [pharmacy, 'JY15101210001'],
    [clinic, 'PDY51012100022'],
  ] as const)
    await client.query(
      'INSERT INTO sentinel (id, region_id, region_path, kind, name, licence_no, contact) VALUES ($1, $2, $3::ltree, $4, $5, $6, $7)',
      [s.id, s.region.id, s.region.path, s.kind, s.name, licence, '负责人'],
    );
  await client.query('INSERT INTO sentinel_account (user_id, sentinel_id) VALUES ($1, $2)', [
    at.accountId,
    pharmacy.id,
  ]);
  const residents = async (path: string) =>
    (
      await client.query<Buyer>(
        // From the end of the register: the key-person demo takes the village's first ID numbers.
        `SELECT id, name, id_number, phone, region_id, region_path::text FROM person WHERE ${pathUnderText('region_path', '$1::ltree')} ORDER BY id_number DESC LIMIT 40`,
        [path],
      )
    ).rows;
  const buyers = { [village.id]: await residents(village.path), [next.id]: await residents(next.path) };
  const taken = new Set<string>();
  const pick = (regionId: string) => {
    const b = buyers[regionId]!.find((p) => !taken.has(p.id));
    if (b) taken.add(b.id);
    return b;
  };
  // Per day (−7 … today): sales at the pharmacy (its village's people) and at the clinic (the next village's).
  const plan: [number, typeof pharmacy, number][] = [];
  for (let d = -7; d <= 0; d++) {
    plan.push([d, pharmacy, d === 0 ? 2 : r.int(1, 2)]);
    plan.push([d, clinic, d === 0 ? 7 : r.int(0, 2)]);
  }
  const sales: string[] = [];
  const leads: string[] = [];
  const sources: string[] = [];
  plan.forEach(([d, site, n]) => {
    for (let k = 0; k < n; k++) {
      const buyer = pick(site.region.id);
      if (!buyer) return;
      const soldAt = new Date(
        Math.min(
          shanghaiInstant(addDays(today, d), `${String(8 + k).padStart(2, '0')}:${r.int(10, 59)}`).getTime(),
          now.getTime() - (n - k) * 600_000,
        ),
      );
      const saleId = uuidv7();
      const leadId = uuidv7();
      const drugClasses = r.pick(CLASSES);
      const symptoms = r.pick(SYMPTOMS);
      const open = d >= -1;
      sales.push(
        copyLine([
          saleId,
          site.id,
          buyer.region_id,
          buyer.region_path,
          buyer.id,
          buyer.name,
          buyer.id_number,
          buyer.phone,
          `{${drugClasses.join(',')}}`,
          `{${symptoms.join(',')}}`,
          soldAt.toISOString(),
          leadId,
          at.accountId,
        ]),
      );
      leads.push(
        copyLine([
          leadId,
          buyer.id,
          buyer.name,
          buyer.id_number,
          buyer.phone,
          buyer.region_id,
          buyer.region_path,
          open ? 'open' : 'dismissed',
          new Date(soldAt.getTime() + 24 * 3_600_000).toISOString(),
          open ? null : new Date(soldAt.getTime() + 6 * 3_600_000).toISOString(),
          open ? null : '已电话随访，核酸阴性，普通感冒',
          soldAt.toISOString(),
        ]),
      );
      const reasons = symptoms.includes('fever') ? '{fever}' : symptoms.length ? '{symptoms}' : '{other}';
      sources.push(
        copyLine([
          uuidv7(),
          leadId,
          'sentinel',
          saleId,
          reasons,
          JSON.stringify({ sentinelId: site.id, drugClasses, symptoms }),
          soldAt.toISOString(),
        ]),
      );
    }
  });
  await copyRows(
    client,
    'lead',
    [
      'id',
      'person_id',
      'name',
      'id_number',
      'phone',
      'region_id',
      'region_path',
      'status',
      'deadline',
      'resolved_at',
      'resolution',
      'created_at',
    ],
    leads,
  );
  await copyRows(
    client,
    'lead_source',
    ['id', 'lead_id', 'source', 'source_ref', 'reasons', 'detail', 'created_at'],
    sources,
  );
  await copyRows(
    client,
    'sentinel_sale',
    [
      'id',
      'sentinel_id',
      'region_id',
      'region_path',
      'person_id',
      'name',
      'id_number',
      'phone',
      'drug_classes',
      'symptoms',
      'sold_at',
      'lead_id',
      'recorded_by',
    ],
    sales,
  );
  // 预检分诊 at the clinic: yesterday's patient referred to the fever clinic and closed, today's waiting for triage.
  for (const [d, temperature, symptoms, done] of [
    [-1, 38.6, ['cough', 'fatigue'], true],
    [0, 37.9, ['soreThroat'], false],
  ] as const) {
    const patient = pick(next.id);
    if (!patient) break;
    const arrivedAt = new Date(
      Math.min(shanghaiInstant(addDays(today, d), '09:20').getTime(), now.getTime() - 1_800_000),
    );
    const id = uuidv7();
    await client.query(
      `INSERT INTO walk_in (id, sentinel_id, region_id, region_path, person_id, name, id_number, phone, temperature, symptoms, arrived_at, referred_to, transferred_at)
       VALUES ($1, $2, $3, $4::ltree, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        id,
        clinic.id,
        next.id,
        next.path,
        patient.id,
        patient.name,
        patient.id_number,
        patient.phone,
        temperature,
        symptoms,
        arrivedAt,
        done ? '县人民医院发热门诊' : null,
        done ? new Date(arrivedAt.getTime() + 3_600_000) : null,
      ],
    );
    await client.query(
      `INSERT INTO triage_task (id, walk_in_id, region_path, temperature, symptoms, status, deadline, acknowledged_at, outcome, created_at)
       VALUES ($1, $2, $3::ltree, $4, $5, $6, $7, $8, $9, $10)`,
      [
        uuidv7(),
        id,
        next.path,
        temperature,
        symptoms,
        done ? 'closed' : 'open',
        new Date(arrivedAt.getTime() + 2 * 3_600_000),
        done ? new Date(arrivedAt.getTime() + 1_200_000) : null,
        done ? '已由救护车转运至县人民医院发热门诊，核酸阴性，居家观察' : null,
        arrivedAt,
      ],
    );
  }
  return { sites: 2, sales: sales.length };
}
