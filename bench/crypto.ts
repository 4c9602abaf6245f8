// What encrypting ID numbers and phones at rest costs (security/personal-data-crypto.ts), measured
// in one run against the same work without it where that still exists:
//  - each primitive (encrypt, decrypt, blind index, tail index), per value;
//  - the ID look-up and the tail search: the blind / tail index against a clear copy of the same
//    ID numbers with the indexes the register had before (btree, reverse() text_pattern_ops);
//  - the checkpoint entry write and the ledger import: their time per entry / row, and the share of
//    it spent in the crypto (the same calls timed alone), i.e. the ratio to the time without it.
//   npm run bench:crypto -- [--persons 20000] [--lookups 2000] [--entries 500] [--rows 5000]
import { parseArgs } from 'node:util';
import { v7 as uuidv7 } from 'uuid';
import { makeIdNumber } from '@fangkong/domain';
import { loadDemoCounty } from '../apps/server/src/demo/demo.js';
import { systemActor } from '../apps/server/src/auth/actor.js';
import { checkpointEntriesService } from '../apps/server/src/modules/checkpoint-entries/checkpoint-entries.service.js';
import { createEntryBody } from '../apps/server/src/modules/checkpoint-entries/checkpoint-entries.schemas.js';
import { writeLedgerRows, type LedgerRow } from '../apps/server/src/modules/persons/ledger-write.js';
import {
  blindIndexes,
  decrypt,
  encrypt,
  encryptOrNull,
  tailIndexes,
} from '../apps/server/src/security/personal-data-crypto.js';
import { copyLine, copyRows } from '../apps/server/src/db/copy.js';
import { benchDatabase } from './lib/database.js';

const { values: args } = parseArgs({
  options: {
    persons: { type: 'string', default: '20000' },
    lookups: { type: 'string', default: '2000' },
    entries: { type: 'string', default: '500' },
    rows: { type: 'string', default: '5000' },
  },
});
const lookups = Number(args.lookups);

const database = await benchDatabase({ name: 'crypto', connections: 4 });
const { pool, db, machine } = database;
console.log(`machine: ${machine}`);
await loadDemoCounty(pool, { persons: Number(args.persons), reset: true });

const ms = (t0: number) => performance.now() - t0;
const fmt = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(0));
function time(n: number, f: (i: number) => void) {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) f(i);
  return (ms(t0) * 1000) / n; // µs each
}

// 1. The primitives.
const ID = makeIdNumber({ regionCode: '510121', birthDate: '1985-03-04', sequence: 123, sex: 'male' });
const stored = encrypt('idNumber', ID);
time(20_000, () => encrypt('idNumber', ID)); // warm-up
const prim = {
  encrypt: time(50_000, () => encrypt('idNumber', ID)),
  decrypt: time(50_000, () => decrypt('idNumber', stored)),
  blindIndex: time(50_000, () => blindIndexes('idNumber', ID)),
  tailIndex: time(50_000, () => tailIndexes('1234')),
};
console.log(
  `primitives (µs per value): ${Object.entries(prim)
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ')}`,
);

// 2. Look-ups: the encrypted register against a clear copy indexed as before.
const { rows: people } = await pool.query<{ id: string; id_number: string }>(
  'SELECT id, id_number FROM person WHERE id_number IS NOT NULL',
);
const clear = people.map((p) => ({ id: p.id, idNumber: decrypt('idNumber', p.id_number) }));
await pool.query(
  'DROP TABLE IF EXISTS bench_clear_person; CREATE UNLOGGED TABLE bench_clear_person (id uuid, id_number varchar(18))',
);
const client = await pool.connect();
await copyRows(
  client,
  'bench_clear_person',
  ['id', 'id_number'],
  clear.map((p) => copyLine([p.id, p.idNumber])),
);
client.release();
await pool.query(
  'CREATE UNIQUE INDEX ON bench_clear_person (id_number); CREATE INDEX ON bench_clear_person (reverse(id_number) text_pattern_ops); ANALYZE bench_clear_person, person',
);
const sample = Array.from({ length: lookups }, (_, i) => clear[(i * 7919) % clear.length]!.idNumber);
async function perLookup(f: (id: string) => Promise<unknown>) {
  for (const id of sample.slice(0, 200)) await f(id); // warm-up
  const t0 = performance.now();
  for (const id of sample) await f(id);
  return (ms(t0) * 1000) / sample.length;
}
const exactBefore = await perLookup((id) => pool.query('SELECT id FROM bench_clear_person WHERE id_number = $1', [id]));
const exactAfter = await perLookup((id) =>
  pool.query('SELECT id FROM person WHERE id_number_bidx = ANY($1::text[])', [blindIndexes('idNumber', id)]),
);
const tailBefore = await perLookup((id) =>
  pool.query('SELECT id FROM bench_clear_person WHERE reverse(id_number) LIKE $1 LIMIT 20', [
    `${[...id.slice(-4)].reverse().join('')}%`,
  ]),
);
const tailAfter = await perLookup((id) =>
  pool.query('SELECT id FROM person WHERE id_number_t4 = ANY($1::text[]) LIMIT 20', [tailIndexes(id.slice(-4))]),
);
console.log(
  `ID look-up (µs, ${people.length} persons, one connection): exact ${fmt(exactBefore)} → ${fmt(exactAfter)} (×${(exactAfter / exactBefore).toFixed(2)}); last 4 digits ${fmt(tailBefore)} → ${fmt(tailAfter)} (×${(tailAfter / tailBefore).toFixed(2)})`,
);
await pool.query('DROP TABLE bench_clear_person');

