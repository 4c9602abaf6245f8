import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import {
  SLOTS,
  addDays,
  dayNumber,
  measureLength,
  openSlotAt,
  shanghaiDateOf,
  shanghaiInstant,
  slotState,
} from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { checkInLink, healthCheck, keyPerson, person } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { Problem, invalid } from '../../http/problem.js';
import { settingsFor } from '../county-settings/index.js';
import type { KeyPersonsService } from '../key-persons/key-persons.service.js';
import { recordCheck } from '../health-checks/health-checks.service.js';
import type { SelfCheckBody } from './check-in.schemas.js';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
const invalidToken = () => new Problem(404, 'checkIn.invalidToken');

/**
 * 自主打卡: a key person at home checks in from their own phone through a link with an
 * unguessable token (no login). The link lasts until the day after the measure's planned end.
 */
export function checkInService(db: Db, now: () => Date, keyPersons: KeyPersonsService) {
  async function createLink(actor: Actor, keyPersonId: string) {
    const kp = await keyPersons.find(actor, keyPersonId);
    if (kp.status !== 'active') throw invalid([{ field: 'status', key: 'keyPerson.notActive' }]);
    const token = randomBytes(32).toString('base64url');
    const expiresAt = shanghaiInstant(addDays(kp.plannedEndDate, 1), '24:00');
    await db.transaction(async (tx) => {
      await tx.insert(checkInLink).values({ id: uuidv7(), keyPersonId, tokenHash: hash(token), expiresAt });
      await audit(tx, actor, {
        event: 'keyPerson.checkInLink',
        targetType: 'keyPerson',
        targetId: keyPersonId,
        regionPath: kp.regionPath,
      });
    });
    return { token, path: `/check-in/${token}`, expiresAt: expiresAt.toISOString() };
  }

  async function resolve(token: string) {
    const at = now();
    const [row] = await db
      .select({ kp: keyPerson, name: person.name })
      .from(checkInLink)
      .innerJoin(keyPerson, eq(keyPerson.id, checkInLink.keyPersonId))
      .innerJoin(person, eq(person.id, keyPerson.personId))
      .where(
        and(
          eq(checkInLink.tokenHash, hash(token)),
          isNull(checkInLink.revokedAt),
          gt(checkInLink.expiresAt, at),
          eq(keyPerson.status, 'active'),
        ),
      );
    if (!row) throw invalidToken();
    return { ...row, at };
  }

  async function state(token: string) {
    const { kp, name, at } = await resolve(token);
    const { slotWindows } = await settingsFor(db, 'policy', kp.regionPath);
    const today = shanghaiDateOf(at);
    const done = await db
      .select({ slot: healthCheck.slot })
      .from(healthCheck)
      .where(and(eq(healthCheck.keyPersonId, kp.id), eq(healthCheck.day, today)));
    return {
      name: `${name.slice(0, 1)}**`,
      day: dayNumber(kp.startDate, today),
      totalDays: measureLength(kp.startDate, kp.plannedEndDate),
      today,
      slots: SLOTS.map((slot) => ({
        slot,
        ...slotWindows[slot],
        state: slotState(today, slot, at, slotWindows),
        done: done.some((d) => d.slot === slot),
      })),
    };
  }

  async function record(token: string, body: SelfCheckBody) {
    const { kp, at } = await resolve(token);
    const { slotWindows } = await settingsFor(db, 'policy', kp.regionPath);
    const open = openSlotAt(at, slotWindows);
    if (!open) throw invalid([{ field: 'slot', key: 'healthCheck.future' }]);
    const { check } = await db.transaction((tx) =>
      recordCheck(
        tx,
        null,
        null,
        {
          keyPersonId: kp.id,
          day: open.day,
          slot: open.slot,
          temperature: body.temperature,
          symptoms: body.symptoms,
          measuredBy: 'self',
        },
        at,
      ),
    );
    return { day: check.day, slot: check.slot, temperature: check.temperature, triage: !!check.triageTaskId };
  }

  return { createLink, state, record };
}
