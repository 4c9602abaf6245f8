import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';
import { inClear } from '../../../test/personal-data.js';

describe('users', async () => {
  const { app, db } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let admin: Session;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'admin', role: 'admin', region: county.county });
    admin = await loginAs(app, 'admin');
  });
  const create = (payload: Record<string, unknown>, lang = 'zh-CN') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/users',
      payload,
      headers: { ...admin.headers, 'accept-language': lang },
    });

  it('creates a user, masks the phone in lists and audits the creation in the same change', async () => {
    const res = await create({
      username: 'wang.li',
      displayName: '王丽',
      password: 'Secret-pass1',
      role: 'gridWorker',
      regionId: county.villageA.id,
      phone: '+86 138-1234-5678',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      username: 'wang.li',
      regionName: '五凤村',
      phone: '138****5678',
      disabled: false,
    });
    const stored = await db.execute(sql`SELECT phone, password_hash FROM app_user WHERE username = 'wang.li'`);
    expect(inClear(stored.rows)[0]!.phone).toBe('13812345678');
    expect(String(stored.rows[0]!.password_hash)).toMatch(/^\$argon2id\$/);
    const audit = await db.execute(sql`SELECT event, actor_name, target_id FROM audit_log WHERE event = 'user.create'`);
    expect(audit.rows).toEqual([{ event: 'user.create', actor_name: 'admin', target_id: res.json().id }]);
    const login = await loginAs(app, 'wang.li', 'Secret-pass1');
    expect(login.csrfToken).toBeTruthy();
  });

  it("gives field-level errors in the user's language and writes nothing", async () => {
    const res = await create(
      {
        username: 'x',
        displayName: '',
        password: 'short',
        role: 'mayor',
        regionId: county.villageA.id,
        phone: '12345',
      },
      'en-US',
    );
    expect(res.statusCode).toBe(422);
    const errors = res.json().errors as { field: string; message: string }[];
    expect([...new Set(errors.map((e) => e.field))].sort()).toEqual(['displayName', 'phone', 'role', 'username']);
    const zh = await create({
      username: 'x',
      displayName: '张',
      password: 'long-enough',
      role: 'viewer',
      regionId: county.villageA.id,
    });
    expect(zh.json().errors[0].message).toMatch(/用户名/);
    const n = await db.execute(sql`SELECT count(*)::int AS n FROM app_user WHERE username = 'x'`);
    expect(n.rows[0]).toEqual({ n: 0 });
  });

  it('refuses a taken username with a conflict on that field', async () => {
    const res = await create({
      username: 'admin',
      displayName: '重复',
      password: 'Long-enough1',
      role: 'viewer',
      regionId: county.villageA.id,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'username', message: '该用户名已被使用' }]);
  });

  it('disables a user, which ends their sessions and blocks their login', async () => {
    const u = await buildUser(db, { username: 'leaving', role: 'viewer', region: county.villageB });
    const s = await loginAs(app, 'leaving');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${u.id}`,
      payload: { disabled: true },
      headers: admin.headers,
    });
    expect(res.json().disabled).toBe(true);
    expect((await app.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    await expect(loginAs(app, 'leaving')).rejects.toThrow(/401/);
  });

  it('does not let an admin disable themself', async () => {
    const me = (await app.inject({ url: '/api/auth/me', headers: admin.headers })).json().user;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${me.id}`,
      payload: { disabled: true },
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(422);
  });

  it("opens no administrator account and grants no role: that is the security administrator's (三员分立)", async () => {
    const res = await create(
      {
        username: 'would-be',
        displayName: '审计',
        password: 'Long-enough1',
        role: 'auditAdmin',
        regionId: county.county.id,
      },
      'en-US',
    );
    expect(res.json().errors).toEqual([
      { field: 'role', message: 'Administrator roles are granted and withdrawn by the security administrator only' },
    ]);
    const u = await buildUser(db, { username: 'promoted', role: 'viewer', region: county.villageA });
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/v1/users/${u.id}/role`,
          payload: { role: 'commander' },
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(403);
    await buildUser(db, { username: 'sec', role: 'securityAdmin', region: county.county });
    const sec = await loginAs(app, 'sec');
    const before = await loginAs(app, 'promoted');
    const granted = await app.inject({
      method: 'PUT',
      url: `/api/v1/users/${u.id}/role`,
      payload: { role: 'auditAdmin' },
      headers: sec.headers,
    });
    expect(granted.json().role).toBe('auditAdmin');
    expect((await app.inject({ url: '/api/auth/me', headers: before.headers })).statusCode).toBe(401);
    const audit = await db.execute(
      sql`SELECT actor_name, detail->>'from' AS "from", detail->>'to' AS "to" FROM audit_log WHERE event = 'user.roleAssign'`,
    );
    expect(audit.rows).toEqual([{ actor_name: 'sec', from: 'viewer', to: 'auditAdmin' }]);
    const self = (await app.inject({ url: '/api/auth/me', headers: sec.headers })).json().user;
    expect(
      (
        await app.inject({
          method: 'PUT',
          url: `/api/v1/users/${self.id}/role`,
          payload: { role: 'viewer' },
          headers: sec.headers,
        })
      ).statusCode,
    ).toBe(422);
  });
});
