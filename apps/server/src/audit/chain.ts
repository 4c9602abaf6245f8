import type pg from 'pg';

/** The first place where an audit day's hash chain does not hold. */
export interface ChainBreak {
  day: string;
  /** The row that breaks the chain; null when rows are missing after the day's last one. */
  id: string | null;
  at: string | null;
  seq: number | null;
  reason: 'altered' | 'missing before' | 'reordered or inserted' | 'missing at end' | 'no chain head';
}

/** A pool or one client. */
type Queryable = Pick<pg.ClientBase, 'query'>;

export interface ChainReport {
  days: number;
  rows: number;
  broken: ChainBreak | null;
}

interface Row {
  id: string;
  at: Date;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
  expected: string;
}

const dayBounds = `at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai') AND at < (($1::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')`;

/** Checks one day's chain, row by row in chain order, against its head. */
async function verifyDay(
  pool: Queryable,
  day: string,
  head: { seq: number; hash: string },
): Promise<{ rows: number; broken: ChainBreak | null }> {
  const { rows } = await pool.query<Row>(
    `SELECT id, at, seq, prev_hash, hash, audit_log_row_hash(prev_hash, seq, id, at, actor_id, actor_name, event, target_type, target_id, region_path, ip, user_agent, detail) AS expected
       FROM audit_log WHERE ${dayBounds} ORDER BY seq NULLS FIRST, at, id`,
    [day],
  );
  let prev = '';
  let seq = 0;
  for (const r of rows) {
    const at = r.at.toISOString();
    const broken = (reason: ChainBreak['reason']) => ({
      rows: rows.length,
      broken: { day, id: r.id, at, seq: r.seq, reason },
    });
    if (r.seq === null || r.seq < seq + 1) return broken('reordered or inserted');
    if (r.seq > seq + 1) return broken('missing before');
    if (r.prev_hash !== prev) return broken(r.prev_hash === null ? 'altered' : 'reordered or inserted');
    if (r.hash !== r.expected) return broken('altered');
    prev = r.hash;
    seq = r.seq;
  }
  if (seq !== head.seq || prev !== head.hash)
    return { rows: rows.length, broken: { day, id: null, at: null, seq: seq + 1, reason: 'missing at end' } };
  return { rows: rows.length, broken: null };
}

/**
 * Walks every day's hash chain of the audit log (or the days from `from` to `to`, YYYY-MM-DD in
 * Asia/Shanghai) and names the first row that was altered, removed or slipped in.
 */
export async function verifyAuditChain(
  pool: Queryable,
  range: { from?: string; to?: string } = {},
): Promise<ChainReport> {
  const { rows: heads } = await pool.query<{ day: string; seq: number; hash: string }>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, seq, hash FROM audit_chain
      WHERE ($1::date IS NULL OR day >= $1::date) AND ($2::date IS NULL OR day <= $2::date) ORDER BY day`,
    [range.from ?? null, range.to ?? null],
  );
  let total = 0;
  for (const head of heads) {
    const { rows, broken } = await verifyDay(pool, head.day, head);
    total += rows;
    if (broken) return { days: heads.length, rows: total, broken };
  }
  // Rows of a day whose chain head is gone cannot be checked: that is itself a break.
  const { rows: orphans } = await pool.query<{ id: string; at: Date; seq: number | null; day: string }>(
    `SELECT a.id, a.at, a.seq, to_char((a.at AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS day FROM audit_log a
      WHERE NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.day = (a.at AT TIME ZONE 'Asia/Shanghai')::date)
        AND ($1::date IS NULL OR a.at >= ($1::date::timestamp AT TIME ZONE 'Asia/Shanghai'))
        AND ($2::date IS NULL OR a.at < (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'))
      ORDER BY a.at, a.id LIMIT 1`,
    [range.from ?? null, range.to ?? null],
  );
  const orphan = orphans[0];
  if (orphan)
    return {
      days: heads.length,
      rows: total,
      broken: { day: orphan.day, id: orphan.id, at: orphan.at.toISOString(), seq: orphan.seq, reason: 'no chain head' },
    };
  return { days: heads.length, rows: total, broken: null };
}

/** Creates the coming months' partitions and drops those past retention; the hourly upkeep. */
export async function maintainAuditPartitions(
  pool: pg.Pool,
  at: Date,
  keepMonths: number,
): Promise<{ created: number; dropped: number }> {
  const { rows } = await pool.query<{ created: number; dropped: number }>(
    `SELECT audit_log_ensure_partitions($1, $1::timestamptz + interval '2 months') AS created, audit_log_drop_expired($2, $1) AS dropped`,
    [at, keepMonths],
  );
  return rows[0]!;
}
