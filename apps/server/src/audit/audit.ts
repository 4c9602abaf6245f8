import { uuidv7 } from '../db/ids.js';
import type { Tx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';

/** Every kind of audited event, named `<subject>.<verb>`. */
export type AuditEvent =
  | 'auth.login'
  | 'auth.loginFailed'
  | 'auth.logout'
  | 'auth.locked'
  | 'user.create'
  | 'user.update'
  | 'region.import'
  | 'person.view'
  | 'person.export'
  | 'keyPerson.create'
  | 'keyPerson.update'
  | 'keyPerson.status'
  | 'keyPerson.transfer'
  | 'keyPerson.officerAdd'
  | 'keyPerson.officerRemove'
  | 'keyPerson.policy'
  | 'keyPerson.checkInLink'
  | 'keyPerson.trajectoryAdd'
  | 'keyPerson.contactAdd'
  | 'keyPerson.serviceAdd'
  | 'keyPerson.noticeAdd'
  | 'healthCheck.record'
  | 'healthCheck.correct'
  | 'triage.acknowledge'
  | 'healthCheck.export'
  | 'observationSite.export'
  | 'lead.verify'
  | 'lead.dismiss'
  | 'lead.import'
  | 'auditLog.export'
  | 'lead.feedbackExport'
  | 'job.escalate'
  | 'checkpoint.create'
  | 'checkpoint.update'
  | 'checkpointSetting.update'
  | 'dutyShift.save'
  | 'dutyShift.export'
  | 'checkpointEntry.create'
  | 'checkpointHold.place'
  | 'checkpointEntry.view'
  | 'checkpointEntry.export'
  | 'observationSite.create'
  | 'observationSite.place'
  | 'observationSite.leave'
  | 'dailyReport.submit'
  | 'dailyReport.correct'
  | 'dailyReport.export'
  | 'dailyReport.remind'
  | 'person.create'
  | 'person.update'
  | 'person.move'
  | 'person.merge'
  | 'person.import'
  | 'household.create'
  | 'household.update'
  | 'riskArea.create'
  | 'riskArea.update'
  | 'screeningRound.create'
  | 'screeningRound.update'
  | 'screeningRound.export'
  | 'visit.create';

export interface AuditEntry {
  event: AuditEvent;
  targetType?: string;
  targetId?: string;
  regionPath?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes one audit row; call it with the transaction that makes the change. */
export async function audit(tx: Tx, actor: Pick<Actor, 'userId' | 'displayName' | 'ip' | 'userAgent'> | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    id: uuidv7(),
    actorId: actor?.userId || null,
    actorName: actor?.displayName ?? null,
    event: entry.event,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    regionPath: entry.regionPath ?? null,
    ip: actor?.ip || null,
    userAgent: actor?.userAgent || null,
    detail: entry.detail ?? null,
  });
}

