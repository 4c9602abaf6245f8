import type pg from 'pg';
import { verifyAuditChain } from './chain.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `cli audit verify`: prints the outcome; 0 when every chain holds, 1 when one is broken. */
export async function auditVerify(pool: pg.Pool, opts: { from?: string; to?: string }): Promise<number> {
  for (const [name, v] of Object.entries(opts))
    if (v !== undefined && !DAY.test(v)) throw new Error(`--${name} must be a date YYYY-MM-DD`);
  const report = await verifyAuditChain(pool, { from: opts.from, to: opts.to });
  const b = report.broken;
  if (!b) {
    console.log(`The audit log is intact: ${report.rows} rows in ${report.days} daily chains.`);
    return 0;
  }
  const where = b.id
    ? `row ${b.id} (at ${b.at}, position ${b.seq} of ${b.day})`
    : `the end of ${b.day} (from position ${b.seq} on)`;
  const why = {
    altered: 'its content no longer matches its hash: it was changed after it was written',
    'missing before': 'rows before it in its day are missing',
    'reordered or inserted': 'it does not follow the row before it: rows were reordered or slipped in',
    'missing at end': 'rows after the last one present are missing',
    'no chain head': 'its day has no chain head: the chain was removed',
  }[b.reason];
  console.log(`The audit log is BROKEN at ${where}: ${why}. (${report.rows} rows checked before it.)`);
  return 1;
}
