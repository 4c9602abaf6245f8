import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { checkpointSetting, region } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { forbidden, notFound } from '../../http/problem.js';
import { countyPathOf } from '../key-persons/key-persons.policy.js';

export const checkpointSettingsSchema = z
  .object({
    healthCodeRequired: z.boolean().describe('健康码: every occupant\'s health-code colour is recorded'),
    itineraryRequired: z.boolean().describe('行程卡: every occupant\'s itinerary card is recorded'),
    nucleicAcidRequired: z.boolean().describe('核酸: every occupant\'s 48-hour nucleic-acid result is recorded'),
  })
  .meta({ id: 'CheckpointSettings' });
export const updateCheckpointSettingsBody = checkpointSettingsSchema.partial();
type Settings = z.infer<typeof checkpointSettingsSchema>;

const OFF: Settings = { healthCodeRequired: false, itineraryRequired: false, nucleicAcidRequired: false };

/** The county's switches for the occupant checks at its checkpoints. */
export function checkpointSettingsService(db: Db) {
  async function countyOf(actor: Actor) {
    const [county] = await db.select({ id: region.id, path: sql<string>`${region.path}::text` }).from(region).where(sql`${region.path} = ${countyPathOf(actor.scopePath)}::ltree`);
    if (!county) throw notFound();
    return county;
  }

  async function get(actor: Actor): Promise<Settings> {
    const county = await countyOf(actor);
    const [row] = await db.select().from(checkpointSetting).where(eq(checkpointSetting.regionId, county.id));
    return row ? { healthCodeRequired: row.healthCodeRequired, itineraryRequired: row.itineraryRequired, nucleicAcidRequired: row.nucleicAcidRequired } : OFF;
  }

  async function update(actor: Actor, body: Partial<Settings>): Promise<Settings> {
    // The county's switches are set at the county, not by someone scoped to one of its townships.
    if (actor.scopePath !== countyPathOf(actor.scopePath)) throw forbidden();
    const county = await countyOf(actor);
    const next = { ...(await get(actor)), ...body };
    return db.transaction(async (tx) => {
      await tx.insert(checkpointSetting).values({ regionId: county.id, ...next, updatedBy: actor.userId || null })
        .onConflictDoUpdate({ target: checkpointSetting.regionId, set: { ...next, updatedBy: actor.userId || null, updatedAt: new Date() } });
      await audit(tx, actor, { event: 'checkpointSetting.update', targetType: 'region', targetId: county.id, regionPath: county.path, detail: next });
      return next;
    });
  }

  return { get, update };
}
