import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';

describe('audit log search', async () => {
  const { app, db } = await testApp();
  let admin: Session;
  let townAdmin: Session;
  let county: Awaited<ReturnType<typeof buildCounty>>;
  beforeAll(async () => {
    county = await buildCounty(db);
    await buildUser(db, { username: 'admin', role: 'auditAdmin', region: county.county });
    await buildUser(db, { username: 'town-admin', role: 'auditAdmin', region: county.townshipA });
    await buildUser(db, { username: 'in-b', role: 'viewer', region: county.villageB });
    await loginAs(app, 'in-b');
    admin = await loginAs(app, 'admin');
    townAdmin = await loginAs(app, 'town-admin');
  });

  it('finds login events with who, when and from where', async () => {
    const res = await app.inject({ url: '/api/v1/audit-logs?event=auth.login', headers: { ...admin.headers } });
    const items = res.json().items as { actorName: string; ip: string; at: string }[];
    expect(items.map((i) => i.actorName).sort()).toEqual(['admin', 'in-b', 'town-admin']);
    expect(items.every((i) => i.ip && i.at)).toBe(true);
  });

  it('shows an administrator only the events of their own region', async () => {
    const res = await app.inject({ url: '/api/v1/audit-logs?event=auth.login', headers: townAdmin.headers });
    expect(res.json().items.map((i: { actorName: string }) => i.actorName)).toEqual(['town-admin']);
  });

  it('exports the log as searched, within the scope, and writes the export down', async () => {
    const res = await app.inject({ url: '/api/v1/audit-logs/export?event=auth.login', headers: admin.headers });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(2).values as string[]).slice(1, 4)).toEqual(['时间', '操作人', '事件']);
    const actors = [3, 4, 5].map((n) => String(ws.getRow(n).getCell(2).value)).sort();
    expect(actors).toEqual(['admin', 'in-b', 'town-admin']);
    expect(ws.rowCount).toBe(5);
    const exports = (
      await app.inject({ url: '/api/v1/audit-logs?event=auditLog.export', headers: admin.headers })
    ).json();
    expect(exports.items).toEqual([
      expect.objectContaining({ actorName: 'admin', detail: expect.objectContaining({ rows: 3 }) }),
    ]);
    const town = await app.inject({ url: '/api/v1/audit-logs/export?event=auth.login', headers: townAdmin.headers });
    const townWb = new ExcelJS.Workbook();
    await townWb.xlsx.load(town.rawPayload as never);
    expect(townWb.worksheets[0]!.rowCount).toBe(3);
  });

  it('rejects a malformed date filter on its field', async () => {
    const res = await app.inject({ url: '/api/v1/audit-logs?from=yesterday', headers: admin.headers });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].field).toBe('from');
  });

  it('names the region and the record a row is about instead of their path and id', async () => {
    await buildUser(db, { username: 'sysadmin', role: 'admin', region: county.county });
    const sysadmin = await loginAs(app, 'sysadmin');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: sysadmin.headers,
      payload: {
        username: 'named-one',
        displayName: '王小明',
        role: 'viewer',
        regionId: county.villageB.id,
        password: 'a-long-enough-pass-1',
      },
    });
    expect(created.statusCode).toBe(201);
    const res = await app.inject({ url: '/api/v1/audit-logs?event=user.create', headers: admin.headers });
    expect(res.json().items).toEqual([
      expect.objectContaining({ targetType: 'user', targetName: '王小明', regionName: county.villageB.name }),
    ]);
    const xlsx = await app.inject({ url: '/api/v1/audit-logs/export?event=user.create', headers: admin.headers });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as never);
    const row = wb.worksheets[0]!.getRow(3).values as string[];
    expect(row.slice(3, 7)).toEqual(['新建用户', '用户', '王小明', county.villageB.name]);
  });
});
