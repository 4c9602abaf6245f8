import { inArray, sql } from 'drizzle-orm';
import { shanghaiDateTimeOf } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { region } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { notFound } from '../../http/problem.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import { supervisionService } from './supervision.service.js';
import { circularDocx, findingsLedgerXlsx, type LedgerFinding } from './supervision.documents.js';
import type { FindingExportQuery } from './supervision.schemas.js';

/** A ledger or circular holds at most this many findings (a county's round has far fewer). */
const MAX_ROWS = 5000;

/** The findings ledger (.xlsx) and the circular (.docx) of the findings a list query selects, audited. */
export function supervisionExportsService(db: Db, now: () => Date) {
  const service = supervisionService(db, now);

  /** The region the document is about (404 outside the scope) and its findings, by township. */
  async function gather(actor: Actor, q: FindingExportQuery) {
    const [place] = q.regionId
      ? [await selectRegionInScope(db, actor, q.regionId)]
      : await db
          .select({ id: region.id, name: region.name, path: region.path })
          .from(region)
          .where(sql`${region.path} = ${actor.scopePath}::ltree`);
    if (!place) throw notFound();
    const { items } = await service.listFindings(actor, { ...q, page: 1, pageSize: MAX_ROWS });
    const townPath = (path: string) => path.split('.').slice(0, 2).join('.');
    const paths = [...new Set(items.map((f) => townPath(f.regionPath)))];
    const towns = new Map(
      paths.length
        ? (
            await db
              .select({ path: sql<string>`${region.path}::text`, name: region.name })
              .from(region)
              .where(inArray(sql`${region.path}::text`, paths))
          ).map((t) => [t.path, t.name])
        : [],
    );
    const rows: LedgerFinding[] = items
      .map((f) => ({ ...f, townshipName: towns.get(townPath(f.regionPath)) ?? f.regionName }))
      .sort((a, b) => a.townshipName.localeCompare(b.townshipName, 'zh-CN') || a.deadline.localeCompare(b.deadline));
    return { place, rows };
  }

  const period = (actor: Actor, q: FindingExportQuery) => {
    if (!q.createdFrom && !q.createdTo) return null;
    const from = q.createdFrom ? shanghaiDateTimeOf(q.createdFrom) : '';
    const to = q.createdTo ? shanghaiDateTimeOf(q.createdTo) : '';
    return actor.locale === 'en-US' ? `Found ${from} – ${to} (UTC+8)` : `（问题发现时间：${from}至${to}）`;
  };

  async function ledger(actor: Actor, q: FindingExportQuery) {
    const at = now();
    const { place, rows } = await gather(actor, q);
    const title = actor.locale === 'en-US' ? `${place.name} findings ledger` : `${place.name}督查整改台账`;
    const file = await findingsLedgerXlsx(rows, title, actor, at);
    await audit(db, actor, {
      event: 'finding.export',
      targetType: 'finding',
      regionPath: place.path,
      detail: { format: 'xlsx', rows: rows.length, query: q },
    });
    return { file, name: `${title}.xlsx` };
  }

  async function circular(actor: Actor, q: FindingExportQuery) {
    const at = now();
    const { place, rows } = await gather(actor, q);
    const { total: inspections } = await service.listInspections(actor, {
      regionId: q.regionId,
      inspectedFrom: q.createdFrom,
      inspectedTo: q.createdTo,
      page: 1,
      pageSize: 1,
    });
    const file = await circularDocx(rows, { regionName: place.name, period: period(actor, q), inspections, actor, at });
    await audit(db, actor, {
      event: 'supervisionCircular.export',
      targetType: 'finding',
      regionPath: place.path,
      detail: { format: 'docx', rows: rows.length, query: q },
    });
    const name = actor.locale === 'en-US' ? `${place.name} supervision circular` : `${place.name}督查通报`;
    return { file, name: `${name}.docx` };
  }

  return { ledger, circular };
}
