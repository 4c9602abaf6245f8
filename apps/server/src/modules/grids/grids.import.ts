import { and, eq, inArray, isNull } from 'drizzle-orm';
import { translate } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { grid, household } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { notFound, invalid } from '../../http/problem.js';
import { pick, readTable } from '../../files/table-reader.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import { selectHouseholdsOfVillage } from './grids.queries.js';
import { assignToGrid } from './grids.service.js';

const ADDRESS = ['住址', '地址', '家庭住址', 'address'];
const GRID = ['网格', '网格名称', '所属网格', 'grid'];

/**
 * Assigns a village's households to its grids from a file (住址, 网格): every row is checked first and
 * nothing is written unless every row is good.
 */
export async function importGridAssignments(
  db: Db,
  actor: Actor,
  villageId: string,
  move: boolean,
  body: Buffer,
  contentType: string,
  at: Date,
) {
  const village = await selectRegionInScope(db, actor, villageId);
  if (!village) throw notFound();
  if (village.level !== 'village') throw invalid([{ field: 'regionId', key: 'grid.notVillage' }]);
  const rows = (await readTable(body, contentType)).map((r) => ({
    row: r.row,
    address: pick(r.values, ADDRESS).trim(),
    gridName: pick(r.values, GRID).trim(),
  }));
  const grids = new Map(
    (
      await db
        .select({ id: grid.id, name: grid.name })
        .from(grid)
        .where(and(eq(grid.regionId, village.id), isNull(grid.retiredAt)))
    ).map((g) => [g.name, g]),
  );
  const addresses = [...new Set(rows.map((r) => r.address).filter(Boolean))];
  const households = addresses.length
    ? await selectHouseholdsOfVillage(db, village.path, inArray(household.address, addresses))
    : [];
  const byAddress = new Map<string, typeof households>();
  for (const h of households) byAddress.set(h.address, [...(byAddress.get(h.address) ?? []), h]);

  const errors: { row: number; field: string; message: string }[] = [];
  const say = (row: number, field: string, key: string, params?: Record<string, string>) =>
    errors.push({ row, field, message: translate(actor.locale, key, params) });
  const seen = new Set<string>();
  const plan = new Map<
    string,
    {
      grid: { id: string; name: string };
      found: { id: string; gridId: string | null; gridName: string | null; row: number }[];
    }
  >();
  for (const r of rows) {
    if (!r.address) {
      say(r.row, 'address', 'required');
      continue;
    }
    if (!r.gridName) {
      say(r.row, 'grid', 'required');
      continue;
    }
    if (seen.has(r.address)) {
      say(r.row, 'address', 'duplicateInFile');
      continue;
    }
    seen.add(r.address);
    const g = grids.get(r.gridName);
    if (!g) {
      say(r.row, 'grid', 'user.unknownGrid');
      continue;
    }
    const found = byAddress.get(r.address);
    if (!found) {
      say(r.row, 'address', 'grid.noHouseholds');
      continue;
    }
    const elsewhere = found.find((h) => h.gridId && h.gridId !== g.id);
    if (elsewhere && !move) {
      say(r.row, 'address', 'grid.inOtherGrid', { grid: elsewhere.gridName ?? '' });
      continue;
    }
    const entry = plan.get(g.id) ?? { grid: g, found: [] };
    entry.found.push(...found.map((h) => ({ ...h, row: r.row })));
    plan.set(g.id, entry);
  }
  if (errors.length) return { assigned: 0, errors };
  return db.transaction(async (tx) => {
    let assigned = 0;
    for (const { grid: g, found } of plan.values())
      assigned += (await assignToGrid(tx, actor, { ...g, regionPath: village.path }, found, true, at)).assigned;
    return { assigned, errors: [] };
  });
}
