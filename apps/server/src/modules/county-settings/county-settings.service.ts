import { and, eq } from 'drizzle-orm';
import {
  completeSettings,
  flattenSettings,
  slotWindowsError,
  type CountySettings,
  type CountySettingSection,
  type SlotWindows,
} from '@fangkong/domain';
import type { Db, Tx } from '../../db/client.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { pathRelated, relatedToScope, selectRegionInScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { forbidden, invalid, notFound } from '../../http/problem.js';
import { countyPathOf } from '../regions/region-scope.js';
import { changeTable, selectChanges, selectFound, selectOwnForUpdate, writeOwn } from './county-settings.queries.js';
import type { UpdateSettingsBody } from './county-settings.schemas.js';

/**
 * The settings of a section that apply to records under `regionPath`: per key, the nearest region
 * at or above it that set the key (a village inherits its township's override, a township its
 * county's), else the product default. What every other module calls.
 */
export async function settingsFor<S extends CountySettingSection>(
  tx: Tx,
  section: S,
  regionPath: string,
): Promise<CountySettings[S]> {
  const found = await selectFound(tx, section, regionPath);
  return completeSettings(section, Object.fromEntries(found.map((f) => [f.key, f.value])));
}

async function inForce<S extends CountySettingSection>(tx: Tx, section: S, regionPath: string) {
  const found = await selectFound(tx, section, regionPath);
  const values = completeSettings(section, Object.fromEntries(found.map((f) => [f.key, f.value])));
  const source: Record<
    string,
    { regionId: string; regionName: string; level: (typeof found)[number]['level'] } | null
  > = Object.fromEntries(
    Object.keys(flattenSettings(values as unknown as Record<string, unknown>)).map((k) => [k, null]),
  );
  for (const f of found) source[f.key] = { regionId: f.regionId, regionName: f.regionName, level: f.level };
  return { values, source };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** The keys whose value differs, in name order. */
const changedKeys = (old: Record<string, unknown>, next: Record<string, unknown>) =>
  [...new Set([...Object.keys(old), ...Object.keys(next)])].filter((k) => !same(old[k], next[k])).sort();

/** 县级设置: read the settings in force at a region, change a region's own values (county users only), read the history. */
export function countySettingsService(db: Db, now: () => Date) {
  async function regionOf(tx: Tx, actor: Actor, regionId: string | undefined) {
    const r = await selectRegionInScope(tx, actor, regionId ?? actor.regionId);
    if (!r) throw notFound();
    return r;
  }

  async function get(actor: Actor, regionId?: string) {
    const r = await regionOf(db, actor, regionId);
    const [policy, report, checkpoint] = await Promise.all([
      inForce(db, 'policy', r.path),
      inForce(db, 'report', r.path),
      inForce(db, 'checkpoint', r.path),
    ]);
    return { region: { id: r.id, name: r.name, level: r.level }, policy, report, checkpoint };
  }

  /**
   * Sets (or, with null, stops setting) a region's own values of one section. The county decides
   * its settings, also the overrides of its townships and villages: only county-level users write.
   */
  async function update<S extends CountySettingSection>(
    actor: Actor,
    section: S,
    regionId: string | undefined,
    body: UpdateSettingsBody,
  ) {
    if (actor.scopePath !== countyPathOf(actor.scopePath)) throw forbidden();
    const slotWindows = (body as { slotWindows?: SlotWindows | null }).slotWindows;
    if (slotWindows) {
      const error = slotWindowsError(slotWindows);
      if (error) throw invalid([{ field: 'slotWindows', key: error }]);
    }
    const r = await regionOf(db, actor, regionId);
    await db.transaction(async (tx) => {
      const old = await selectOwnForUpdate(tx, r.id, section);
      const next = { ...old };
      for (const [key, value] of Object.entries(flattenSettings(body as Record<string, unknown>))) {
        if (value === null || value === undefined) delete next[key];
        else next[key] = value;
      }
      if (same(old, next)) return;
      const id = uuidv7();
      const changed = changedKeys(old, next);
      await writeOwn(tx, { id, region: r, section, old, next, by: actor.userId || null, at: now() });
      await audit(tx, actor, {
        event: 'countySetting.update',
        targetType: 'countySettingChange',
        targetId: id,
        regionPath: r.path,
        detail: {
          section,
          regionId: r.id,
          changes: changed.map((key) => ({ key, old: old[key] ?? null, new: next[key] ?? null })),
        },
      });
    });
    return inForce(db, section, r.path);
  }

  /** Changes at the regions that shape the actor's settings (above) and those inside their scope. */
  async function history(
    actor: Actor,
    q: { regionId?: string; section?: CountySettingSection; page: number; pageSize: number },
  ) {
    const target = q.regionId ? await selectRegionInScope(db, actor, q.regionId) : undefined;
    if (q.regionId && !target) return { items: [], total: 0 };
    const path = changeTable.regionPath;
    const where = and(
      relatedToScope(actor, path),
      target ? pathRelated(path, target.path) : undefined,
      q.section ? eq(changeTable.section, q.section) : undefined,
    );
    const { items, total } = await selectChanges(db, where, q.page, q.pageSize);
    return {
      total,
      items: items.map(({ oldValue, newValue, changedAt, ...c }) => ({
        ...c,
        changedAt: changedAt.toISOString(),
        changes: changedKeys(oldValue, newValue).map((key) => ({
          key,
          old: oldValue[key] ?? null,
          new: newValue[key] ?? null,
        })),
      })),
    };
  }

  return { get, update, history };
}
