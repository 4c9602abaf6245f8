import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildGrid, buildUser } from '../../../test/factories.js';
import { users } from '../../db/schema/index.js';
import { eq } from 'drizzle-orm';

describe('users in bulk', async () => {
  const { app, db } = await testApp();
  let admin: Session;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'admin', role: 'admin', region: county.townshipA });
    await db.update(users).set({ phone: '13900000009' }).where(eq(users.username, 'admin'));
    await buildGrid(db, county.villageA, '第一网格');
    admin = await loginAs(app, 'admin');
  });
  const xlsx = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await app.inject({ method: 'GET', url: '/api/v1/users/import-template', headers: admin.headers }))
        .rawPayload as never,
    );
    const ws = wb.worksheets[0]!;
    ws.spliceRows(2, 1);
    rows.forEach((r) => ws.addRow(r));
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const post = async (rows: string[][]) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/users/import',
      payload: await xlsx(rows),
      headers: {
        ...admin.headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });

  it('refuses duplicate phones, unknown regions, roles and grids row by row, and creates nobody', async () => {
    const res = await post([
      ['张网格', '13800000001', '网格员', '510121001001', '第一网格', ''],
      ['李网格', '13800000001', '网格员', '510121001001', '', ''],
      ['王医生', '13800000002', '村医', '510121002001', '', ''],
      ['赵某', '13900000009', '村干部', '510121001001', '', ''],
      ['钱某', '13800000003', '队长', '510121001001', '', ''],
      ['孙某', '13800000004', '网格员', '510121001001', '第九网格', ''],
    ]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().created).toBe(0);
    expect(res.json().errors).toEqual([
      { row: 3, field: 'phone', message: expect.any(String) },
      { row: 4, field: 'region', message: '区划不存在或不在您的管辖范围内' },
      { row: 5, field: 'phone', message: '该手机号已被其他账号使用' },
      { row: 6, field: 'role', message: '角色不正确' },
      { row: 7, field: 'grid', message: '该村没有此网格' },
    ]);
    expect((await db.select().from(users)).length).toBe(1);
  });

  it('creates each user with a one-time initial password; grid workers join their grid; users are disabled, not deleted', async () => {
    const res = await post([
      ['张网格', '138 0000 0001', '网格员', '510121001001', '第一网格', ''],
      ['王医生', '13800000002', 'doctor', '510121001001', '', 'wangys'],
    ]);
    expect(res.json()).toMatchObject({
      created: 2,
      errors: [],
      users: [
        { row: 2, username: '13800000001', displayName: '张网格' },
        { row: 3, username: 'wangys' },
      ],
    });
    const [zhang, wang] = res.json().users;
    const first = await loginAs(app, zhang.username, zhang.initialPassword);
    // The initial password must be replaced before anything else (等保: no initial passwords in use).
    const changed = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: zhang.initialPassword, newPassword: 'Grid-worker-2024' },
      headers: first.headers,
    });
    expect(changed.statusCode, changed.body).toBe(204);
    const worker = await loginAs(app, zhang.username, 'Grid-worker-2024');
    const grids = (await app.inject({ method: 'GET', url: '/api/v1/grids', headers: worker.headers })).json();
    expect(grids.items[0].workers.map((w: { displayName: string }) => w.displayName)).toEqual(['张网格']);
    await loginAs(app, wang.username, wang.initialPassword);
    const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'wangys'));
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/users/${row!.id}`,
          payload: { disabled: true },
          headers: admin.headers,
        })
      ).statusCode,
    ).toBe(200);
    await expect(loginAs(app, wang.username, wang.initialPassword)).rejects.toThrow();
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/v1/users/${row!.id}`, headers: admin.headers })).statusCode,
    ).toBe(404);
  });
});
