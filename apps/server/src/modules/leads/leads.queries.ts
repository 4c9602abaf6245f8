import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { blindMatch } from '../../security/personal-data-sql.js';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { lead, leadSource, publicReport, region } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import { seesReporters } from '../public-reports/public-reports.reporter.js';

export const leadOverdue = (at: Date) =>
  and(eq(lead.status, 'open'), sql`${lead.deadline} <= ${at.toISOString()}::timestamptz`);
export const leadMatching = (q: string) =>
  sql`(${lead.name} LIKE ${`%${q}%`} OR ${blindMatch(lead.idNumberBidx, 'idNumber', q)} OR ${blindMatch(lead.phoneBidx, 'phone', q)})`;
export const leadUnmatched = sql`${lead.personId} IS NULL`;

export async function selectLeads(
  tx: Tx,
  actor: Actor,
  at: Date,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(inScope(actor, lead.regionPath), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select({ lead, regionName: region.name, regionLevel: region.level })
      .from(lead)
      .innerJoin(region, eq(region.id, lead.regionId))
      .where(filter)
      .orderBy(asc(lead.deadline), asc(lead.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(lead).where(filter),
  ]);
  const sources = rows.length
    ? await tx
        .select()
        .from(leadSource)
        .where(
          inArray(
            leadSource.leadId,
            rows.map((r) => r.lead.id),
          ),
        )
        .orderBy(asc(leadSource.createdAt), asc(leadSource.id))
    : [];
  const reporters = await selectTipReporters(tx, actor, sources);
  const items = rows.map(({ lead: l, regionName, regionLevel }) => ({
    id: l.id,
    personId: l.personId,
    name: l.name,
    idNumber: l.idNumber ? maskIdNumber(l.idNumber) : null,
    phone: l.phone ? maskPhone(l.phone) : null,
    regionId: l.regionId,
    regionName,
    regionLevel,
    status: l.status,
    deadline: l.deadline.toISOString(),
    overdue: l.status === 'open' && l.deadline <= at,
    escalatedAt: l.escalatedAt?.toISOString() ?? null,
    resolvedAt: l.resolvedAt?.toISOString() ?? null,
    resolution: l.resolution,
    sources: sources
      .filter((s) => s.leadId === l.id)
      .map((s) => ({
        id: s.id,
        source: s.source,
        sourceRef: s.sourceRef,
        reasons: s.reasons,
        detail:
          s.source === 'tip' && s.sourceRef
            ? { ...s.detail, reporter: reporters.get(s.sourceRef) ?? null }
            : (s.detail ?? null),
        createdAt: s.createdAt.toISOString(),
      })),
    createdAt: l.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0 };
}

async function selectTipReporters(tx: Tx, actor: Actor, sources: { source: string; sourceRef: string | null }[]) {
  const refs = sources.filter((s) => s.source === 'tip' && s.sourceRef).map((s) => s.sourceRef!);
  if (!refs.length || !seesReporters(actor)) return new Map<string, { name: string | null; phone: string | null }>();
  const rows = await tx
    .select({ id: publicReport.id, name: publicReport.reporterName, phone: publicReport.reporterPhone })
    .from(publicReport)
    .where(and(inArray(publicReport.id, refs), inScope(actor, publicReport.regionPath)));
  return new Map(
    rows
      .filter((r) => r.name || r.phone)
      .map((r) => [r.id, { name: r.name, phone: r.phone ? maskPhone(r.phone) : null }]),
  );
}
