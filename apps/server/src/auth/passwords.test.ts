import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../test/app.js';
import { buildCounty, buildUser, TEST_PASSWORD } from '../../test/factories.js';

let clock = new Date();
const later = (minutes: number) => (clock = new Date(clock.getTime() + minutes * 60_000));

describe('passwords: policy, first-login change, expiry, history', async () => {
  const { app, db } = await testApp({}, undefined, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let admin: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'sysadmin', role: 'admin', region: county.county });
    admin = await loginAs(app, 'sysadmin');
  });
  const createUser = (username: string, password: string, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'accept-language': lang },
      payload: { username, displayName: username, password, role: 'viewer', regionId: county.villageA.id },
    });
  const change = (s: Session, currentPassword: string, newPassword: string, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { ...s.headers, 'accept-language': lang },
      payload: { currentPassword, newPassword },
    });

  it('refuses weak passwords, saying each rule in words', async () => {
    const messages = async (password: string, username = 'weakling') =>
      (await createUser(username, password, 'en-US')).json().errors.map((e: { message: string }) => e.message);
    expect(await messages('12345678')).toEqual([
      'The password must mix at least 3 of the four kinds: lower case, upper case, digits, other symbols',
      'This is a common password that is easily guessed; choose another',
    ]);
    expect(await messages('password')).toContain(
      'The password must mix at least 3 of the four kinds: lower case, upper case, digits, other symbols',
    );
    expect(await messages('Weakling-2024')).toEqual(['The password must not contain the user name']);
    expect(await messages('P@ssw0rd1')).toEqual(['This is a common password that is easily guessed; choose another']);
    expect(await messages('Admin@123')).toEqual(['This is a common password that is easily guessed; choose another']);
    expect(await messages('Ab1!')).toEqual(['The password must have at least 8 characters']);
    const zh = await createUser('weakling', '12345678');
    expect(zh.statusCode).toBe(422);
    expect(zh.json().errors[0]).toEqual({
      field: 'password',
      message: '密码须包含大写字母、小写字母、数字、其他符号这四类中的至少3类',
    });
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM app_user WHERE username = 'weakling'`);
    expect(n.rows[0]).toEqual({ n: 0 });
  });

  it('makes a new user change the initial password before doing anything else', async () => {
    expect((await createUser('newbie', 'Initial-pass9')).statusCode).toBe(201);
    const s = await loginAs(app, 'newbie', 'Initial-pass9');
    expect((await app.inject({ url: '/api/auth/me', headers: s.headers })).json().passwordChange).toBe('initial');
    const blocked = await app.inject({ url: '/api/v1/regions', headers: s.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().title).toBe('请先修改密码：初始密码或管理员重置的密码须在登录后立即修改');
    expect((await change(s, 'Initial-pass9', 'Initial-pass9')).json().errors[0].field).toBe('newPassword');
    expect((await change(s, 'wrong-one', 'Own-choice-42')).json().errors).toEqual([
      { field: 'currentPassword', message: '当前密码不正确' },
    ]);
    expect((await change(s, 'Initial-pass9', 'Own-choice-42')).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/me', headers: s.headers })).json().passwordChange).toBeNull();
    expect((await app.inject({ url: '/api/v1/regions', headers: s.headers })).statusCode).toBe(200);
    const events = await db.execute(
      sql`SELECT detail->>'result' AS result FROM audit_log WHERE event = 'auth.passwordChange' ORDER BY at, id`,
    );
    expect(events.rows.map((r) => r.result)).toEqual(['wrongCurrentPassword', 'success']);
  });

  it("makes a reset password one to change too, and ends the user's sessions", async () => {
    const u = await buildUser(db, { username: 'forgetful', role: 'viewer', region: county.villageA });
    const before = await loginAs(app, 'forgetful');
    const reset = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      headers: admin.headers,
      payload: { password: 'Reset-by-admin7' },
    });
    expect(reset.json().mustChangePassword).toBe(true);
    expect((await app.inject({ url: '/api/auth/me', headers: before.headers })).statusCode).toBe(401);
    const after = await loginAs(app, 'forgetful', 'Reset-by-admin7');
    expect((await app.inject({ url: '/api/auth/me', headers: after.headers })).json().passwordChange).toBe('initial');
  });

  it('refuses the last five passwords again', async () => {
    await buildUser(db, { username: 'cycler', role: 'viewer', region: county.villageA });
    const s = await loginAs(app, 'cycler');
    const sequence = ['Cycle-one-1', 'Cycle-two-2', 'Cycle-three-3', 'Cycle-four-4', 'Cycle-five-5'];
    let current = TEST_PASSWORD;
    for (const next of sequence) {
      expect((await change(s, current, next)).statusCode).toBe(204);
      current = next;
    }
    // The last five are the four above and the current one; the very first is now six back.
    const reused = await change(s, current, 'Cycle-two-2', 'en-US');
    expect(reused.json().errors).toEqual([
      { field: 'newPassword', message: 'The password must differ from the last 5 passwords' },
    ]);
    expect((await change(s, current, TEST_PASSWORD)).statusCode).toBe(204);
  });

  it('expires a password after 90 days, then asks for a change', async () => {
    await buildUser(db, { username: 'old-timer', role: 'viewer', region: county.villageA });
    const s = await loginAs(app, 'old-timer');
    later(1);
    await db.execute(
      sql`UPDATE app_user SET password_changed_at = ${new Date(clock.getTime() - 91 * 86_400_000)} WHERE username = 'old-timer'`,
    );
    app.passwordPolicy.forget();
    expect((await app.inject({ url: '/api/auth/me', headers: s.headers })).json().passwordChange).toBe('expired');
    const blocked = await app.inject({ url: '/api/v1/regions', headers: { ...s.headers, 'accept-language': 'en-US' } });
    expect(blocked.json().title).toBe('The password has not been changed for 90 days; change it to continue');
    expect((await change(s, TEST_PASSWORD, 'Fresh-again-8')).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/v1/regions', headers: s.headers })).statusCode).toBe(200);
  });
});
