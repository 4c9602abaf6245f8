import { shanghaiDateOf } from '@fangkong/domain';
import type { Db } from '../src/db/client.js';
import { uuidv7 } from '../src/db/ids.js';
import {
  gathering,
  venue,
  venueOrder,
  stockMovement,
  supplyItem,
  supplyStore,
  attachment,
} from '../src/db/schema/index.js';

import type { RegionRow } from './factories.js';

/** A store of supplies at a region (物资库点), holding `stock` of a county's own item when given. */
export async function buildSupplyStore(
  db: Db,
  at: RegionRow,
  opts: { name?: string; itemId?: string; stock?: number } = {},
) {
  const row = {
    id: uuidv7(),
    kind: 'region' as const,
    regionId: at.id,
    regionPath: at.path,
    name: opts.name ?? `${at.name}物资点`,
  };
  await db.insert(supplyStore).values(row);
  if (opts.itemId && opts.stock)
    await db.insert(stockMovement).values({
      id: uuidv7(),
      storeId: row.id,
      itemId: opts.itemId,
      regionPath: at.path,
      kind: 'receipt',
      quantity: opts.stock,
      recordedAt: new Date(),
    });
  return row;
}

/** An item of the county's own catalogue. */
export async function buildSupplyItem(db: Db, county: RegionRow, name = '医用外科口罩') {
  const row = { id: uuidv7(), regionPath: county.path, name, category: 'protection' as const, unit: 'piece' as const };
  await db.insert(supplyItem).values(row);
  return row;
}

/** A venue of a region (with a phone, so the route walk checks it is masked), and a close order on it from today. */
export async function buildVenue(db: Db, r: RegionRow, name = `${r.name}KTV`, phone = '13812349999') {
  const row = {
    id: uuidv7(),
    regionId: r.id,
    regionPath: r.path,
    type: 'ktv' as const,
    name,
    operator: '经营者',
    phone,
  };
  await db.insert(venue).values(row);
  const order = {
    id: uuidv7(),
    regionId: r.id,
    regionPath: r.path,
    venueId: row.id,
    kind: 'close' as const,
    effectiveFrom: shanghaiDateOf(new Date()),
  };
  await db.insert(venueOrder).values(order);
  return { ...row, orderId: order.id };
}

/** A wedding talked out of (劝停) in a region, settled now. */
export async function buildGathering(db: Db, r: RegionRow, phone = '13812348888') {
  const row = {
    id: uuidv7(),
    regionId: r.id,
    regionPath: r.path,
    kind: 'wedding' as const,
    host: '事主',
    phone,
    date: shanghaiDateOf(new Date()),
    place: r.name,
    tables: 10,
    persons: 100,
    outcome: 'cancelled' as const,
    settledAt: new Date(),
  };
  await db.insert(gathering).values(row);
  return row;
}

/** A photo sent with a tip, kept in the region's scope. */
export async function buildAttachment(db: Db, r: RegionRow) {
  const id = uuidv7();
  const data = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  await db
    .insert(attachment)
    .values({ id, regionPath: r.path, ownerId: uuidv7(), mime: 'image/jpeg', size: data.length, data });
  return id;
}
