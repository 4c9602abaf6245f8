import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { reportDayOf, shanghaiDateOf } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildKeyPerson, buildRegion, buildUser, type RegionRow } from '../../../test/factories.js';
import { buildSupplyItem, buildSupplyStore } from '../../../test/community-factories.js';

interface Drill {
  api: string;
  query: Record<string, string>;
  exact: boolean;
}

describe('supervision: spot checks, cadres on post, waiting on supplies, ledger and circular', async () => {
  let clock = new Date();
  const { app, db } = await testApp({}, () => clock);
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let village: RegionRow;
  let keyPersonIds: string[] = [];
  let inspector: Session, countyInspector: Session, cadre: Session, otherCadre: Session;

  beforeAll(async () => {
    county = await buildCounty(db);
    village = await buildRegion(db, '510121001009', '桂花村', county.townshipA);
    const today = shanghaiDateOf(clock);
    for (let i = 0; i < 6; i++) keyPersonIds.push((await buildKeyPerson(db, village, { startDate: today })).id);
    await buildKeyPerson(db, county.villageB, { startDate: today });
    await buildUser(db, { username: 'sc-town', role: 'inspector', region: county.townshipA, displayName: '督查员乙' });
    await buildUser(db, { username: 'sc-county', role: 'inspector', region: county.county });
    await buildUser(db, { username: 'sc-cadre', role: 'villageCadre', region: village });
    await buildUser(db, { username: 'sc-other', role: 'villageCadre', region: county.villageB });
    [inspector, countyInspector, cadre, otherCadre] = (await Promise.all(
      ['sc-town', 'sc-county', 'sc-cadre', 'sc-other'].map((u) => loginAs(app, u)),
    )) as [Session, Session, Session, Session];
    await new Promise((r) => setTimeout(r, 5));
    clock = new Date(); // after the files were opened
  });

  const post = (url: string, payload: Record<string, unknown>, s: Session) =>
    app.inject({ method: 'POST', url, payload, headers: s.headers });
  const draw = (seed: number, s = inspector, regionId = county.townshipA.id) =>
    post('/api/v1/spot-checks', { regionId, section: 'keyPersons', figure: 'active', size: 3, seed }, s);

  let spotCheck: { id: string; records: { id: string; recordId: string; regionId: string }[] };
  it('draws a seeded sample of the records behind a figure: reproducible, in scope, audited', async () => {
    const res = await draw(42);
    expect(res.statusCode, res.body).toBe(200);
    spotCheck = res.json();
    expect(spotCheck).toMatchObject({ section: 'keyPersons', figure: 'active', seed: 42, population: 6, size: 3 });
    expect(spotCheck.records).toHaveLength(3);
    for (const r of spotCheck.records) {
      expect(keyPersonIds).toContain(r.recordId);
      expect(r.regionId).toBe(village.id);
    }
    const again = (await draw(42)).json();
    expect(again.records.map((r: { recordId: string }) => r.recordId)).toEqual(
      spotCheck.records.map((r) => r.recordId),
    );
    // The county inspector sampling the county draws from the seven records, the township's from six.
    expect((await draw(42, countyInspector, county.county.id)).json().population).toBe(7);
    const audit = await db.execute(
      sql`SELECT event, detail FROM audit_log WHERE target_id = ${spotCheck.id} ORDER BY id`,
    );
    expect(audit.rows).toMatchObject([{ event: 'spotCheck.create', detail: { seed: 42, population: 6 } }]);
    // A figure without a list of its own, or a region out of scope, is refused.
    const bad = await post(
      '/api/v1/spot-checks',
      { regionId: county.townshipA.id, section: 'keyPersons', figure: 'nope' },
      inspector,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0].field).toBe('figure');
    expect((await draw(1, inspector, county.townshipB.id)).json().errors).toEqual([
      { field: 'regionId', message: '记录不存在或已被删除' },
    ]);
    expect(
      (await app.inject({ url: `/api/v1/spot-checks/${spotCheck.id}`, headers: otherCadre.headers })).statusCode,
    ).toBe(404);
  });

  it('a discrepancy becomes a finding of the record’s region; the figures count the records asked', async () => {
    const [a, b] = spotCheck.records as unknown as [{ id: string }, { id: string }];
    const url = (r: { id: string }) => `/api/v1/spot-checks/${spotCheck.id}/records/${r.id}`;
    expect((await post(url(a), { outcome: 'confirmed' }, otherCadre)).statusCode).toBe(403);
    expect((await post(url(a), { outcome: 'confirmed' }, countyInspector)).statusCode).toBe(200);
    expect((await post(url(b), { outcome: 'discrepant' }, inspector)).json().errors[0].field).toBe('note');
    const res = await post(url(b), { outcome: 'discrepant', note: '群众称未接到过包保干部电话' }, inspector);
    expect(res.statusCode, res.body).toBe(200);
    const rec = res.json().records.find((r: { id: string }) => r.id === b.id);
    expect(rec).toMatchObject({ outcome: 'discrepant' });
    expect((await post(url(b), { outcome: 'confirmed' }, inspector)).statusCode).toBe(409);
    const found = (await app.inject({ url: `/api/v1/findings/${rec.findingId}`, headers: cadre.headers })).json();
    expect(found).toMatchObject({
      spotCheckId: spotCheck.id,
      regionId: village.id,
      status: 'assigned',
      inspectionId: null,
    });
    expect(found.description).toContain('群众称未接到过包保干部电话');

    clock = new Date(clock.getTime() + 60_000); // a figure is taken at an instant: what was recorded before it
    const day = reportDayOf(clock);
    const preview = (
      await app.inject({
        url: `/api/v1/daily-reports/preview?regionId=${county.townshipA.id}&reportDate=${day}`,
        headers: inspector.headers,
      })
    ).json();
    expect(preview.live.spotChecks).toEqual({ spotChecksToday: 2, recordsChecked: 2, discrepancies: 1 });
    for (const [key, d] of Object.entries(preview.drillDown.spotChecks as Record<string, Drill>)) {
      const res = await app.inject({ url: `${d.api}?${new URLSearchParams(d.query)}`, headers: inspector.headers });
      expect(res.json().total, key).toBe(preview.live.spotChecks[key]);
    }
  });

  let absentFinding: string;
  it('records cadres on post: an absence becomes a finding of the place', async () => {
    const res = await post(
      '/api/v1/inspections',
      {
        placeKind: 'village',
        regionId: village.id,
        unannounced: true,
        answers: [],
        cadres: [
          { name: '张某', post: '带班领导', presence: 'absent' },
          { name: '李某', post: '值守人员', presence: 'replaced', replacedBy: '王某' },
          { name: '赵某', presence: 'present' },
        ],
      },
      inspector,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cadres).toHaveLength(3);
    expect(res.json().findingList).toHaveLength(1);
    expect(res.json().findingList[0]).toMatchObject({ responsiblePerson: '张某', regionId: village.id });
    expect(res.json().findingList[0].description).toContain('带班领导 张某');
    absentFinding = res.json().findingList[0].id;
  });

  it('a finding waits on a supply only while time remains, and is not overdue meanwhile', async () => {
    const item = await buildSupplyItem(db, county.county, '御寒帐篷');
    const store = await buildSupplyStore(db, county.county, { name: '县物资保障组' });
    const far = await buildSupplyStore(db, county.villageB);
    const url = `/api/v1/findings/${absentFinding}/waiting`;
    const stores = (
      await app.inject({ url: `/api/v1/findings/${absentFinding}/supply-stores`, headers: cadre.headers })
    ).json();
    expect(stores.items.map((s: { name: string }) => s.name)).toEqual(['县物资保障组']);
    expect((await post(url, { action: 'wait', storeId: far.id }, cadre)).json().errors).toEqual([
      { field: 'storeId', message: '记录不存在或已被删除' },
    ]);
    expect((await post(url, { action: 'wait', storeId: store.id }, otherCadre)).statusCode).toBe(404);
    const res = await post(url, { action: 'wait', storeId: store.id, itemId: item.id, note: '缺帐篷' }, cadre);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().waiting).toMatchObject({ storeName: '县物资保障组', itemName: '御寒帐篷' });
    // Days later, still waiting: not overdue.
    await db.execute(sql`UPDATE finding SET deadline = deadline - 3 WHERE id = ${absentFinding}`);
    expect(
      (await app.inject({ url: `/api/v1/findings/${absentFinding}`, headers: cadre.headers })).json().overdue,
    ).toBe(false);
    const released = await post(url, { action: 'release' }, cadre);
    expect(released.json()).toMatchObject({ waiting: null, overdue: false, deadline: shanghaiDateOf(clock) });
    // Once its time has run out it cannot start waiting.
    await db.execute(sql`UPDATE finding SET deadline = deadline - 1 WHERE id = ${absentFinding}`);
    expect((await post(url, { action: 'wait', storeId: store.id }, cadre)).statusCode).toBe(409);
    const events = await db.execute(sql`SELECT event FROM audit_log WHERE target_id = ${absentFinding} ORDER BY id`);
    expect(events.rows.map((r) => r.event)).toEqual(['finding.wait', 'finding.release']);
  });

  it('exports the findings ledger (.xlsx) and the circular (.docx) by township, audited; out of scope is 404', async () => {
    const xlsx = await app.inject({
      url: `/api/v1/findings/ledger?regionId=${county.townshipA.id}`,
      headers: inspector.headers,
    });
    expect(xlsx.statusCode, xlsx.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('淮口街道督查整改台账');
    const cells = ws.getSheetValues().flat().map(String);
    expect(cells).toContain('淮口街道');
    expect(cells.some((c) => c.includes('带班领导 张某'))).toBe(true);

    const docx = await app.inject({
      url: `/api/v1/findings/circular?regionId=${county.county.id}`,
      headers: countyInspector.headers,
    });
    expect(docx.statusCode, docx.body).toBe(200);
    const text = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(text).toContain('金堂县疫情防控督查通报');
    expect(text).toContain('淮口街道');
    expect(text).toContain('已交办');

    for (const kind of ['ledger', 'circular'])
      expect(
        (
          await app.inject({
            url: `/api/v1/findings/${kind}?regionId=${county.townshipB.id}`,
            headers: inspector.headers,
          })
        ).statusCode,
      ).toBe(404);
    const events = await db.execute(
      sql`SELECT event FROM audit_log WHERE event IN ('finding.export', 'supervisionCircular.export') ORDER BY id`,
    );
    expect(events.rows.map((r) => r.event)).toEqual(['finding.export', 'supervisionCircular.export']);
  });
});
