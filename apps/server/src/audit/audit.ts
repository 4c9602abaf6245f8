import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from '../db/ids.js';
import type { Tx } from '../db/client.js';
import { auditLog } from '../db/schema/index.js';
import type { Actor } from '../auth/actor.js';
import { redactPersonal, redactText } from '../security/personal-data-redact.js';

/** Every kind of audited event, named `<subject>.<verb>`. */
export type AuditEvent =
  | 'auth.login'
  | 'auth.loginFailed'
  | 'auth.logout'
  | 'auth.locked'
  | 'auth.passwordChange'
  | 'auth.sessionEnded'
  | 'session.forceEnd'
  | 'user.roleAssign'
  | 'securityPolicy.update'
  | 'user.create'
  | 'user.update'
  | 'region.import'
  | 'person.view'
  | 'person.lookup'
  | 'person.export'
  | 'keyPerson.create'
  | 'keyPerson.update'
  | 'keyPerson.status'
  | 'keyPerson.transfer'
  | 'keyPerson.officerAdd'
  | 'keyPerson.officerRemove'
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
  | 'lead.place'
  | 'lead.link'
  | 'lead.merge'
  | 'keyPerson.incidentAdd'
  | 'keyPerson.incidentUpdate'
  | 'auditLog.export'
  | 'lead.feedbackExport'
  | 'lead.selfReport'
  | 'lead.tip'
  | 'lead.markMalicious'
  | 'lead.reporterView'
  | 'attachment.view'
  | 'job.escalate'
  | 'checkpoint.create'
  | 'checkpoint.update'
  | 'countySetting.update'
  | 'dutyShift.save'
  | 'dutyShift.export'
  | 'checkpointEntry.create'
  | 'checkpointHold.place'
  | 'checkpointEntry.view'
  | 'checkpointEntry.export'
  | 'observationSite.create'
  | 'observationSite.place'
  | 'observationSite.leave'
  | 'observationSite.addRooms'
  | 'chain.add'
  | 'chain.remove'
  | 'command.create'
  | 'command.memberAdd'
  | 'command.memberRemove'
  | 'dispatch.create'
  | 'dispatch.reply'
  | 'dispatch.followUp'
  | 'volunteerTeam.create'
  | 'supplyItem.create'
  | 'supplyItem.update'
  | 'supplyStore.create'
  | 'stockMovement.record'
  | 'supplySetting.update'
  | 'volunteerTeam.memberAdd'
  | 'volunteerTeam.memberRemove'
  | 'inspection.create'
  | 'inspectionChecklist.update'
  | 'finding.start'
  | 'finding.report'
  | 'finding.verify'
  | 'finding.sendBack'
  | 'supervisionGroup.create'
  | 'supervisionGroup.update'
  | 'spotCheck.create'
  | 'spotCheck.record'
  | 'finding.wait'
  | 'finding.release'
  | 'finding.export'
  | 'supervisionCircular.export'
  | 'venue.create'
  | 'venue.export'
  | 'venueOrder.create'
  | 'venueOrder.lift'
  | 'venueCheck.create'
  | 'vaccination.record'
  | 'vaccination.import'
  | 'vaccination.followUp'
  | 'sentinel.create'
  | 'sentinel.bindAccount'
  | 'sentinelSale.create'
  | 'walkIn.create'
  | 'walkIn.refer'
  | 'gathering.create'
  | 'disinfection.create'
  | 'publicity.create'
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
  | 'visit.create'
  | 'setup.init'
  | 'grid.create'
  | 'grid.update'
  | 'grid.merge'
  | 'grid.retire'
  | 'grid.assign'
  | 'user.import';

export interface AuditEntry {
  event: AuditEvent;
  targetType?: string;
  targetId?: string;
  regionPath?: string | null;
  detail?: Record<string, unknown>;
}

/**
 * Writes one audit row (any ID number or phone in its detail replaced by a placeholder); call it with the transaction that makes the change, as late in it as you
 * can: the row's day chain (migration `audit_log_chain`) stays locked from here to the commit.
 */
export async function audit(
  tx: Tx,
  actor: Pick<Actor, 'userId' | 'displayName' | 'ip' | 'userAgent'> | null,
  entry: AuditEntry,
): Promise<void> {
  await tx.insert(auditLog).values({
    id: uuidv7(),
    actorId: actor?.userId || null,
    // A failed login's actor is the name typed, which may be a phone or an ID number.
    actorName: actor?.displayName == null ? null : redactText(actor.displayName),
    event: entry.event,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    regionPath: entry.regionPath ?? null,
    ip: actor?.ip || null,
    userAgent: actor?.userAgent || null,
    detail: entry.detail ? redactPersonal(entry.detail) : null,
  });
}

/**
 * What a route declares its successful call writes to the audit log (`config: { access, audit }`): one
 * event, the rows of several, `oneOf` when it writes one of several sets, or `false` for none.
 * Required of every write and export (the server refuses to start otherwise); the route walk checks it.
 */
export type AuditDeclaration =
  | AuditEvent
  | readonly AuditEvent[]
  | { oneOf: readonly (AuditEvent | readonly AuditEvent[])[] }
  | false;

/** The sets of events (each sorted) that a successful call of a route so declared may leave; `[[]]` for none. */
export function auditOutcomes(declared: AuditDeclaration | undefined): string[][] {
  if (!declared) return [[]];
  const alternatives =
    typeof declared === 'object' && 'oneOf' in declared
      ? declared.oneOf
      : [declared as AuditEvent | readonly AuditEvent[]];
  return alternatives.map((a) => [a].flat().slice().sort());
}

/** The columns a raw-SQL writer carries per row into one multi-row statement (`jsonb_to_recordset` … `AUDIT_ROW_TYPES`). */
export interface AuditRow {
  audit_id: string;
  audit_event: AuditEvent;
  audit_target_type: string | null;
  actor_id: string | null;
  actor_name: string | null;
  ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown> | null;
}

/** The `jsonb_to_recordset` column list of an `AuditRow`. */
export const AUDIT_ROW_TYPES =
  'audit_id uuid, audit_event text, audit_target_type text, actor_id uuid, actor_name text, ip text, user_agent text, detail jsonb';

/**
 * One audit row for a raw-SQL writer, typed like `audit()`'s entry: the statement inserts it with
 * `insertAuditRows`, so the event name is checked here instead of sitting in the SQL as a string.
 */
export function auditRow(
  actor: Pick<Actor, 'userId' | 'displayName' | 'ip' | 'userAgent'> | null,
  entry: Pick<AuditEntry, 'event' | 'targetType' | 'detail'>,
): AuditRow {
  return {
    audit_id: uuidv7(),
    audit_event: entry.event,
    audit_target_type: entry.targetType ?? null,
    actor_id: actor?.userId || null,
    actor_name: actor?.displayName == null ? null : redactText(actor.displayName),
    ip: actor?.ip || null,
    user_agent: actor?.userAgent || null,
    detail: entry.detail ? redactPersonal(entry.detail) : null,
  };
}

/**
 * `INSERT INTO audit_log … SELECT` from a relation `from` whose rows carry an `AuditRow`'s columns;
 * `targetId` and `regionPath` name that relation's columns of the audited record.
 */
export function insertAuditRows(from: string, columns: { targetId: string; regionPath: string }): SQL {
  return sql.raw(`INSERT INTO audit_log (id, actor_id, actor_name, event, target_type, target_id, region_path, ip, user_agent, detail)
      SELECT audit_id, actor_id, actor_name, audit_event, audit_target_type, ${columns.targetId}, ${columns.regionPath}, ip, user_agent, detail FROM ${from}`);
}
