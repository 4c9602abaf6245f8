import { sql } from 'drizzle-orm';
import { decryptOrNull } from '../../security/personal-data-crypto.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { inScope } from '../../auth/scope.js';

// 协查名单: the lists an issuer (县卫健局, 县公安局…) sent down, read back from their rows' lead
// sources — each row of an imported list is one source with the list's id as its reference.

/** The lists with rows in the caller's scope (or the one asked for), newest first, with how far their verification is. */
export async function selectLeadLists(tx: Tx, actor: Actor, at: Date, listId?: string) {
  const { rows } = await tx.execute(sql`
    SELECT s.source_ref AS "listId", min(s.detail->>'issuer') AS issuer, string_agg(DISTINCT s.detail->>'batch', '、') AS batch,
           min(s.detail->>'deadline') AS deadline,
           min(s.created_at) AS "importedAt", count(*)::int AS rows,
           count(*) FILTER (WHERE l.status = 'verified')::int AS verified,
           count(*) FILTER (WHERE l.status = 'dismissed')::int AS dismissed,
           count(*) FILTER (WHERE l.status = 'open')::int AS open,
           count(*) FILTER (WHERE l.status = 'open' AND l.person_id IS NULL)::int AS unmatched,
           count(*) FILTER (WHERE l.status = 'open' AND l.deadline <= ${at.toISOString()}::timestamptz)::int AS overdue
      FROM lead_source s JOIN lead l ON l.id = s.lead_id
     WHERE s.source = 'assistRequest' AND s.source_ref IS NOT NULL AND ${inScope(actor, sql`l.region_path`)}
       ${listId ? sql`AND s.source_ref = ${listId}` : sql``}
     GROUP BY s.source_ref
     ORDER BY min(s.created_at) DESC, s.source_ref::text DESC -- lists imported at one instant: the later id (UUIDv7) first
     LIMIT 100`);
  return (
    rows as {
      listId: string;
      issuer: string;
      batch: string | null;
      deadline: string | null;
      importedAt: string | Date;
      rows: number;
      verified: number;
      dismissed: number;
      open: number;
      unmatched: number;
      overdue: number;
    }[]
  ).map((r) => ({
    ...r,
    importedAt: new Date(r.importedAt).toISOString(),
    deadline: r.deadline ? new Date(r.deadline).toISOString() : null,
  }));
}

export interface FeedbackRow {
  row: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  batch: string | null;
  status: 'open' | 'verified' | 'dismissed';
  overdue: boolean;
  regionName: string;
  resolvedAt: Date | null;
  resolvedBy: string | null;
  dismissReason: string | null;
  category: string | null;
  measure: string | null;
}

/** Every row of one list in the caller's scope, in the list's order, with what became of it. */
export async function selectFeedbackRows(tx: Tx, actor: Actor, listId: string, at: Date): Promise<FeedbackRow[]> {
  const { rows } = await tx.execute(sql`
    SELECT (s.detail->>'row')::int AS row, l.name, l.id_number AS "idNumber", l.phone, s.detail->>'address' AS address, s.detail->>'batch' AS batch,
           l.status, (l.status = 'open' AND l.deadline <= ${at.toISOString()}::timestamptz) AS overdue, r.name AS "regionName",
           l.resolved_at AS "resolvedAt", u.display_name AS "resolvedBy",
           CASE WHEN l.status = 'dismissed' THEN l.resolution END AS "dismissReason", k.category, k.measure
      FROM lead_source s
      JOIN lead l ON l.id = s.lead_id
      JOIN region r ON r.id = l.region_id
      LEFT JOIN app_user u ON u.id = l.resolved_by
      LEFT JOIN key_person k ON k.lead_id = l.id
     WHERE s.source = 'assistRequest' AND s.source_ref = ${listId} AND ${inScope(actor, sql`l.region_path`)}
     ORDER BY 1`);
  return (rows as (Omit<FeedbackRow, 'resolvedAt'> & { resolvedAt: string | Date | null })[]).map((r) => ({
    ...r,
    idNumber: decryptOrNull('idNumber', r.idNumber),
    phone: decryptOrNull('phone', r.phone),
    resolvedAt: r.resolvedAt ? new Date(r.resolvedAt) : null,
  }));
}
