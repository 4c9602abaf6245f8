import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { ROLES, addDays, shanghaiDateOf, textError, type Role } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildWalkFixtures } from '../../test/route-cases/fixtures.js';
import { routeCases, type Fixtures } from '../../test/route-cases/index.js';
import type { Req } from '../../test/route-cases/shared.js';
import { can } from '../auth/permissions.js';

/**
 * Hostile input, generated (fast-check, seeded): every write route's valid request from the route
 * walk, with one part of it replaced by something a careless operator or an attacker would send —
 * NUL, lone surrogates, direction and invisible characters, control codes, huge and malformed
 * values, the nil UUID, ids of another region's records, dates before 1900 or in the future,
 * broken CSV. Not one answer may be a 5xx, and nothing invalid may be stored.
 */
const RUNS_PER_ROUTE = 24;
const SEED = 20261207;
// Ends the walkers' own session; the walk checks it.
const SKIPPED = new Set(['POST /api/auth/logout']);
/** The walker that may call a route: the township officer when it can, else the first role that can. */
const PREFERRED: Role[] = [
  'townshipOfficer',
  'commander',
  'admin',
  'villageCadre',
  'gridWorker',
  'doctor',
  'checkpointStaff',
  'inspector',
  'viewer',
  'sentinel',
];

const today = () => shanghaiDateOf(new Date());
const hostileText = fc.oneof(
  fc.constantFrom(
    'ab\u0000cd',
    '\u0000',
    'x\uD800y',
    '\uDC00',
    '张\u202E三',
    'gpj\u202Eexe.',
    '王\u200B五',
    '\uFEFF李四',
    '\u0007',
    '\u001B[2J',
    'a\u0085b',
    'a\u2066b\u2069',
    '',
    ' ',
    '\t',
    '\n\n',
    'a'.repeat(5000),
    '1899-12-31',
    '9999-12-31',
    '2026-02-30',
    '0000-00-00',
    '00000000-0000-0000-0000-000000000000',
    "'; DROP TABLE person; --",
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '%00',
    '-1',
    '1e309',
    'NaN',
    'true',
    '{}',
    '[]',
    '川A12345\u0000',
    'e\u0301',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `x${String.fromCharCode(c)}`),
);
const hostileValue = (fx: Fixtures) =>
  fc.oneof(
    { weight: 5, arbitrary: hostileText },
    fc.integer(),
    fc.constantFrom(-1, 0, 1e300, -1e300, 2 ** 53, 0.1, 36.5, 45, 300),
    fc.boolean(),
    fc.constant(null),
    fc.constant({}),
    fc.array(hostileText, { maxLength: 4 }),
    // References to records of another region, and facts in the future or long ago.
    fc.constantFrom(
      fx.villageB.id,
      fx.householdB.id,
      fx.householdB.memberIds[0]!,
      fx.kp.b.keyPersonId,
      fx.kp.b.siteId,
      fx.reportInB.id,
      fx.checkpointInB.id,
      fx.roundB.id,
      fx.jobInB,
    ),
    fc.constantFrom(
      addDays(today(), 30),
      addDays(today(), 3),
      '1899-12-31',
      new Date(Date.now() + 3 * 86_400_000).toISOString(),
    ),
    fc.constantFrom(['disabled', 'disabled'], ['fever', 'fever'], ['pledge', 'pledge']),
  );

