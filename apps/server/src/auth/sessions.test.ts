import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildCounty, buildUser } from '../../test/factories.js';

let clock = new Date();
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('sessions: idle timeout, lifetime, concurrent limit, online users', async () => {
  const { app, db } = await testApp({ SESSION_MAX_HOURS: '2' }, undefined, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  const me = (s: Session) => app.inject({ url: '/api/auth/me', headers: s.headers }).then((r) => r.statusCode);
  beforeAll(async () => {
    county = await buildCounty(db);
    for (const username of ['idler', 'worker', 'juggler', 'watched'])
      await buildUser(db, { username, role: 'viewer', region: county.villageA });
    await buildUser(db, { username: 'sec', role: 'securityAdmin', region: county.county });
    await buildUser(db, { username: 'sec-b', role: 'securityAdmin', region: county.townshipB });
  });

  it('ends a session idle for 30 minutes, and keeps one in use alive', async () => {
    const idle = await loginAs(app, 'idler');
    const busy = await loginAs(app, 'worker');
    later(20);
    expect(await me(busy)).toBe(200);
    later(20);
    expect(await me(busy)).toBe(200);
    expect(await me(idle)).toBe(401);
  });

  it('ends a session at its absolute lifetime however busy', async () => {
    const busy = await loginAs(app, 'worker');
    for (let i = 0; i < 5; i++) {
      later(20);
      expect(await me(busy)).toBe(200);
    }
    later(21);
    expect(await me(busy)).toBe(401);
  });

  it('keeps at most three sessions per user, ending the oldest, audited', async () => {
    const sessions: Session[] = [];
    for (let i = 0; i < 4; i++) {
      later(1);
      sessions.push(await loginAs(app, 'juggler'));
    }
    expect(await Promise.all(sessions.map(me))).toEqual([401, 200, 200, 200]);
    const ended = await db.execute(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE event = 'auth.sessionEnded' AND detail->>'reason' = 'sessionLimit'`,
    );
    expect(ended.rows[0]).toEqual({ n: 1 });
  });

  it('shows the security administrator who is online in scope, and ends a session at once', async () => {
    const watched = await loginAs(app, 'watched');
    const sec = await loginAs(app, 'sec');
    const list = (await app.inject({ url: '/api/v1/sessions?q=watched', headers: sec.headers })).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ username: 'watched', role: 'viewer', ip: '127.0.0.1', current: false });
    const secB = await loginAs(app, 'sec-b');
    expect((await app.inject({ url: '/api/v1/sessions?q=watched', headers: secB.headers })).json().total).toBe(0);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/sessions/${list.items[0].id}`, headers: secB.headers }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/sessions/${list.items[0].id}`, headers: sec.headers }))
        .statusCode,
    ).toBe(204);
    expect(await me(watched)).toBe(401);
    const audit = await db.execute(
      sql`SELECT actor_name, detail->>'username' AS username FROM audit_log WHERE event = 'session.forceEnd'`,
    );
    expect(audit.rows).toEqual([{ actor_name: 'sec', username: 'watched' }]);
  });
});
