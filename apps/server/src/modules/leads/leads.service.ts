import { and, eq, isNull, or, sql } from 'drizzle-orm';
import { blindMatch } from '../../security/personal-data-sql.js';
import type { Tx } from '../../db/client.js';
import { uuidv7 } from '../../db/ids.js';
import { lead, leadSource } from '../../db/schema/index.js';
import { notifyEvent } from '../../events/events.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';

export type LeadSourceKind = (typeof leadSource.$inferInsert)['source'];
/** Why a lead was raised; the key persons issue reads these. */
export type LeadReason = 'riskArea' | 'fever' | 'symptoms' | 'closeContact' | 'listed' | 'other';

export interface RaiseLead {
  personId?: string | null;
  name: string;
  idNumber?: string | null;
  phone?: string | null;
  regionId: string;
  regionPath: string;
  source: LeadSourceKind;
  sourceRef?: string | null;
  reasons: LeadReason[];
  detail?: Record<string, unknown>;
  /** Hours to verify; default 2 (seed 001: names verified within two hours). */
  deadlineHours?: number;
  /** The moment the report arrived, from the injected clock. */
  now: Date;
}

/**
 * Raises a lead inside the caller's transaction, or adds a source to the person's open lead so
 * that two reports about one person make one task. Returns the lead's id.
 */
export async function raiseLead(tx: Tx, input: RaiseLead): Promise<{ leadId: string; created: boolean }> {
  // By person or by ID number: a lead raised before the person was registered is theirs too.
  const match = or(
    input.personId ? eq(lead.personId, input.personId) : undefined,
    input.idNumber ? blindMatch(lead.idNumberBidx, 'idNumber', input.idNumber) : undefined,
  );
  // Serialise raises about the same person so two concurrent reports cannot both create a lead.
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${input.personId ?? input.idNumber ?? uuidv7()}))`);
  const [open] = match
    ? await tx
        .select({ id: lead.id })
        .from(lead)
        .where(and(match, eq(lead.status, 'open')))
        .limit(1)
    : [];
  const leadId = open?.id ?? uuidv7();
  if (open && input.personId)
    await tx
      .update(lead)
      .set({ personId: input.personId, regionId: input.regionId, regionPath: input.regionPath })
      .where(and(eq(lead.id, open.id), isNull(lead.personId)));
  if (!open) {
    await tx.insert(lead).values({
      id: leadId,
      personId: input.personId ?? null,
      name: input.name,
      idNumber: input.idNumber ?? null,
      phone: input.phone ?? null,
      regionId: input.regionId,
      regionPath: input.regionPath,
      deadline: new Date(input.now.getTime() + (input.deadlineHours ?? 2) * 3_600_000),
      createdAt: input.now,
    });
  }
  await tx.insert(leadSource).values({
    id: uuidv7(),
    leadId,
    source: input.source,
    sourceRef: input.sourceRef ?? null,
    reasons: input.reasons,
    detail: input.detail ?? null,
    createdAt: input.now,
  });
  if (!open)
    await notifyEvent(tx, {
      type: 'lead.raised',
      regionPath: input.regionPath,
      payload: { leadId, source: input.source, reasons: input.reasons },
    });
  return { leadId, created: !open };
}

/**
 * Closes an open lead as verified into a key-person file, audited, inside the caller's transaction
 * (the lead inbox, and a checkpoint's hold placed at an observation site). A lead no longer open
 * is left as it is; returns whether it was closed here.
 */
export async function markLeadVerified(
  tx: Tx,
  actor: Actor,
  leadId: string,
  to: { personId: string; keyPersonId: string },
  at: Date,
): Promise<boolean> {
  const [closed] = await tx
    .update(lead)
    .set({
      status: 'verified',
      personId: to.personId,
      resolvedAt: at,
      resolvedBy: actor.userId,
      resolution: `keyPerson:${to.keyPersonId}`,
    })
    .where(and(eq(lead.id, leadId), eq(lead.status, 'open')))
    .returning({ regionPath: lead.regionPath });
  if (closed)
    await audit(tx, actor, {
      event: 'lead.verify',
      targetType: 'lead',
      targetId: leadId,
      regionPath: closed.regionPath,
      detail: { keyPersonId: to.keyPersonId },
    });
  return !!closed;
}
