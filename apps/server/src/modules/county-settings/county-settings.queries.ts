import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { pathAbove, pathUnder } from '../../auth/scope.js';
import {
  DEFAULT_COUNTY_SETTINGS,
  flattenSettings,
  type CountySettingSection,
  type RegionLevel,
} from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { countySetting, countySettingChange, region, users } from '../../db/schema/index.js';

/**
 * THE look-up rule of the county settings, as SQL: for each key of a section, the value of the
 * nearest region at or above `path` that set it (rows: key, value, region_id). Everything that reads
 * a setting goes through here, the TypeScript reader and the SQL writers alike.
 */
const nearestSql = (section: CountySettingSection, path: SQL) => sql`
  SELECT DISTINCT ON (e.key) e.key, e.value, s.region_id
    FROM county_setting s CROSS JOIN LATERAL jsonb_each(s.value) e
   WHERE s.section = ${section} AND ${pathAbove(sql`s.region_path`, path)}
   ORDER BY e.key, nlevel(s.region_path) DESC`;

/**
 * A section's settings in force at `path` as one jsonb of flat keys, the product defaults under
 * the values found: for queries that need a setting inside one statement (e.g. `sql\`kp.region_path\``).
 */
export const settingsInForceSql = (section: CountySettingSection, path: SQL) =>
  sql`(${JSON.stringify(flattenSettings(DEFAULT_COUNTY_SETTINGS[section] as unknown as Record<string, unknown>))}::jsonb
       || (SELECT coalesce(jsonb_object_agg(n.key, n.value), '{}'::jsonb) FROM (${nearestSql(section, path)}) n))`;

export interface FoundSetting {
  key: string;
  value: unknown;
  regionId: string;
  regionName: string;
  level: RegionLevel;
}

/** The values found for a section at `path` (flat keys), each with the region that set it. */
export async function selectFound(tx: Tx, section: CountySettingSection, path: string): Promise<FoundSetting[]> {
  const rows = await tx.execute(sql`
    SELECT n.key, n.value, n.region_id AS "regionId", r.name AS "regionName", r.level
      FROM (${nearestSql(section, sql`${path}::ltree`)}) n JOIN region r ON r.id = n.region_id`);
  return rows.rows as unknown as FoundSetting[];
}

/** The values one region itself sets for a section (flat keys), locked for the change that follows. */
export async function selectOwnForUpdate(
  tx: Tx,
  regionId: string,
  section: CountySettingSection,
): Promise<Record<string, unknown>> {
  const [row] = await tx
    .select({ value: countySetting.value })
    .from(countySetting)
    .where(and(eq(countySetting.regionId, regionId), eq(countySetting.section, section)))
    .for('update');
  return row?.value ?? {};
}

/** Stores a region's own values for a section (none left: the row goes) and the change's history row. */
export async function writeOwn(
  tx: Tx,
  change: {
    id: string;
    region: { id: string; path: string };
    section: CountySettingSection;
    old: Record<string, unknown>;
    next: Record<string, unknown>;
    by: string | null;
    at: Date;
  },
) {
  const { region: r, section, next, by, at } = change;
  if (Object.keys(next).length === 0) {
    await tx.delete(countySetting).where(and(eq(countySetting.regionId, r.id), eq(countySetting.section, section)));
  } else {
    await tx
      .insert(countySetting)
      .values({ regionId: r.id, regionPath: r.path, section, value: next, updatedBy: by, updatedAt: at })
      .onConflictDoUpdate({
        target: [countySetting.regionId, countySetting.section],
        set: { value: next, updatedBy: by, updatedAt: at },
      });
  }
  await tx.insert(countySettingChange).values({
    id: change.id,
    regionId: r.id,
    regionPath: r.path,
    section,
    oldValue: change.old,
    newValue: next,
    changedBy: by,
    changedAt: at,
  });
}

/** When a county last changed any of its settings (the setup checklist's "settings reviewed"). */
export async function selectLastChange(tx: Tx, countyPath: string): Promise<Date | null> {
  const [row] = await tx
    .select({ at: sql<Date | null>`max(${countySetting.updatedAt})` })
    .from(countySetting)
    .where(pathUnder(countySetting.regionPath, countyPath));
  return row?.at ? new Date(row.at) : null;
}

/** A page of the history, newest first, limited by `where` (the caller's scope and filters). */
export async function selectChanges(tx: Tx, where: SQL | undefined, page: number, pageSize: number) {
  const [items, [count]] = await Promise.all([
    tx
      .select({
        id: countySettingChange.id,
        regionId: countySettingChange.regionId,
        regionName: region.name,
        level: region.level,
        section: countySettingChange.section,
        oldValue: countySettingChange.oldValue,
        newValue: countySettingChange.newValue,
        changedByName: users.displayName,
        changedAt: countySettingChange.changedAt,
      })
      .from(countySettingChange)
      .innerJoin(region, eq(region.id, countySettingChange.regionId))
      .leftJoin(users, eq(users.id, countySettingChange.changedBy))
      .where(where)
      .orderBy(desc(countySettingChange.changedAt), desc(countySettingChange.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(countySettingChange).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export const changeTable = countySettingChange;
