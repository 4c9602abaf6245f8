import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { checkpointOccupant, lead, leadSource, visitMember } from '../../db/schema/index.js';
import { notifyEvent } from '../../events/events.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { inScope, isPathWithin, selectRegionInScope } from '../../auth/scope.js';
import { selectPersonInScope } from '../key-persons/key-persons.queries.js';

// A row of an upstream list that matched no one is raised at the importer's region; the township
// places it in a village, links it to the person once registered, or merges it with that person's lead.

type Lead = typeof lead.$inferSelect;

async function openLeadInScope(tx: Tx, actor: Actor, id: string): Promise<Lead> {
  const [row] = await tx
    .select()
    .from(lead)
    .where(and(eq(lead.id, id), inScope(actor, lead.regionPath)))
    .for('update');
  if (!row) throw notFound();
  if (row.status !== 'open') throw conflict('status', 'lead.notOpen');
  return row;
}

/**
 * Moves every source (and what points at the lead) onto `into`, then removes the merged lead: the
 * list rows it carried now read the result of `into`, in the lists and in the 协查反馈表.
 */
async function mergeInto(tx: Tx, from: Lead, into: Lead) {
  await tx.update(leadSource).set({ leadId: into.id }).where(eq(leadSource.leadId, from.id));
  await tx.update(visitMember).set({ leadId: into.id }).where(eq(visitMember.leadId, from.id));
  await tx.update(checkpointOccupant).set({ leadId: into.id }).where(eq(checkpointOccupant.leadId, from.id));
  await tx
    .update(lead)
    .set({
      // The kept lead answers for the merged rows too: what the list said of them stays on the form.
      ...(into.idNumber ? {} : { idNumber: from.idNumber }),
      ...(into.phone ? {} : { phone: from.phone }),
      ...(into.status === 'open'
        ? { deadline: sql`least(${lead.deadline}, ${from.deadline.toISOString()}::timestamptz)` }
        : {}),
    })
    .where(eq(lead.id, into.id));
  await tx.delete(lead).where(eq(lead.id, from.id));
}

export function unmatchedLeads(db: Db) {
  /** Places an unmatched lead in a region below its own (a village), where its inbox shows it. */
  async function place(actor: Actor, id: string, regionId: string) {
    return db.transaction(async (tx) => {
      const l = await openLeadInScope(tx, actor, id);
      if (l.personId) throw conflict('regionId', 'lead.matched');
      const r = await selectRegionInScope(tx, actor, regionId);
      if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
      if (r.path === l.regionPath || !isPathWithin(r.path, l.regionPath))
        throw invalid([{ field: 'regionId', key: 'lead.notBelow' }]);
      await tx.update(lead).set({ regionId: r.id, regionPath: r.path }).where(eq(lead.id, id));
      await notifyEvent(tx, {
        type: 'lead.raised',
        regionPath: r.path,
        payload: { leadId: id, source: 'assistRequest', reasons: ['listed'] },
      });
      await audit(tx, actor, {
        event: 'lead.place',
        targetType: 'lead',
        targetId: id,
        regionPath: r.path,
        detail: { from: l.regionPath, regionId: r.id },
      });
      return id;
    });
  }

  /**
   * Links an unmatched lead to a person registered since: it moves to their village, or, when they
   * already have an open lead, is merged into it (one open lead per person). Returns the lead kept.
   */
  async function link(actor: Actor, id: string, personId: string) {
    return db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${personId}))`);
      const l = await openLeadInScope(tx, actor, id);
      if (l.personId) throw conflict('personId', 'lead.matched');
      const p = await selectPersonInScope(tx, actor, personId);
      if (!p) throw invalid([{ field: 'personId', key: 'notFound' }]);
      const [theirs] = await tx
        .select()
        .from(lead)
        .where(
          and(eq(lead.personId, personId), eq(lead.status, 'open'), ne(lead.id, id), inScope(actor, lead.regionPath)),
        )
        .for('update')
        .limit(1);
      if (theirs) await mergeInto(tx, l, theirs);
      else
        await tx.update(lead).set({ personId, regionId: p.regionId, regionPath: p.regionPath }).where(eq(lead.id, id));
      const kept = theirs?.id ?? id;
      await audit(tx, actor, {
        event: 'lead.link',
        targetType: 'lead',
        targetId: id,
        regionPath: p.regionPath,
        detail: { personId, ...(theirs ? { mergedInto: kept } : {}) },
      });
      return kept;
    });
  }

  /** Merges an unmatched open lead into another lead of the same person (open or already resolved). */
  async function merge(actor: Actor, id: string, intoId: string) {
    if (id === intoId) throw invalid([{ field: 'leadId', key: 'lead.sameLead' }]);
    return db.transaction(async (tx) => {
      const l = await openLeadInScope(tx, actor, id);
      const [into] = await tx
        .select()
        .from(lead)
        .where(and(eq(lead.id, intoId), inScope(actor, lead.regionPath)))
        .for('update');
      if (!into) throw invalid([{ field: 'leadId', key: 'notFound' }]);
      if (l.personId && into.personId && l.personId !== into.personId)
        throw invalid([{ field: 'leadId', key: 'lead.otherPerson' }]);
      await mergeInto(tx, l, into);
      await audit(tx, actor, {
        event: 'lead.merge',
        targetType: 'lead',
        targetId: id,
        regionPath: into.regionPath,
        detail: { mergedInto: into.id },
      });
      return into.id;
    });
  }

  return { place, link, merge };
}
