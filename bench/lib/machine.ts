import os from 'node:os';
import type pg from 'pg';

/** One line that says what the figures were measured on. */
export async function describeMachine(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ v: string }>('SELECT current_setting($1) AS v', ['server_version']);
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, PostgreSQL ${rows[0]?.v}`;
}