// 3. The checkpoint entry write (the service, as the API calls it): two outside occupants and one resident.
const {
  rows: [cp],
} = await pool.query<{ id: string; region_path: string }>(
  "INSERT INTO checkpoint (id, region_id, region_path, name, kind) SELECT gen_random_uuid(), id, path, '压测卡口', 'roadJunction' FROM region WHERE level = 'township' ORDER BY code LIMIT 1 RETURNING id, region_path::text",
);
const entries = checkpointEntriesService(db, () => new Date());
const actor = systemActor(cp!.region_path);
const resident = clear[0]!.idNumber;
const body = (k: number) =>
  createEntryBody.parse({
    id: uuidv7(),
    kind: 'vehicle',
    plate: `渝B${String(k).padStart(5, '0')}`,
    direction: 'in',
    origin: '重庆市',
    decision: 'pass',
    recordedAt: new Date().toISOString(),
    occupants: [
      resident,
      ...[0, 1].map((i) =>
        makeIdNumber({
          regionCode: '500101',
          birthDate: '1985-03-04',
          sequence: k % 1000,
          sex: i === 0 ? 'male' : 'female',
        }),
      ),
    ].map((idNumber) => ({ idNumber, name: '压测', temperature: 36.5, phone: '13800138000' })),
  });
const nEntries = Number(args.entries);
for (let k = 0; k < 50; k++) await entries.create(actor, cp!.id, body(k));
let t0 = performance.now();
for (let k = 0; k < nEntries; k++) await entries.create(actor, cp!.id, body(1000 + k));
const entryUs = (ms(t0) * 1000) / nEntries;
// Per entry: 3 blind indexes (look-up), 3 ID numbers and 3 phones encrypted, the resident's ID number and phone decrypted.
const entryCrypto =
  3 * prim.blindIndex + 3 * prim.encrypt + 3 * time(20_000, () => encrypt('phone', '13800138000')) + 2 * prim.decrypt;
console.log(
  `checkpoint entry (one at a time, 3 occupants): ${fmt(entryUs / 1000)} ms, of which crypto ${fmt(entryCrypto)} µs = ${((entryCrypto / entryUs) * 100).toFixed(1)}% (after/before ×${(entryUs / (entryUs - entryCrypto)).toFixed(3)})`,
);

// 4. The ledger import's write path (persons.import after the rows are checked).
const {
  rows: [village],
} = await pool.query<{ id: string; path: string }>(
  "SELECT id, path::text FROM region WHERE level = 'group' ORDER BY code LIMIT 1",
);
const nRows = Number(args.rows);
const ledger: LedgerRow[] = Array.from({ length: nRows }, (_, i) => ({
  row: i + 2,
  regionId: village!.id,
  regionPath: village!.path,
  gridId: null,
  address: `压测${Math.floor(i / 3)}号`,
  name: '压测',
  idNumber: makeIdNumber({
    regionCode: '510182',
    birthDate: `19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`,
    sequence: Math.floor(i / 900) % 1000,
    sex: i % 2 ? 'male' : 'female',
  }),
  sex: null,
  birthDate: null,
  phone: `139${String(i).padStart(8, '0')}`,
  head: i % 3 === 0,
  groups: [],
  guardianName: null,
}));
const unique = [...new Map(ledger.map((r) => [r.idNumber, r])).values()];
t0 = performance.now();
await writeLedgerRows(db, systemActor(village!.path.split('.').slice(0, 1).join('.')), unique);
const rowUs = (ms(t0) * 1000) / unique.length;
const rowCrypto = time(unique.length, (i) => {
  encryptOrNull('idNumber', unique[i]!.idNumber);
  encryptOrNull('phone', unique[i]!.phone);
});
console.log(
  `ledger import write (${unique.length} rows): ${fmt(rowUs)} µs per row, of which crypto ${fmt(rowCrypto)} µs = ${((rowCrypto / rowUs) * 100).toFixed(1)}% (after/before ×${(rowUs / (rowUs - rowCrypto)).toFixed(3)})`,
);

await database.close();
process.exit(0);
