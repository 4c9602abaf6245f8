// Vaccination benchmarks (issue 23): the vaccination system's export imported with matching by ID
// number (target ≥ 10,000 rows/s at 1,000,000 dose rows), and the coverage table by region × dose ×
// age group for the whole county (target p95 ≤ 100 ms). In process, on the demo county with its
// own doses removed, so every imported row is new; then the same file again (all already recorded).
// The ceiling printed beside the import is PostgreSQL's own INSERT … SELECT of the same rows.
//   npm run bench:vaccinations -- [--persons 400000] [--rows 1000000] [--requests 50]
import { parseArgs } from 'node:util';
import { loadDemoCounty } from '../apps/server/src/demo/demo.js';
import { importDoses } from '../apps/server/src/modules/vaccinations/vaccinations.import.js';
import { vaccinationsService } from '../apps/server/src/modules/vaccinations/vaccinations.service.js';
import type { Actor } from '../apps/server/src/auth/actor.js';
import { benchDatabase } from './lib/database.js';
import { person } from '../apps/server/src/db/schema/index.js';
import { isNotNull } from 'drizzle-orm';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '400000' },
    rows: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '50' },
  },
});
const targetRows = Number(args.rows);
const requests = Number(args.requests);

const database = await benchDatabase({ name: 'vaccinations', connections: 4 });
const { pool, db, machine } = database;
console.log(`machine: ${machine}`);
const county = await loadDemoCounty(pool, { persons: Number(args.persons), reset: true });
await pool.query('TRUNCATE vaccination_dose, vaccination_follow_up');
const {
  rows: [u],
} = await pool.query<{ id: string; region_id: string; region_path: string }>(
  "SELECT id, region_id, region_path::text FROM app_user WHERE username = 'county'",
);
const actor: Actor = {
  userId: u!.id,
  username: 'county',
  displayName: 'bench',
  role: 'commander',
  regionId: u!.region_id,
  scopePath: u!.region_path,
  ip: '',
  userAgent: 'bench',
  locale: 'zh-CN',
};
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

// The export: each person with an ID number gets up to 3 doses, until the rows asked for.
const people = await db.select({ idNumber: person.idNumber }).from(person).where(isNotNull(person.idNumber));
const rows: { row: number; values: Record<string, string> }[] = [];
for (let dose = 1; dose <= 3 && rows.length < targetRows; dose++)
  for (const p of people) {
    if (rows.length >= targetRows) break;
    const day = new Date(Date.UTC(2021, 3, 1) + (dose - 1) * 60 * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      row: rows.length + 2,
      values: {
        身份证号: p.idNumber!,
        疫苗类型: '新冠病毒灭活疫苗',
        剂次: String(dose),
        接种日期: day,
        接种单位: '卫生院',
      },
    });
  }
console.log(`county ${county.persons} persons; ${rows.length} dose rows`);

const t0 = performance.now();
const first = await importDoses(db, actor, rows, today);
const importSeconds = (performance.now() - t0) / 1000;
const t1 = performance.now();
const again = await importDoses(db, actor, rows, today);
const reimportSeconds = (performance.now() - t1) / 1000;

// Ceiling: the same rows copied by PostgreSQL alone, no parsing, matching or checks.
await pool.query('CREATE TEMP TABLE IF NOT EXISTS dose_copy (LIKE vaccination_dose)');
const t2 = performance.now();
await pool.query('INSERT INTO dose_copy SELECT * FROM vaccination_dose');
const ceilingSeconds = (performance.now() - t2) / 1000;

const service = vaccinationsService(db, () => new Date());
for (let i = 0; i < 3; i++) await service.coverage(actor, {});
const times: number[] = [];
for (let i = 0; i < requests; i++) {
  const s = performance.now();
  await service.coverage(actor, {});
  times.push(performance.now() - s);
}
times.sort((a, b) => a - b);
const p95 = times[Math.min(times.length - 1, Math.floor(0.95 * times.length))]!;

const rate = rows.length / importSeconds;
console.log(`
import of ${rows.length} dose rows: ${first.created} created, ${first.errors.length} errors, ${importSeconds.toFixed(1)} s = ${Math.round(rate)} rows/s (target ≥ 10,000: ${(rate / 10_000).toFixed(2)}×); PostgreSQL's own copy of the rows: ${(rows.length / ceilingSeconds).toFixed(0)} rows/s (import at ${((rate * ceilingSeconds) / rows.length).toFixed(2)} of it)
re-import of the same file: ${again.created} created, ${again.alreadyRecorded} already recorded, ${reimportSeconds.toFixed(1)} s
coverage by region × dose × age group, county (GET /vaccinations/coverage): p95 ${p95.toFixed(1)} ms (target ≤ 100: ${(p95 / 100).toFixed(2)}×), p50 ${times[Math.floor(times.length / 2)]!.toFixed(1)} ms`);
await database.close();
