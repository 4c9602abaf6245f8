import { sql } from 'drizzle-orm';
import { parentCodeOf, regionLevelOfCode, regionPathLabel, translate } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { region } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { pick, readTable } from '../../files/table-reader.js';
import { selectByCodes } from './regions.queries.js';
import { actorSees } from '../../auth/scope.js';

const CODE = ['code', '代码', '区划代码', '统计用区划代码'];
const NAME = ['name', '名称', '区划名称'];

interface Known {
  id: string;
  path: string;
  name: string;
}
type RowError = { row: number; field: string; message: string };

/**
 * Imports a region tree (code, name) from CSV or xlsx. Parents come from the file or the
 * database; every row is checked first, and nothing is written unless every row is good.
 */
export async function importRegions(db: Db, actor: Actor, body: Buffer, contentType: string) {
  const rows = (await readTable(body, contentType))
    .map((r) => ({ row: r.row, code: pick(r.values, CODE).replace(/\s/g, ''), name: pick(r.values, NAME) }))
    .sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code));
  const errors: RowError[] = [];
  const say = (row: number, field: string, key: string) =>
    errors.push({ row, field, message: translate(actor.locale, key) });

  const existing = new Map<string, Known>(
    (await selectByCodes(db, [...new Set(rows.flatMap((r) => [r.code, parentCodeOf(r.code) ?? '']))])).map((r) => [
      r.code,
      r,
    ]),
  );
  const planned = new Map<string, Known & { level: string; parentId: string | null; isNew: boolean }>();
  for (const r of rows) {
    const level = regionLevelOfCode(r.code);
    if (!level) {
      say(r.row, 'code', 'invalidRegionCode');
      continue;
    }
    if (!r.name) {
      say(r.row, 'name', 'required');
      continue;
    }
    if (planned.has(r.code)) {
      say(r.row, 'code', 'duplicateInFile');
      continue;
    }
    const parentCode = parentCodeOf(r.code);
    const parent = parentCode ? (planned.get(parentCode) ?? existing.get(parentCode)) : undefined;
    if (parentCode && !parent) {
      say(r.row, 'code', 'regionCode.parentMissing');
      continue;
    }
    const path = parent ? `${parent.path}.${regionPathLabel(r.code)}` : regionPathLabel(r.code);
    if (!actorSees(actor, path)) {
      say(r.row, 'code', 'outOfScope');
      continue;
    }
    const before = existing.get(r.code);
    planned.set(r.code, {
      id: before?.id ?? uuidv7(),
      path,
      name: r.name,
      level,
      parentId: parent?.id ?? null,
      isNew: !before,
    });
  }
  if (errors.length) return { created: 0, updated: 0, errors };

  const values = [...planned.entries()].map(([code, p]) => ({
    id: p.id,
    code,
    name: p.name,
    level: p.level as never,
    parentId: p.parentId,
    path: p.path,
  }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 1000) {
      await tx
        .insert(region)
        .values(values.slice(i, i + 1000))
        .onConflictDoUpdate({ target: region.code, set: { name: sql`excluded.name` } });
    }
    await audit(tx, actor, {
      event: 'region.import',
      targetType: 'region',
      regionPath: actor.scopePath,
      detail: { rows: values.length },
    });
  });
  const created = [...planned.values()].filter((p) => p.isNew).length;
  return { created, updated: values.length - created, errors };
}
