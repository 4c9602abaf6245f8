import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { keyRing } from '../../security/personal-data-crypto.js';
import { invalid } from '../../http/problem.js';

/**
 * Sends per window before the arithmetic question is asked: per client address (a village office or a
 * carrier's NAT may share one, hence the room) and per device. Kept in PostgreSQL for every instance.
 */
export const PUBLIC_LIMITS = { ip: 10, device: 3, windowMinutes: 10, challengeMinutes: 5 } as const;

const WINDOW_MS = PUBLIC_LIMITS.windowMinutes * 60_000;
// Derived from the data key so that every instance signs and checks alike, without a key of its own.
const challengeKey = () => createHmac('sha256', keyRing().keys[0]!.bidx).update('public-challenge').digest();
const sign = (answer: string, expires: number, nonce: string) =>
  createHmac('sha256', challengeKey()).update(`${answer}.${expires}.${nonce}`).digest('base64url');

/** A question whose answer is signed into the token: nothing is stored until it is answered. */
export function newChallenge(at: Date) {
  const a = randomInt(2, 20);
  const b = randomInt(2, 20);
  const expires = at.getTime() + PUBLIC_LIMITS.challengeMinutes * 60_000;
  const nonce = randomBytes(12).toString('base64url');
  return { question: `${a} + ${b} = ?`, token: `${expires}.${nonce}.${sign(String(a + b), expires, nonce)}` };
}

async function hit(db: Db, key: string, windowStart: Date): Promise<number> {
  const rows = await db.execute<{ hits: number }>(sql`
    INSERT INTO public_rate (key, window_start, hits) VALUES (${key}, ${windowStart.toISOString()}::timestamptz, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET hits = public_rate.hits + 1
    RETURNING hits`);
  return Number(rows.rows[0]!.hits);
}

function answered(token: string, answer: string, at: Date): string | null {
  const [expires, nonce, sig] = token.split('.');
  if (!expires || !nonce || !sig || Number(expires) < at.getTime()) return null;
  const want = Buffer.from(sign(answer.trim(), Number(expires), nonce));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? nonce : null;
}

/**
 * Counts the send against its address and device, before anything else is read; past the limit the
 * send needs a right answer to a question not answered before. Fails with the field `challenge`.
 */
export async function admitPublicSend(
  db: Db,
  at: Date,
  caller: { ip: string; deviceId?: string; challenge?: { token: string; answer: string } },
) {
  const windowStart = new Date(Math.floor(at.getTime() / WINDOW_MS) * WINDOW_MS);
  await db.execute(
    sql`DELETE FROM public_rate WHERE window_start < ${new Date(at.getTime() - 6 * WINDOW_MS).toISOString()}::timestamptz`,
  );
  const byIp = await hit(db, `ip:${caller.ip}`, windowStart);
  const byDevice = caller.deviceId ? await hit(db, `device:${caller.deviceId}`, windowStart) : 0;
  if (byIp <= PUBLIC_LIMITS.ip && byDevice <= PUBLIC_LIMITS.device) return;
  if (!caller.challenge) throw invalid([{ field: 'challenge', key: 'publicReport.challengeRequired' }]);
  const nonce = answered(caller.challenge.token, caller.challenge.answer, at);
  // Each question is answered once: a solved token is not a pass for the next thousand sends.
  const expires = new Date(Number(caller.challenge.token.split('.')[0]));
  if (!nonce || (await hit(db, `challenge:${nonce}`, expires)) > 1)
    throw invalid([{ field: 'challenge', key: 'publicReport.challengeWrong' }]);
}