/** URL-encodes even a lone surrogate: as the raw bytes of one (invalid UTF-8), as an attacker would send it. */
function enc(text: string) {
  try {
    return encodeURIComponent(text);
  } catch {
    return `${encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, ''))}%ED%A0%80`;
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
/** Every path to a value in a JSON body (its leaves, arrays and objects alike). */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const own = at.length ? [at] : [];
  if (Array.isArray(value)) return [...own, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === 'object')
    return [...own, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return own;
}
function setAt(body: Json, path: (string | number)[], value: Json): Json {
  if (!path.length) return value;
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string | number, Json>;
  const [head, ...rest] = path;
  copy[head!] = setAt(copy[head!] ?? null, rest, value);
  return copy as Json;
}

/** One hostile variant of a valid request. */
function variants(fx: Fixtures, base: Req) {
  const value = hostileValue(fx);
  const json = typeof base.payload === 'object' ? (base.payload as Json) : undefined;
  const paths = json ? pathsOf(json) : [];
  const ids = base.url.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
  const csv = base.headers?.['content-type']?.startsWith('text/csv');
  const options: fc.Arbitrary<Req>[] = [];
  if (paths.length)
    options.push(
      fc
        .tuple(fc.constantFrom(...paths), value)
        .map(([p, v]) => ({ ...base, payload: setAt(json!, p, v as Json) as Record<string, unknown> })),
    );
  if (json && !Array.isArray(json))
    options.push(
      fc.tuple(hostileText, value).map(([k, v]) => ({ ...base, payload: { ...(json as object), [k || 'x']: v } })),
    );
  if (json) options.push(value.map((v) => ({ ...base, payload: (v ?? 'null') as never })));
  if (ids.length)
    options.push(
      fc
        .tuple(fc.constantFrom(...ids), hostileText)
        .map(([id, h]) => ({ ...base, url: base.url.replace(id, enc(h) || '%20') })),
    );
  if (base.url.includes('?'))
    options.push(hostileText.map((h) => ({ ...base, url: `${base.url}&regionId=${enc(h)}&q=${enc(h)}` })));
  if (csv) {
    const header = String(base.payload ?? '').split('\n')[0] ?? '';
    options.push(hostileText.map((h) => ({ ...base, payload: `${header}\n${h},${h},"${h}\n` })));
    options.push(hostileText.map((h) => ({ ...base, payload: `${header}\n"unclosed,${h}\n` })));
    options.push(
      fc
        .constantFrom('\u0000\u0000\u0000', 'a,b\n"c', '\uFEFF', 'x'.repeat(3000))
        .map((p) => ({ ...base, payload: p })),
    );
  }
  if (!options.length) options.push(value.map(() => base));
  return fc.oneof(...options);
}

describe('hostile input', async () => {
  const { app, db } = await testApp();
  const sessions = new Map<Role, Session>();
  let fx: Fixtures;
  beforeAll(async () => {
    fx = await buildWalkFixtures(db);
    for (const role of ROLES) sessions.set(role, await loginAs(app, `u-${role}`));
  });

  it(`answers no 5xx to ${RUNS_PER_ROUTE} generated bad inputs per write route, and stores nothing invalid`, async () => {
    const writes = app.routeRegistry.filter((r) => r.method !== 'GET' && !SKIPPED.has(`${r.method} ${r.url}`));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [i, route] of writes.entries()) {
      const key = `${route.method} ${route.url}`;
      const c = routeCases[key]!;
      const role =
        route.access === 'public' || route.access === 'authenticated'
          ? 'townshipOfficer'
          : PREFERRED.find((r) => can(r, route.access as never));
      const headers = role ? sessions.get(role)!.headers : {};
      for (const req of fc.sample(variants(fx, c.inScope(fx, role)), { numRuns: RUNS_PER_ROUTE, seed: SEED + i })) {
        const res = await app.inject({
          method: route.method as never,
          url: req.url,
          payload: req.payload as never,
          headers: { ...headers, ...req.headers },
        });
        sent++;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500)
          failures.push(`${key} ${res.statusCode} ${JSON.stringify(req).slice(0, 300)} → ${res.body.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(1000);
    // The inputs reach the checks behind the access control: most are refused as bad input, not as forbidden.
    const refused = [400, 404, 409, 413, 415, 422].reduce((n, s) => n + (statuses.get(s) ?? 0), 0);
    expect(refused).toBeGreaterThan(sent / 2);
    expect(await invalidRecords()).toEqual([]);
  }, 600_000);

  /** Everything stored that the rules refuse: bad text anywhere, impossible dates, repeated choices, the nil UUID. */
  async function invalidRecords(): Promise<string[]> {
    const found: string[] = [];
    const { rows: tables } = await db.execute<{ name: string }>(
      sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE '__drizzle%'`,
    );
    for (const { name } of tables) {
      const { rows } = await db.execute<{ j: Record<string, unknown> }>(
        sql.raw(`SELECT to_jsonb(t) AS j FROM "${name}" t`),
      );
      for (const { j } of rows) {
        const walk = (v: unknown, path: string) => {
          if (typeof v === 'string') {
            if (textError(v)) found.push(`${name}.${path}: ${JSON.stringify(v).slice(0, 60)}`);
            // The nil UUID refers to nothing: stored as a reference it is a broken record. As the text of
            // a name it is merely odd text, which free-text fields keep as typed.
            if (v === '00000000-0000-0000-0000-000000000000' && /(^|\.|_)id$|Id$/.test(path))
              found.push(`${name}.${path}: nil UUID`);
          } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
          else if (v && typeof v === 'object')
            for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
        };
        walk(j, '');
      }
    }
    const checks = {
      'person born before 1900': sql`SELECT id FROM person WHERE birth_date < '1900-01-01'`,
      'person with a repeated vulnerable group': sql`SELECT id FROM person WHERE cardinality(vulnerable_groups) <> (SELECT count(DISTINCT g) FROM unnest(vulnerable_groups) g)`,
      'key person starting in the future': sql`SELECT id FROM key_person WHERE start_date > ${today()}::date`,
      'round asking about travel since a future day': sql`SELECT id FROM screening_round WHERE travel_since > ${today()}::date`,
      'visit in the future': sql`SELECT id FROM visit WHERE visited_at > now() + interval '5 minutes'`,
      'visit with a repeated notice': sql`SELECT id FROM visit WHERE cardinality(notices) <> (SELECT count(DISTINCT n) FROM unnest(notices) n)`,
    };
    for (const [what, query] of Object.entries(checks)) {
      const { rows } = await db.execute(query);
      if (rows.length) found.push(`${what}: ${rows.length}`);
    }
    return found;
  }
});
