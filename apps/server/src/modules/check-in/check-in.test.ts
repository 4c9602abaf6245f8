import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildPerson, buildUser } from '../../../test/factories.js';

describe('self check-in link', async () => {
  let clock = new Date('2024-02-29T01:00:00Z'); // 09:00 in Shanghai
  const { app, db } = await testApp({}, () => clock);
  let grid: Session;
  let kpId: string;
  beforeAll(async () => {
    const county = await buildCounty(db);
    await buildUser(db, { username: 'grid', role: 'gridWorker', region: county.villageA });
    grid = await loginAs(app, 'grid');
    const p = await buildPerson(db, county.villageA, { name: '陈居家' });
    kpId = (await buildKeyPerson(db, county.villageA, { startDate: '2024-02-20', personId: p.id })).id;
  });

  it('lets the person check in without a login through an unguessable token stored only as a hash', async () => {
    const link = await app.inject({
      method: 'POST',
      url: `/api/v1/key-persons/${kpId}/check-in-links`,
      headers: grid.headers,
    });
    expect(link.statusCode).toBe(201);
    const { token, path, expiresAt } = link.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/check-in/${token}`);
    expect(expiresAt).toBe('2024-03-05T16:00:00.000Z'); // the end of the day after the planned end, in Shanghai
    const stored = await db.execute(sql`SELECT token_hash FROM check_in_link WHERE key_person_id = ${kpId}`);
    expect(stored.rows[0]!.token_hash).not.toContain(token);

    const state = await app.inject({ url: `/api/public/check-in/${token}` });
    expect(state.json()).toMatchObject({
      name: '陈**',
      day: 10,
      totalDays: 14,
      today: '2024-02-29',
      slots: [
        { slot: 'am', state: 'open', done: false },
        { slot: 'pm', state: 'future', done: false },
      ],
    });
    const sent = await app.inject({
      method: 'POST',
      url: `/api/public/check-in/${token}`,
      payload: { temperature: '37.5' },
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({ day: '2024-02-29', slot: 'am', temperature: 37.5, triage: true });
    const again = await app.inject({
      method: 'POST',
      url: `/api/public/check-in/${token}`,
      payload: { temperature: '36.5' },
    });
    expect(again.statusCode).toBe(409);
    const row = await db.execute(sql`SELECT measured_by, recorded_by FROM health_check WHERE key_person_id = ${kpId}`);
    expect(row.rows).toEqual([{ measured_by: 'self', recorded_by: null }]);
  });

  it('refuses a wrong token, a malformed one, an expired one, and a check between windows, in Chinese', async () => {
    const wrong = await app.inject({ url: `/api/public/check-in/${'x'.repeat(43)}` });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().detail ?? wrong.json().title).toContain('链接无效或已过期');
    expect((await app.inject({ url: '/api/public/check-in/short' })).statusCode).toBe(422);
    const { token } = (
      await app.inject({ method: 'POST', url: `/api/v1/key-persons/${kpId}/check-in-links`, headers: grid.headers })
    ).json();
    clock = new Date('2024-02-29T05:00:00Z'); // 13:00: between windows
    expect(
      (await app.inject({ method: 'POST', url: `/api/public/check-in/${token}`, payload: { temperature: 36.5 } }))
        .statusCode,
    ).toBe(422);
    expect(
      (await app.inject({ method: 'POST', url: `/api/public/check-in/${token}`, payload: { temperature: 45 } })).json()
        .errors[0].field,
    ).toBe('temperature');
    clock = new Date('2024-03-05T16:00:00Z');
    expect((await app.inject({ url: `/api/public/check-in/${token}` })).statusCode).toBe(404);
  });
});
