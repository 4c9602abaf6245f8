import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { testDatabase } from '../../test/db.js';
import { audit } from './audit.js';
import { maintainAuditPartitions, verifyAuditChain } from './chain.js';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const actor = { userId: '', displayName: '测试', ip: '127.0.0.1', userAgent: 'vitest' };

/** `n` audit rows written by `writers` transactions at once, as the application's role. */
async function writeConcurrently(writers: number, n: number, tag: string) {
  const { appDb } = await testDatabase();
  await Promise.all(
    Array.from({ length: writers }, (_, w) =>
      appDb.transaction(async (tx) => {
        for (let i = 0; i < n; i++)
          await audit(tx, actor, {
            event: 'person.view',
            targetType: 'person',
            targetId: `${tag}-${w}-${i}`,
            detail: { w, i, text: '张三 \u00e9 "quoted"' },
          });
      }),
    ),
  );
}

describe('the audit log against its own application', () => {
  it('is written by a role that is no superuser and may insert and read but never update, delete or truncate', async () => {
    const { appPool } = await testDatabase();
    const me = await appPool.query(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(me.rows[0]).toEqual({ name: 'fangkong_app', rolsuper: false, rolbypassrls: false });
    await writeConcurrently(1, 2, 'own');
    const { rows } = await appPool.query(`SELECT id FROM audit_log LIMIT 1`);
    const id = rows[0]!.id as string;
    const refused = async (statement: string) => {
      await expect(appPool.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
    };
    await refused(`UPDATE audit_log SET detail = '{"forged":true}' WHERE id = '${id}'`);
    await refused(`DELETE FROM audit_log WHERE id = '${id}'`);
    await refused(`TRUNCATE audit_log`);
    await refused(`ALTER TABLE audit_log DISABLE TRIGGER audit_log_chain`);
    await refused(`UPDATE audit_chain SET seq = 0`);
    await refused(`DROP TABLE audit_log`);
    // Partitions are tables of their own: reached directly they grant nothing.
    const parts = await appPool.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass`,
    );
    expect(parts.rows.length).toBeGreaterThanOrEqual(2);
    for (const p of parts.rows) {
      await refused(`UPDATE ${p.relname} SET detail = NULL`);
      await refused(`DELETE FROM ${p.relname}`);
    }
    // A forged hash is overwritten by the trigger.
    await appPool.query(
      `INSERT INTO audit_log (id, event, seq, prev_hash, hash) VALUES (gen_random_uuid(), 'auth.login', 1, 'x', 'forged')`,
    );
    expect((await appPool.query(`SELECT count(*)::int AS n FROM audit_log WHERE hash = 'forged'`)).rows[0]!.n).toBe(0);
    // Retention below six months is refused even to the upkeep function.
    await expect(appPool.query(`SELECT audit_log_drop_expired(5, now())`)).rejects.toThrow(/at least 6 months/);
    expect((await verifyAuditChain(appPool)).broken).toBeNull();
  });

  it('chains concurrent writers without a fork and names a row altered directly in the database', async () => {
    const { pool, db } = await testDatabase();
    await writeConcurrently(8, 15, 'load');
    const clean = await verifyAuditChain(pool);
    expect(clean.broken).toBeNull();
    expect(clean.rows).toBe((await pool.query(`SELECT count(*)::int AS n FROM audit_log`)).rows[0]!.n);
    // The owner (who is not the application) edits one row behind the application's back.
    const victim = (await pool.query(`SELECT id, seq FROM audit_log WHERE target_id = 'load-3-7'`)).rows[0]!;
    await db.execute(sql`UPDATE audit_log SET detail = jsonb_set(detail, '{i}', '99') WHERE id = ${victim.id}`);
    const altered = await verifyAuditChain(pool);
    expect(altered.broken).toMatchObject({ id: victim.id, seq: Number(victim.seq), reason: 'altered' });

    const { stdout, code } = await cliAuditVerify();
    expect(code).toBe(1);
    expect(stdout).toContain(victim.id);
  }, 60_000);

  it('finds a removed row and rows removed from the end of a day', async () => {
    const { pool } = await testDatabase();
    await pool.query(`UPDATE audit_log SET detail = jsonb_set(detail, '{i}', '7') WHERE target_id = 'load-3-7'`); // undo the test before
    expect((await verifyAuditChain(pool)).broken).toBeNull();
    const rows = (await pool.query(`SELECT id, seq FROM audit_log ORDER BY seq DESC LIMIT 3`)).rows;
    await pool.query(`DELETE FROM audit_log WHERE id = $1`, [rows[1]!.id]);
    expect((await verifyAuditChain(pool)).broken).toMatchObject({ id: rows[0]!.id, reason: 'missing before' });
    await pool.query(`DELETE FROM audit_log WHERE id = $1`, [rows[0]!.id]);
    expect((await verifyAuditChain(pool)).broken).toMatchObject({ id: null, reason: 'missing at end' });
  });

  it('makes monthly partitions ahead and drops only those older than the retention', async () => {
    const { pool, appPool } = await testDatabase();
    const later = new Date('2031-03-15T04:00:00Z');
    const { created } = await maintainAuditPartitions(appPool, later, 6);
    expect(created).toBe(3); // 2031-03 … 2031-05
    await appPool.query(
      `INSERT INTO audit_log (id, at, event) VALUES (gen_random_uuid(), '2031-04-30T17:00:00Z', 'auth.login')`,
    ); // 1 May in Shanghai
    const where = await pool.query(
      `SELECT tableoid::regclass::text AS part FROM audit_log WHERE at = '2031-04-30T17:00:00Z'`,
    );
    expect(where.rows[0]!.part).toBe('audit_log_2031_05');
    const { dropped } = await maintainAuditPartitions(appPool, new Date('2031-11-02T00:00:00Z'), 6);
    expect(dropped).toBeGreaterThan(0);
    const left = await pool.query(
      `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_log'::regclass ORDER BY 1`,
    );
    const names = left.rows.map((r) => r.relname as string);
    expect(names).toContain('audit_log_2031_05'); // six months before 2031-11 is kept
    expect(names.filter((n) => /^audit_log_\d{4}_\d{2}$/.test(n) && n < 'audit_log_2031_05')).toEqual([]);
  });
});

/** `npm run cli -- audit verify` against this file's database, as an operator runs it. */
async function cliAuditVerify(): Promise<{ stdout: string; code: number }> {
  const { url } = await testDatabase();
  try {
    const r = await promisify(execFile)('npx', ['tsx', 'src/cli.ts', 'audit', 'verify'], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: url },
    });
    return { stdout: r.stdout, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout + err.stderr, code: err.code };
  }
}
