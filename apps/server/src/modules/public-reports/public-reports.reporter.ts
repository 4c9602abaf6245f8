import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { lead, leadSource, publicReport } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { notFound } from '../../http/problem.js';

/** The township and above see who sent a tip; to a village or grid account it does not exist. */
export const seesReporters = (actor: Pick<Actor, 'scopePath'>) => actor.scopePath.split('.').length <= 2;

/** 举报人: the named reporter of a tip in full, to call them back; audited. */
export async function viewReporter(db: Db, actor: Actor, leadId: string) {
  if (!seesReporters(actor)) throw notFound();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ name: publicReport.reporterName, phone: publicReport.reporterPhone, regionPath: lead.regionPath })
      .from(lead)
      .innerJoin(leadSource, and(eq(leadSource.leadId, lead.id), eq(leadSource.source, 'tip')))
      .innerJoin(publicReport, eq(publicReport.id, leadSource.sourceRef))
      .where(and(eq(lead.id, leadId), inScope(actor, lead.regionPath), isNotNull(publicReport.reporterPhone)))
      .limit(1);
    if (!row) throw notFound();
    await audit(tx, actor, {
      event: 'lead.reporterView',
      targetType: 'lead',
      targetId: leadId,
      regionPath: row.regionPath,
    });
    return { name: row.name, phone: row.phone! };
  });
}
