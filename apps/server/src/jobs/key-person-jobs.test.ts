import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../test/db.js';
import { buildCounty, buildKeyPerson } from '../../test/factories.js';
import { uuidv7 } from '../db/ids.js';
import { runKeyPersonJobs } from './key-person-jobs.js';

describe('key-person jobs', async () => {
  const { db } = await testDatabase();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let kpId: string;
  beforeAll(async () => {
    county = await buildCounty(db);
    kpId = (await buildKeyPerson(db, county.villageA, { startDate: '2024-02-29' })).id;
    await buildKeyPerson(db, county.villageA, { startDate: '2024-03-01' }); // not started yet
    // Both files were opened before their first slot (a slot is due only once the file exists).
    await db.execute(sql`UPDATE key_person SET created_at = '2024-02-28T00:00:00Z'`);
  });
  const alerts = async () =>
    (
      await db.execute(
        sql`SELECT day::text, slot, level, resolved_at IS NULL AS open FROM check_alert WHERE key_person_id = ${kpId} ORDER BY day, slot`,
      )
    ).rows;

  it("marks a slot overdue exactly at its window's end, once", async () => {
    expect((await runKeyPersonJobs(db, new Date('2024-02-29T03:59:59Z'))).overdue).toBe(0);
    expect(await runKeyPersonJobs(db, new Date('2024-02-29T04:00:00Z'))).toMatchObject({ ran: true, overdue: 1 });
    expect((await runKeyPersonJobs(db, new Date('2024-02-29T04:00:30Z'))).overdue).toBe(0);
    expect(await alerts()).toEqual([{ day: '2024-02-29', slot: 'am', level: 'gridWorker', open: true }]);
  });

  it('escalates an unanswered slot to the village doctor, then to the township', async () => {
    expect((await runKeyPersonJobs(db, new Date('2024-02-29T04:59:00Z'))).toDoctor).toBe(0);
    expect((await runKeyPersonJobs(db, new Date('2024-02-29T05:00:00Z'))).toDoctor).toBe(1);
    expect((await runKeyPersonJobs(db, new Date('2024-02-29T06:00:00Z'))).toTownship).toBe(1);
    expect((await alerts())[0]).toMatchObject({ level: 'township', open: true });
  });

  it('catches up across midnight and the month end after a pause', async () => {
    const r = await runKeyPersonJobs(db, new Date('2024-03-01T05:00:00Z')); // 13:00 on 1 March in Shanghai
    expect(r.overdue).toBe(3); // 29 Feb pm and 1 Mar am, and the other file's first slot (1 Mar am)
    const all = await db.execute(sql`SELECT count(*)::int AS n FROM check_alert`);
    expect(all.rows[0]!.n).toBe(4);
  });

  it('escalates overdue triage tasks and leads once', async () => {
    const checkId = uuidv7();
    await db.execute(
      sql`INSERT INTO health_check (id, key_person_id, region_path, day, slot, temperature, measured_by, recorded_at) VALUES (${checkId}, ${kpId}, ${county.villageA.path}::ltree, '2024-03-01', 'pm', 38.2, 'doctor', now())`,
    );
    await db.execute(
      sql`INSERT INTO triage_task (id, key_person_id, health_check_id, region_path, temperature, deadline) VALUES (${uuidv7()}, ${kpId}, ${checkId}, ${county.villageA.path}::ltree, 38.2, '2024-03-01T09:00:00Z')`,
    );
    await db.execute(
      sql`INSERT INTO lead (id, name, region_id, region_path, deadline) VALUES (${uuidv7()}, '待核查', ${county.villageA.id}, ${county.villageA.path}::ltree, '2024-03-01T08:00:00Z')`,
    );
    expect(await runKeyPersonJobs(db, new Date('2024-03-01T08:30:00Z'))).toMatchObject({
      triageEscalated: 0,
      leadsEscalated: 1,
    });
    expect(await runKeyPersonJobs(db, new Date('2024-03-01T09:00:00Z'))).toMatchObject({
      triageEscalated: 1,
      leadsEscalated: 0,
    });
    const audit = await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'job.escalate'`);
    expect(audit.rows[0]!.n).toBeGreaterThan(0);
  });

  it('owes no slot whose window opened before the file existed: a file opened at 15:50 is not overdue for the morning', async () => {
    const late = await buildKeyPerson(db, county.villageA, { startDate: '2024-03-05' });
    await db.execute(sql`UPDATE key_person SET created_at = '2024-03-05T07:50:00Z' WHERE id = ${late.id}`); // 15:50 in Shanghai
    await runKeyPersonJobs(db, new Date('2024-03-05T12:30:00Z')); // 20:30: both of the day's windows closed
    const rows = (await db.execute(sql`SELECT slot FROM check_alert WHERE key_person_id = ${late.id}`)).rows;
    expect(rows).toEqual([]);
    await runKeyPersonJobs(db, new Date('2024-03-06T04:00:00Z')); // the next morning's slot is owed
    expect(
      (await db.execute(sql`SELECT day::text, slot FROM check_alert WHERE key_person_id = ${late.id}`)).rows,
    ).toEqual([{ day: '2024-03-06', slot: 'am' }]);
  });

  it('does nothing while another process holds the lock', async () => {
    await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(4210001)`);
      expect((await runKeyPersonJobs(db, new Date('2024-03-02T05:00:00Z'))).ran).toBe(false);
    });
    expect((await runKeyPersonJobs(db, new Date('2024-03-02T05:00:00Z'))).ran).toBe(true);
  });
});
