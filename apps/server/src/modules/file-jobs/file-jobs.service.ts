// Imports and exports run as jobs inside the server process: the request stores the job and answers
// at once, the work goes on after the reply and reports its progress into the row the UI polls.
// A job outlives no process: at start-up, jobs left running were cut by a restart and are failed.
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { translate } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { fileJob } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { can } from '../../auth/permissions.js';
import { audit } from '../../audit/audit.js';
import { notFound, Problem } from '../../http/problem.js';
import { encryptedFileReader } from '../../security/file-crypto.js';
import { PersonalDataKeyError } from '../../security/personal-data-crypto.js';
import type { z } from 'zod';
import type { importResult } from '../persons/persons.schemas.js';
import type { exportResult } from './file-jobs.schemas.js';
import type { vaccinationImportResult } from '../vaccinations/vaccinations.schemas.js';

type JobResult = z.infer<typeof importResult> | z.infer<typeof vaccinationImportResult> | z.infer<typeof exportResult>;

export type FileJobKind = (typeof fileJob.$inferSelect)['kind'];

/** The work of a job: reports rows done as it goes and returns the result kept on the job. */
export type JobWork = (progress: (done: number) => Promise<void>, jobId: string) => Promise<Record<string, unknown>>;

/** A finished export's file holds personal data: it waits this long for its download, then goes. */
export const EXPORT_TTL_MINUTES = 60;
const expiryOf = (finishedAt: Date) => new Date(finishedAt.getTime() + EXPORT_TTL_MINUTES * 60_000);

/** Jobs of this process still at work, so shutdown (and a test's teardown) can wait for them. */
const running = new Set<Promise<unknown>>();
export const runningJobs = () => Promise.allSettled([...running]);

export function fileJobsService(db: Db, now: () => Date) {
  return {
    /** Stores the job and starts `work` without waiting for it; returns the job id. */
    async start(actor: Actor, kind: FileJobKind, total: number, work: JobWork): Promise<string> {
      const id = uuidv7();
      await db
        .insert(fileJob)
        .values({ id, kind, status: 'running', total, createdBy: actor.userId, regionPath: actor.scopePath });
      const progress = async (done: number) => {
        await db.update(fileJob).set({ done }).where(eq(fileJob.id, id));
      };
      const run = work(progress, id)
        .then((result) =>
          db
            .update(fileJob)
            .set({ status: 'done', done: sql`${fileJob.total}`, result, finishedAt: now() })
            .where(eq(fileJob.id, id)),
        )
        .catch((err: unknown) =>
          db
            .update(fileJob)
            .set({ status: 'failed', error: err instanceof Problem ? err.key : 'job.failed', finishedAt: now() })
            .where(eq(fileJob.id, id))
            .catch(() => {}),
        )
        .finally(() => running.delete(run));
      running.add(run);
      return id;
    },

    /** The actor's own job, with its error in the actor's language; anyone else's is not found. */
    async get(actor: Actor, id: string) {
      const [job] = await db.select().from(fileJob).where(ownJob(actor, id));
      if (!job) throw notFound();
      return {
        id: job.id,
        kind: job.kind,
        status: job.status,
        done: job.done,
        total: job.total,
        result: (job.result ?? null) as JobResult | null,
        error: job.error ? translate(actor.locale, job.error) : null,
        createdAt: job.createdAt.toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
        expiresAt:
          job.kind === 'export' && job.status === 'done' && job.finishedAt
            ? expiryOf(job.finishedAt).toISOString()
            : null,
      };
    },

    /**
     * The finished export's file, once: the full or masked export is audited now, when personal data
     * leaves, and the file is removed after it is sent. Not found when another user's, unfinished, or
     * full while the actor may no longer see full data; gone (410) when already taken or expired.
     */
    async takeExport(actor: Actor, id: string) {
      const [job] = await db.select().from(fileJob).where(ownJob(actor, id));
      const result = job?.result as z.infer<typeof exportResult> | null | undefined;
      if (!job || job.kind !== 'export' || job.status !== 'done' || !result) throw notFound();
      if (result.full && !can(actor.role, 'persons.readFull')) throw notFound();
      if (result.downloaded) throw new Problem(410, 'job.exportTaken');
      if (result.expired || (job.finishedAt && expiryOf(job.finishedAt) <= now()))
        throw new Problem(410, 'job.exportExpired', [], { minutes: EXPORT_TTL_MINUTES });
      const file = exportFilePath(id);
      const stream = await encryptedFileReader(file).catch((e: unknown) => {
        throw e instanceof PersonalDataKeyError ? e : notFound();
      });
      await db.transaction(async (tx) => {
        await tx
          .update(fileJob)
          .set({ result: { ...result, downloaded: true } })
          .where(eq(fileJob.id, id));
        await audit(tx, actor, {
          event: 'person.export',
          targetType: 'person',
          regionPath: result.regionPath,
          detail: { full: result.full, ledger: '基础台账表', rows: result.rows, jobId: id },
        });
      });
      stream.once('close', () => void rm(file, { force: true }));
      return stream;
    },
  };
}

/** A job and its file belong to whoever started it (and stay inside their scope). */
const ownJob = (actor: Actor, id: string) =>
  and(eq(fileJob.id, id), eq(fileJob.createdBy, actor.userId), inScope(actor, fileJob.regionPath));

// Export files hold personal data: they live in the server's own data directory, readable by its
// user alone, never in a shared temporary folder.
let exportDir = path.resolve('data', 'exports');
/** Sets the data directory whose `exports/` holds the export files (buildApp, from the configuration). */
export const configureExportDir = (dataDir: string) => void (exportDir = path.resolve(dataDir, 'exports'));
/** Where an export job's file waits for its download; the download removes it. */
export const exportFilePath = (id: string) => path.join(exportDir, `${id}.xlsx`);
/** Mode of an export file: its owner alone reads and writes it. */
export const EXPORT_FILE_MODE = 0o600;
export async function ensureExportDir() {
  await mkdir(exportDir, { recursive: true, mode: 0o700 });
  await chmod(exportDir, 0o700); // made earlier with a looser mode
}

/**
 * Deletes the files of exports finished more than EXPORT_TTL_MINUTES before `now` and never
 * downloaded, and marks them expired (run by the scheduler; any server may run it, it is idempotent).
 */
export async function expireExports(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(fileJob)
    .set({ result: sql`${fileJob.result} || '{"expired": true}'::jsonb` })
    .where(
      and(
        eq(fileJob.kind, 'export'),
        eq(fileJob.status, 'done'),
        sql`${fileJob.finishedAt} <= ${new Date(now.getTime() - EXPORT_TTL_MINUTES * 60_000)}`,
        sql`NOT coalesce((${fileJob.result}->>'downloaded')::boolean, false)`,
        sql`NOT coalesce((${fileJob.result}->>'expired')::boolean, false)`,
      ),
    )
    .returning({ id: fileJob.id });
  await Promise.all(rows.map((r) => rm(exportFilePath(r.id), { force: true })));
  return rows.length;
}

/** At start-up: nothing of an earlier process is still at work, so its unfinished jobs failed. */
export async function failInterruptedJobs(db: Db, now: Date): Promise<number> {
  const rows = await db
    .update(fileJob)
    .set({ status: 'failed', error: 'job.interrupted', finishedAt: now })
    .where(inArray(fileJob.status, ['queued', 'running']))
    .returning({ id: fileJob.id });
  return rows.length;
}
