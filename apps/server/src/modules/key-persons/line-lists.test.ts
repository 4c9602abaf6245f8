import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { shanghaiInstant } from '@fangkong/domain';
import { uuidv7 } from '../../db/ids.js';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildUser } from '../../../test/factories.js';
import { runKeyPersonJobs } from '../../jobs/key-person-jobs.js';
import { LINE_LISTS } from './key-persons.schemas.js';

// The line lists read figures kept on each file and a per-region status tally (migration 0012); after
// a mix of writes through the API and the jobs, every count must equal its list and the records.
describe('line-list counts kept by triggers', async () => {
  let clock = new Date('2024-02-25T02:00:00Z'); // 10:00 in Shanghai: the am slot is open
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let commander: Session;
  let doctor: Session;
  let doctorId: string;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    doctorId = (await buildUser(db, { username: 'doctor', role: 'doctor', region: county.county })).id;
    commander = await loginAs(app, 'commander');
    doctor = await loginAs(app, 'doctor');
  });
  const call = (method: string, url: string, payload?: Record<string, unknown>, s = commander) =>
    app.inject({ method: method as never, url, payload, headers: s.headers });

  /** Counts, list totals and list lengths agree, and match the child tables themselves. */
  async function expectConsistent(query: string, s = commander) {
    const counts = (await call('GET', `/api/v1/key-persons/line-lists?${query}`, undefined, s)).json();
    for (const list of LINE_LISTS) {
      const page = (await call('GET', `/api/v1/key-persons?list=${list}&pageSize=100&${query}`, undefined, s)).json();
      expect([list, page.total, page.items.length]).toEqual([list, counts[list], counts[list]]);
    }
    const all = (await call('GET', `/api/v1/key-persons?pageSize=100&${query}`, undefined, s)).json();
    expect(all.total).toBe(all.items.length);
    expect(
      (await call('GET', `/api/v1/key-persons?status=active&pageSize=100&${query}`, undefined, s)).json().total,
    ).toBe(counts.active);
    return counts;
  }

  it('keeps officers, open alerts, open triage, the latest check and the status tally in step with the records', async () => {
    const files = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        buildKeyPerson(db, i < 4 ? county.villageA : county.villageB, {
          startDate: '2024-02-20',
          category: i % 2 ? 'closeContact' : 'returnee',
        }),
      ),
    );
    const [a, b, c, d, e, f] = files.map((x) => x.id) as [string, string, string, string, string, string];
    // Opened before their first slot: a slot is due only once the file exists.
    await db.execute(sql`UPDATE key_person SET created_at = '2024-02-19T00:00:00Z' WHERE start_date = '2024-02-20'`);
    for (const [role, name] of [
      ['leader', '联系领导'],
      ['doctor', '村医'],
      ['police', '民警'],
    ]) {
      expect(
        (
          await call('POST', `/api/v1/key-persons/${a}/officers`, {
            role,
            name,
            userId: role === 'doctor' ? doctorId : undefined,
          })
        ).statusCode,
      ).toBe(200);
    }
    const team = (await call('GET', `/api/v1/key-persons/${b}`)).json();
    expect(team.officers).toBe(0);
    const added = (
      await call('POST', `/api/v1/key-persons/${b}/officers`, { role: 'doctor', name: '村医', userId: doctorId })
    ).json();
    await call('DELETE', `/api/v1/key-persons/${b}/officers/${added.officerList[0].id}`);
    await call('POST', `/api/v1/key-persons/${c}/officers`, { role: 'doctor', name: '村医', userId: doctorId });

    // Checks: a and c today (a with a fever), b yesterday only; d misses yesterday's pm (the job raises the alert).
    const check = (keyPersonId: string, day: string, slot: string, temperature = 36.5) =>
      call(
        'POST',
        '/api/v1/health-checks',
        { id: uuidv7(), keyPersonId, day, slot, temperature, measuredBy: 'doctor' },
        doctor,
      );
    expect((await check(a, '2024-02-25', 'am', 38.2)).statusCode).toBe(201);
    expect((await check(c, '2024-02-24', 'pm')).statusCode).toBe(201);
    expect((await check(c, '2024-02-25', 'am')).statusCode).toBe(201);
    expect((await check(c, '2024-02-23', 'am')).statusCode).toBe(201); // a late one does not move the latest slot back
    expect((await check(b, '2024-02-24', 'pm')).statusCode).toBe(201);
    await db.execute(sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at)
      SELECT gen_random_uuid(), k.id, k.region_path, d::date, s, 36.4, 'doctor', now() FROM key_person k, generate_series('2024-02-20'::date, '2024-02-24'::date, '1 day') d, unnest(ARRAY['am','pm']) s
       WHERE k.id IN (${e}, ${f}, ${d}) AND NOT (k.id = ${d} AND d = '2024-02-24' AND s = 'pm')`);
    expect((await runKeyPersonJobs(db, shanghaiInstant('2024-02-25', '09:00'))).overdue).toBeGreaterThanOrEqual(1);
    let counts = await expectConsistent('');
    expect(counts).toMatchObject({ active: 6, fever: 1, dueNow: 4 }); // b, d, e, f owe the am slot; a and c took it
    expect(counts.overdue).toBeGreaterThanOrEqual(1);

    // Status changes, a transfer, a settled alert and a closed triage task.
    expect(
      (await call('POST', `/api/v1/key-persons/${e}/status`, { status: 'lostToFollowUp', reason: '电话无人接听' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/key-persons/${f}/status`, { status: 'hospitalized', reason: '转入定点医院' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('POST', `/api/v1/key-persons/${b}/transfer`, { regionId: county.villageB.id, reason: '搬到女儿家' }))
        .statusCode,
    ).toBe(200);
    expect((await check(d, '2024-02-24', 'pm')).json()).toMatchObject({ late: true });
    const [task] = (await db.execute<{ id: string }>(sql`SELECT id FROM triage_task WHERE key_person_id = ${a}`)).rows;
    expect((await call('POST', `/api/v1/triage-tasks/${task!.id}/close`, { outcome: '排除' }, doctor)).statusCode).toBe(
      200,
    );
    clock = new Date('2024-02-25T07:00:00Z'); // 15:00: the pm slot is open, nobody has checked it
    counts = await expectConsistent('');
    expect(counts).toMatchObject({ active: 4, fever: 0, lostToFollowUp: 1, dueNow: 4 });
    await expectConsistent(`regionId=${county.villageB.id}`);
    await expectConsistent(`regionId=${county.townshipA.id}`);
    await expectConsistent('mine=true', doctor);

    // The kept figures equal what the child tables say, file by file, and the tally equals the files.
    const drift = await db.execute(sql`SELECT k.id FROM key_person k WHERE
         k.officers <> (SELECT count(*) FROM responsible_officer o WHERE o.key_person_id = k.id)
      OR k.open_alerts <> (SELECT count(*) FROM check_alert x WHERE x.key_person_id = k.id AND x.resolved_at IS NULL)
      OR k.open_triage <> (SELECT count(*) FROM triage_task t WHERE t.key_person_id = k.id AND t.status <> 'closed')
      OR k.last_check_day IS DISTINCT FROM (SELECT h.day FROM health_check h WHERE h.key_person_id = k.id ORDER BY h.day DESC, h.slot DESC LIMIT 1)
      OR k.last_check_slot IS DISTINCT FROM (SELECT h.slot FROM health_check h WHERE h.key_person_id = k.id ORDER BY h.day DESC, h.slot DESC LIMIT 1)`);
    expect(drift.rows).toEqual([]);
    const tally = await db.execute(
      sql`SELECT region_id, status, n FROM key_person_tally WHERE n <> 0 EXCEPT SELECT region_id, status, count(*)::int FROM key_person GROUP BY 1, 2`,
    );
    expect(tally.rows).toEqual([]);
  });
});
