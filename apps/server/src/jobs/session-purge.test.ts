import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs } from '../../test/app.js';
import { buildCounty, buildUser } from '../../test/factories.js';
import { startJobs } from './scheduler.js';

describe('scheduled session purge', async () => {
  const { app, db } = await testApp();

  it('deletes the sessions expired at the tick and keeps the live ones', async () => {
    const county = await buildCounty(db);
    await buildUser(db, { username: 'purge-old', role: 'villageCadre', region: county.villageA });
    await buildUser(db, { username: 'purge-live', role: 'villageCadre', region: county.villageA });
    await loginAs(app, 'purge-old');
    await loginAs(app, 'purge-live');
    const at = new Date(Date.now() + 60_000);
    await db.execute(sql`UPDATE session SET expires_at = ${new Date(at.getTime() - 1000).toISOString()}::timestamptz
      WHERE user_id = (SELECT id FROM app_user WHERE username = 'purge-old')`);
    const logged: unknown[] = [];
    const stop = startJobs(
      db,
      { info: (o: unknown, m: unknown) => void logged.push([m, o]), error: () => {} } as never,
      60_000,
      () => at,
    );
    await stop();
    const left = await db.execute<{ username: string }>(
      sql`SELECT u.username FROM session s JOIN app_user u ON u.id = s.user_id ORDER BY 1`,
    );
    expect(left.rows.map((r) => r.username)).toEqual(['purge-live']);
    expect(logged).toContainEqual(['session purge', { purged: 1 }]);
  });
});
