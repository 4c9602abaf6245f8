import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../test/db.js';
import { buildCounty, buildKeyPerson } from '../../test/factories.js';
import { recordCheck } from '../modules/health-checks/health-checks.service.js';
import { runKeyPersonJobs } from './key-person-jobs.js';

// The scheduler marking a closed slot overdue and a paper check back-entered for that slot touch
// the same file at the same moment: whichever goes first, the slot ends with its check and no open
// alert, and never with two alerts or two checks.
describe('the scheduler racing a back-entered check', async () => {
  const { db, appDb } = await testDatabase();
  const county = await buildCounty(db);
  const ROUNDS = 25;
  const FILES = 8;

  it(`leaves no open alert on a slot that has a check (${ROUNDS} rounds of ${FILES} files)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      // Each round its own day, so earlier rounds' slots are out of the scheduler's look-back.
      const day = new Date(Date.UTC(2024, 3, 1 + round * 4)).toISOString().slice(0, 10);
      const ids: string[] = [];
      for (let f = 0; f < FILES; f++) ids.push((await buildKeyPerson(db, county.villageA, { startDate: day })).id);
      await db.execute(
        sql`UPDATE key_person SET created_at = ${`${day}T00:00:00+08:00`}::timestamptz WHERE id = ANY(${`{${ids.join(',')}}`}::uuid[])`,
      );
      const now = new Date(`${day}T12:00:30+08:00`); // the morning window closed 30 s ago
      const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
      await Promise.all([
        runKeyPersonJobs(appDb, now),
        ...ids.map(async (keyPersonId, f) => {
          await wait(f % 4);
          await recordCheck(
            appDb,
            null,
            null,
            {
              keyPersonId,
              day,
              slot: 'am',
              temperature: 36.5,
              symptoms: [],
              measuredBy: 'doctor',
              recordedAt: `${day}T11:30:00+08:00`,
            },
            now,
          );
        }),
      ]);
      const rows = (
        await db.execute<{ checks: number; alerts: number; open: number }>(sql`
        SELECT (SELECT count(*)::int FROM health_check h WHERE h.key_person_id = kp.id AND h.day = ${day} AND h.slot = 'am') AS checks,
               (SELECT count(*)::int FROM check_alert a WHERE a.key_person_id = kp.id AND a.day = ${day} AND a.slot = 'am') AS alerts,
               (SELECT count(*)::int FROM check_alert a WHERE a.key_person_id = kp.id AND a.day = ${day} AND a.slot = 'am' AND a.resolved_at IS NULL) AS open
          FROM key_person kp WHERE kp.id = ANY(${`{${ids.join(',')}}`}::uuid[])`)
      ).rows;
      for (const r of rows) {
        expect(r.checks).toBe(1);
        expect(r.alerts).toBeLessThanOrEqual(1);
        expect(r.open, `round ${round}`).toBe(0);
      }
    }
  }, 120_000);
});
