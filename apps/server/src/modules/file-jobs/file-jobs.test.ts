import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeIdNumber } from '@fangkong/domain';
import { testApp, loginAs, type Session } from '../../../test/app.js';
import { buildCounty, buildUser } from '../../../test/factories.js';
import { waitForJob } from '../../../test/jobs.js';
import ExcelJS from 'exceljs';
import { auditLog, fileJob } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import { systemActor } from '../../auth/actor.js';
import { readLedger, importLedger } from '../persons/persons.import.js';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  EXPORT_TTL_MINUTES,
  expireExports,
  exportFilePath,
  failInterruptedJobs,
  fileJobsService,
} from './file-jobs.service.js';

describe('import and export jobs', async () => {
  const { app, db, config } = await testApp();
  let county: Awaited<ReturnType<typeof buildCounty>>;
  let cadre: Session;
  let cadreB: Session;
  let cadreId: string;
  const csv = (rows: number, from = 0) =>
    [
      '所属区划代码,地址,姓名,身份证号,出生日期',
      ...Array.from(
        { length: rows },
        (_, i) =>
          `${county.villageA.code},五凤村${Math.floor((from + i) / 2)}号,居民${from + i},${makeIdNumber({ regionCode: '510121', birthDate: '1980-01-01', sequence: 2 * (from + i), sex: 'male' })},`,
      ),
    ].join('\n');

  beforeAll(async () => {
    county = await buildCounty(db);
    cadreId = (await buildUser(db, { username: 'cadre', role: 'villageCadre', region: county.villageA })).id;
    await buildUser(db, { username: 'cadre-b', role: 'villageCadre', region: county.villageB });
    cadre = await loginAs(app, 'cadre');
    cadreB = await loginAs(app, 'cadre-b');
  });

  it('belongs to whoever started it: another user of the same village sees neither the job nor its file', async () => {
    await buildUser(db, { username: 'cadre-a2', role: 'villageCadre', region: county.villageA });
    const colleague = await loginAs(app, 'cadre-a2');
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/export-jobs', headers: cadre.headers });
    const job = await waitForJob(app, cadre.headers, res.json().id);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}`, headers: colleague.headers })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: colleague.headers })).statusCode,
    ).toBe(404);
    // The colleague's attempt took nothing: the owner still gets the file.
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: cadre.headers })).statusCode,
    ).toBe(200);
  });

  it("gives a full export's file to its owner only, never to an inspector of the same county", async () => {
    await buildUser(db, { username: 'commander', role: 'commander', region: county.county });
    await buildUser(db, { username: 'inspector', role: 'inspector', region: county.county });
    const [commander, inspector] = [await loginAs(app, 'commander'), await loginAs(app, 'inspector')];
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/export-jobs?full=true',
      headers: commander.headers,
    });
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(app, commander.headers, res.json().id);
    expect(job.result).toMatchObject({ full: true });
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: inspector.headers })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}`, headers: inspector.headers })).statusCode,
    ).toBe(404);
    const file = await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: commander.headers });
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
  });

  it('keeps export files in the data directory, readable by the server user alone', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/export-jobs', headers: cadre.headers });
    const job = await waitForJob(app, cadre.headers, res.json().id);
    const file = exportFilePath(job.id);
    expect(path.dirname(file)).toBe(path.resolve(config.FANGKONG_DATA_DIR, 'exports'));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    // Encrypted while it waits: neither the workbook (a zip: "PK") nor any name of the ledger shows.
    const onDisk = readFileSync(file);
    expect(onDisk.subarray(0, 4).toString()).toBe('FKF1');
    expect(onDisk.includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    const download = await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: cadre.headers });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getRow(1).values).toContain('姓名');
  });

  it('answers 202 at once and finishes with the accepted and rejected counts and the rejected rows', async () => {
    const body = `${csv(3)}\n${county.villageA.code},五凤村9号,坏号,510121198001010000,\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/import',
      payload: body,
      headers: { ...cadre.headers, 'content-type': 'text/csv' },
    });
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(app, cadre.headers, res.json().id);
    expect(job).toMatchObject({ status: 'done', done: 4, total: 4, error: null });
    expect(job.result).toMatchObject({
      rows: 4,
      accepted: 3,
      createdPersons: 3,
      createdHouseholds: 2,
      errors: [{ row: 5, field: '身份证号' }],
    });
  });

  it('reports progress after each batch, rising to the total', async () => {
    const actor = { ...systemActor(county.villageA.path, county.villageA.id), userId: cadreId };
    const rows = await readLedger(Buffer.from(csv(7, 100)), 'text/csv');
    const seen: number[] = [];
    const id = await fileJobsService(db, () => new Date()).start(actor, 'import', rows.length, (progress) =>
      importLedger(db, actor, rows, {
        batchSize: 3,
        onProgress: async (done) => {
          seen.push(done);
          await progress(done);
        },
      }),
    );
    const job = await waitForJob(app, cadre.headers, id);
    expect(seen).toEqual([0, 3, 6, 7]);
    expect(job).toMatchObject({ status: 'done', done: 7, total: 7, result: { accepted: 7, createdPersons: 7 } });
  });

  it('fails a job whose work throws, with the reason', async () => {
    const actor = { ...systemActor(county.villageA.path, county.villageA.id), userId: cadreId };
    const id = await fileJobsService(db, () => new Date()).start(actor, 'import', 1, () =>
      Promise.reject(new Error('disk full')),
    );
    expect(await waitForJob(app, cadre.headers, id)).toMatchObject({
      status: 'failed',
      error: '任务执行出错，请重试',
      result: null,
    });
  });

  it('marks the jobs a restart cut as failed, and leaves finished ones alone', async () => {
    const cut = uuidv7();
    const finished = uuidv7();
    await db.insert(fileJob).values([
      {
        id: cut,
        kind: 'import',
        status: 'running',
        done: 20000,
        total: 100000,
        createdBy: cadreId,
        regionPath: county.villageA.path,
      },
      {
        id: finished,
        kind: 'import',
        status: 'done',
        done: 5,
        total: 5,
        createdBy: cadreId,
        regionPath: county.villageA.path,
      },
    ]);
    expect(await failInterruptedJobs(db, new Date())).toBe(1);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${cut}`, headers: cadre.headers })).json(),
    ).toMatchObject({ status: 'failed', done: 20000, error: '任务因服务重启而中断，请重新提交' });
    const [kept] = await db.select().from(fileJob).where(eq(fileJob.id, finished));
    expect(kept!.status).toBe('done');
  });

  it('is not found outside the scope of whoever started it', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/persons/import',
      payload: csv(1, 200),
      headers: { ...cadre.headers, 'content-type': 'text/csv' },
    });
    const id = res.json().id;
    await waitForJob(app, cadre.headers, id);
    expect((await app.inject({ method: 'GET', url: `/api/v1/jobs/${id}`, headers: cadreB.headers })).statusCode).toBe(
      404,
    );
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${uuidv7()}`, headers: cadre.headers })).statusCode,
    ).toBe(404);
  });

  it('exports as a job: the file waits for its one download, audited only then, and not outside the scope', async () => {
    const exports = async () => (await db.select().from(auditLog).where(eq(auditLog.event, 'person.export'))).length;
    const before = await exports();
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/export-jobs', headers: cadre.headers });
    expect(res.statusCode).toBe(202);
    const job = await waitForJob(app, cadre.headers, res.json().id);
    expect(job).toMatchObject({ kind: 'export', status: 'done', result: { full: false, downloaded: false } });
    expect(job.done).toBe(job.total);
    expect(job.total).toBeGreaterThan(5);
    expect(await exports()).toBe(before);
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: cadreB.headers })).statusCode,
    ).toBe(404);

    const file = await app.inject({ method: 'GET', url: `/api/v1/jobs/${job.id}/file`, headers: cadre.headers });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('基础台账表')!;
    expect(sheet.rowCount).toBe(job.total + 1);
    expect(String(sheet.getRow(2).getCell(5).value)).toMatch(/\*/); // masked ID number
    expect(await exports()).toBe(before + 1);
    const again = await app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/file`,
      headers: { ...cadre.headers, 'accept-language': 'zh-CN' },
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().title).toBe('该导出文件已下载过一次并已删除，如需再次下载请重新导出');
  });

  it('deletes an export nobody downloaded within the hour, and says so on the download', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/persons/export-jobs', headers: cadre.headers });
    const job = await waitForJob(app, cadre.headers, res.json().id);
    const finished = Date.parse(job.finishedAt!);
    expect(Date.parse(job.expiresAt!) - finished).toBe(EXPORT_TTL_MINUTES * 60_000);
    expect(existsSync(exportFilePath(job.id))).toBe(true);

    expect(await expireExports(db, new Date(finished + EXPORT_TTL_MINUTES * 60_000 - 1000))).toBe(0);
    expect(await expireExports(db, new Date(finished + EXPORT_TTL_MINUTES * 60_000 + 1000))).toBeGreaterThanOrEqual(1);
    expect(existsSync(exportFilePath(job.id))).toBe(false);
    expect((await waitForJob(app, cadre.headers, job.id)).result).toMatchObject({ downloaded: false, expired: true });
    const gone = await app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${job.id}/file`,
      headers: { ...cadre.headers, 'accept-language': 'zh-CN' },
    });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().title).toBe(`导出文件已过期（超过${EXPORT_TTL_MINUTES}分钟未下载，已删除），请重新导出`);
    expect(await expireExports(db, new Date(finished + 2 * EXPORT_TTL_MINUTES * 60_000))).toBe(0); // once
  });
});
