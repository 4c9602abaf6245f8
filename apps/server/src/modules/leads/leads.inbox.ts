import { and, asc, eq } from 'drizzle-orm';
import { withinWindow } from '../../http/time-window.js';
import { regionFilterPath } from '../regions/region-scope.js';
import type { KeyPersonSource } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { lead, leadSource } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { conflict, invalid, notFound } from '../../http/problem.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { openKeyPerson } from '../key-persons/key-persons.open.js';
import { settingsFor } from '../county-settings/index.js';
import { selectPersonInScope } from '../key-persons/key-persons.queries.js';
import { leadMatching, leadOverdue, leadUnmatched, selectLeads } from './leads.queries.js';
import { selectFeedbackRows, selectLeadLists } from './leads.lists.js';
import { feedbackXlsx } from './leads.feedback.js';
import { markLeadVerified } from './leads.service.js';
import type { ListLeadsQuery, VerifyLeadBody } from './leads.schemas.js';

/** The lead inbox: list with deadlines and sources, verify into a key person, dismiss with a reason. */
export function leadsService(db: Db, now: () => Date) {
  const list = async (actor: Actor, q: ListLeadsQuery) => {
    const at = now();
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    return selectLeads(
      db,
      actor,
      at,
      and(
        below ? pathUnder(lead.regionPath, below) : undefined,
        withinWindow(lead.createdAt, q.createdFrom, q.createdTo),
        withinWindow(lead.resolvedAt, q.resolvedFrom, q.resolvedTo),
        q.status ? eq(lead.status, q.status) : undefined,
        q.overdue === 'true' ? leadOverdue(at) : undefined,
        q.unmatched === 'true' ? leadUnmatched : undefined,
        q.q ? leadMatching(q.q) : undefined,
      ),
      q,
    );
  };

  async function get(actor: Actor, id: string) {
    const found = (await selectLeads(db, actor, now(), eq(lead.id, id), { page: 1, pageSize: 1 })).items[0];
    if (!found) throw notFound();
    return found;
  }

  /** Locks the open lead in scope for the change, or fails. */
  async function openLead(tx: Parameters<Parameters<Db['transaction']>[0]>[0], actor: Actor, id: string) {
    const [row] = await tx
      .select()
      .from(lead)
      .where(and(eq(lead.id, id), inScope(actor, lead.regionPath)))
      .for('update');
    if (!row) throw notFound();
    if (row.status !== 'open') throw conflict('status', 'lead.notOpen');
    return row;
  }

  async function verify(actor: Actor, id: string, body: VerifyLeadBody) {
    await get(actor, id);
    const at = now();
    return db.transaction(async (tx) => {
      const l = await openLead(tx, actor, id);
      const personId = l.personId ?? body.personId;
      if (!personId) throw invalid([{ field: 'personId', key: 'required' }]);
      const p = await selectPersonInScope(tx, actor, personId);
      if (!p) throw invalid([{ field: 'personId', key: 'notFound' }]);
      const [first] = await tx
        .select({ source: leadSource.source })
        .from(leadSource)
        .where(eq(leadSource.leadId, id))
        .orderBy(asc(leadSource.createdAt))
        .limit(1);
      const policy = await settingsFor(tx, 'policy', p.regionPath);
      const kp = await openKeyPerson(tx, actor, policy, {
        id: body.keyPersonId,
        personId,
        category: body.category,
        measure: body.measure,
        startDate: body.startDate,
        plannedEndDate: body.plannedEndDate,
        source: (first?.source ?? 'other') as KeyPersonSource,
        regionId: p.regionId,
        regionPath: p.regionPath,
        leadId: id,
        at,
      });
      await markLeadVerified(tx, actor, id, { personId, keyPersonId: kp.id }, at);
      return { leadId: id, keyPersonId: kp.id };
    });
  }

  async function dismiss(actor: Actor, id: string, reason: string) {
    await get(actor, id);
    await db.transaction(async (tx) => {
      const l = await openLead(tx, actor, id);
      await tx
        .update(lead)
        .set({ status: 'dismissed', resolvedAt: now(), resolvedBy: actor.userId, resolution: reason })
        .where(eq(lead.id, id));
      await audit(tx, actor, {
        event: 'lead.dismiss',
        targetType: 'lead',
        targetId: id,
        regionPath: l.regionPath,
        detail: { reason },
      });
    });
    return get(actor, id);
  }

  const lists = async (actor: Actor) => ({ items: await selectLeadLists(db, actor, now()) });

  /** 协查反馈表 of one list: its rows in scope with their results, unmasked for the issuer (audited). */
  async function feedback(actor: Actor, listId: string) {
    const at = now();
    const [list] = await selectLeadLists(db, actor, at, listId);
    const rows = list ? await selectFeedbackRows(db, actor, listId, at) : [];
    if (!list || !rows.length) throw notFound();
    await audit(db, actor, {
      event: 'lead.feedbackExport',
      targetType: 'assistRequest',
      targetId: listId,
      detail: { issuer: list.issuer, rows: rows.length },
    });
    return {
      name: `协查反馈表-${list.issuer}${list.batch ? `-${list.batch}` : ''}.xlsx`,
      file: await feedbackXlsx(list, rows, actor.displayName, at),
    };
  }

  return { list, get, verify, dismiss, lists, feedback };
}
