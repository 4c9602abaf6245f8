import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { lead, leadSource } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';

/** The resolution of a tip the township found malicious (恶意举报). */
export const MALICIOUS = 'malicious';

/** The township closes an open tip as malicious: dismissed with that reason, audited. */
export async function markMalicious(db: Db, actor: Actor, leadId: string, at: Date) {
  await db.transaction(async (tx) => {
    const [l] = await tx
      .select({ status: lead.status, regionPath: lead.regionPath })
      .from(lead)
      .where(and(eq(lead.id, leadId), inScope(actor, lead.regionPath)))
      .for('update');
    if (!l) throw notFound();
    if (l.status !== 'open') throw conflict('status', 'lead.notOpen');
    const [tip] = await tx
      .select({ id: leadSource.id })
      .from(leadSource)
      .where(and(eq(leadSource.leadId, leadId), eq(leadSource.source, 'tip')))
      .limit(1);
    if (!tip) throw invalid([{ field: 'id', key: 'publicReport.notTip' }]);
    await tx
      .update(lead)
      .set({ status: 'dismissed', resolvedAt: at, resolvedBy: actor.userId, resolution: MALICIOUS })
      .where(eq(lead.id, leadId));
    await audit(tx, actor, {
      event: 'lead.markMalicious',
      targetType: 'lead',
      targetId: leadId,
      regionPath: l.regionPath,
      detail: { reason: MALICIOUS },
    });
  });
}
