import { and, eq, sql } from 'drizzle-orm';
import { daysOfCover, COVER_WINDOW_DAYS } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import {
  checkpoint,
  observationSite,
  region,
  stockMovement,
  supplyItem,
  supplySetting,
  supplyStore,
} from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { conflict, forbidden, invalid, notFound } from '../../http/problem.js';
import { countyPathOf } from '../regions/region-scope.js';
import { selectRegionInScope } from '../regions/region-scope.js';
import type {
  UpdateSupplySettingsBody,
  CreateSupplyItemBody,
  CreateSupplyStoreBody,
  ListMovementsQuery,
  ListSupplyStoresQuery,
  RecordMovementBody,
  StockLineDto,
  UpdateSupplyItemBody,
} from './supplies.schemas.js';
import {
  selectLowCoverDays,
  ensureDefaultItems,
  lockStores,
  selectItems,
  selectMovements,
  selectStock,
  selectStockLines,
  selectStoreRef,
  selectStores,
} from './supplies.queries.js';

/** 物资保障: the county's catalogue, stores and their stock (the sum of their movements), days of cover. */
export function suppliesService(db: Db, now: () => Date) {
  const lowCoverDays = (actor: Actor) => selectLowCoverDays(db, countyPathOf(actor.scopePath));

  async function getSettings(actor: Actor) {
    return { lowCoverDays: await lowCoverDays(actor) };
  }

  async function updateSettings(actor: Actor, body: UpdateSupplySettingsBody) {
    assertCounty(actor);
    const [county] = await db
      .select({ id: region.id })
      .from(region)
      .where(sql`${region.path} = ${actor.scopePath}::ltree`);
    if (!county) throw notFound();
    await db.transaction(async (tx) => {
      await tx
        .insert(supplySetting)
        .values({ regionId: county.id, lowCoverDays: body.lowCoverDays, updatedBy: actor.userId || null })
        .onConflictDoUpdate({
          target: supplySetting.regionId,
          set: { lowCoverDays: body.lowCoverDays, updatedBy: actor.userId || null, updatedAt: now() },
        });
      await audit(tx, actor, {
        event: 'supplySetting.update',
        targetType: 'region',
        targetId: county.id,
        regionPath: actor.scopePath,
        detail: { ...body },
      });
    });
    return getSettings(actor);
  }

  async function listItems(actor: Actor) {
    const county = countyPathOf(actor.scopePath);
    await ensureDefaultItems(db, county);
    const items = await selectItems(db, county);
    return { items, total: items.length };
  }

  function assertCounty(actor: Actor) {
    // The catalogue is the county's: someone scoped to one township does not change it for all.
    if (actor.scopePath !== countyPathOf(actor.scopePath)) throw forbidden();
  }

  async function createItem(actor: Actor, body: CreateSupplyItemBody) {
    assertCounty(actor);
    const id = uuidv7();
    await db.transaction(async (tx) => {
      await tx
        .insert(supplyItem)
        .values({ id, regionPath: actor.scopePath, name: body.name, category: body.category, unit: body.unit });
      await audit(tx, actor, {
        event: 'supplyItem.create',
        targetType: 'supplyItem',
        targetId: id,
        regionPath: actor.scopePath,
        detail: { ...body },
      });
    });
    return (await selectItems(db, actor.scopePath, eq(supplyItem.id, id)))[0]!;
  }

  async function updateItem(actor: Actor, id: string, body: UpdateSupplyItemBody) {
    assertCounty(actor);
    const [found] = await selectItems(db, actor.scopePath, eq(supplyItem.id, id));
    if (!found) throw notFound();
    await db.transaction(async (tx) => {
      await tx.update(supplyItem).set(body).where(eq(supplyItem.id, id));
      await audit(tx, actor, {
        event: 'supplyItem.update',
        targetType: 'supplyItem',
        targetId: id,
        regionPath: actor.scopePath,
        detail: { ...body },
      });
    });
    return (await selectItems(db, actor.scopePath, eq(supplyItem.id, id)))[0]!;
  }

  async function listStores(actor: Actor, q: ListSupplyStoresQuery) {
    let below;
    if (q.regionId) {
      const r = await selectRegionInScope(db, actor, q.regionId);
      if (!r) return { items: [], total: 0 };
      below = pathUnder(supplyStore.regionPath, r.path);
    }
    return selectStores(db, actor, below, q, now(), await lowCoverDays(actor), q.short === 'true');
  }

  async function getStore(actor: Actor, id: string) {
    const found = (
      await selectStores(db, actor, eq(supplyStore.id, id), { page: 1, pageSize: 1 }, now(), await lowCoverDays(actor))
    ).items[0];
    if (!found) throw notFound();
    return found;
  }

  /** Where a new store hangs: a region (county, township, village), a checkpoint or an observation site in scope. */
  async function placeOf(actor: Actor, body: CreateSupplyStoreBody) {
    const given = [body.regionId, body.checkpointId, body.observationSiteId].filter(Boolean).length;
    if (given !== 1) throw invalid([{ field: 'regionId', key: 'supply.attachOne' }]);
    if (body.regionId) {
      const r = await selectRegionInScope(db, actor, body.regionId);
      if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
      if (r.level === 'group') throw invalid([{ field: 'regionId', key: 'supply.attachOne' }]);
      return { kind: 'region' as const, regionId: r.id, regionPath: r.path };
    }
    if (body.checkpointId) {
      const [c] = await db
        .select({ regionId: checkpoint.regionId, regionPath: checkpoint.regionPath })
        .from(checkpoint)
        .where(and(eq(checkpoint.id, body.checkpointId), inScope(actor, checkpoint.regionPath)));
      if (!c) throw invalid([{ field: 'checkpointId', key: 'notFound' }]);
      return { kind: 'checkpoint' as const, checkpointId: body.checkpointId, ...c };
    }
    const [s] = await db
      .select({ regionId: observationSite.regionId, regionPath: observationSite.regionPath })
      .from(observationSite)
      .where(and(eq(observationSite.id, body.observationSiteId!), inScope(actor, observationSite.regionPath)));
    if (!s) throw invalid([{ field: 'observationSiteId', key: 'notFound' }]);
    return { kind: 'observationSite' as const, observationSiteId: body.observationSiteId!, ...s };
  }

  async function createStore(actor: Actor, body: CreateSupplyStoreBody) {
    const place = await placeOf(actor, body);
    const id = body.id ?? uuidv7();
    const created = await db.transaction(async (tx) => {
      const rows = await tx
        .insert(supplyStore)
        .values({ id, name: body.name, ...place })
        .onConflictDoNothing()
        .returning({ id: supplyStore.id });
      if (!rows.length) return false;
      await audit(tx, actor, {
        event: 'supplyStore.create',
        targetType: 'supplyStore',
        targetId: id,
        regionPath: place.regionPath,
        detail: { name: body.name, kind: place.kind },
      });
      return true;
    });
    const found = (
      await selectStores(db, actor, eq(supplyStore.id, id), { page: 1, pageSize: 1 }, now(), await lowCoverDays(actor))
    ).items[0];
    // A second store for the same checkpoint or site, or another record's id.
    if (!found)
      throw conflict(body.checkpointId ? 'checkpointId' : body.observationSiteId ? 'observationSiteId' : 'id');
    return { store: found, created };
  }

  /** Every active item of the county with the store's stock, its use over the window and days of cover. */
  async function stock(actor: Actor, id: string) {
    const store = await getStore(actor, id);
    const county = countyPathOf(store.regionPath);
    await ensureDefaultItems(db, county);
    const [items, byItem, low] = await Promise.all([
      selectItems(db, county),
      selectStockLines(db, id, now()),
      selectLowCoverDays(db, county),
    ]);
    const lines: StockLineDto[] = items
      .filter((i) => i.active || byItem.has(i.id))
      .map((i) => {
        const { stock: held, issued } = byItem.get(i.id) ?? { stock: 0, issued: 0 };
        const cover = daysOfCover(held, issued);
        return {
          itemId: i.id,
          key: i.key,
          name: i.name,
          unit: i.unit,
          stock: held,
          issuedLast7Days: issued,
          averageDailyIssue: Math.round((issued / COVER_WINDOW_DAYS) * 10) / 10,
          daysOfCover: cover,
          short: issued > 0 && held * COVER_WINDOW_DAYS < low * issued,
        };
      });
    return { store, lowCoverDays: low, lines };
  }

  /**
   * Records a receipt, an issue, a transfer or a count. The store (and a transfer's other store) is
   * locked for the transaction, so two issues at once cannot both take the last boxes: stock never
   * goes below zero. A replay of the same id changes nothing.
   */
  async function recordMovement(actor: Actor, storeId: string, body: RecordMovementBody) {
    const store = await selectStoreRef(db, actor, storeId);
    if (!store) throw notFound();
    const id = body.id ?? uuidv7();
    const at = now();
    await db.transaction(async (tx) => {
      const [replayed] = await tx
        .select({ storeId: stockMovement.storeId })
        .from(stockMovement)
        .where(eq(stockMovement.id, id));
      if (replayed) {
        if (replayed.storeId !== storeId) throw conflict('id');
        return;
      }
      const [item] = await selectItems(tx, countyPathOf(store.regionPath), eq(supplyItem.id, body.itemId));
      if (!item) throw invalid([{ field: 'itemId', key: 'notFound' }]);
      let to: { id: string; regionPath: string; name: string } | undefined;
      if (body.kind === 'transfer') {
        to = await selectStoreRef(tx, actor, body.toStoreId!);
        if (!to) throw invalid([{ field: 'toStoreId', key: 'notFound' }]);
        if (to.id === storeId) throw invalid([{ field: 'toStoreId', key: 'supply.sameStore' }]);
      }
      await lockStores(tx, to ? [storeId, to.id] : [storeId]);
      const held = await selectStock(tx, storeId, body.itemId);
      const base = { itemId: body.itemId, reason: body.reason, recordedAt: at, recordedBy: actor.userId || null };
      if ((body.kind === 'issue' || body.kind === 'transfer') && body.quantity > held)
        throw invalid([{ field: 'quantity', key: 'supply.insufficientStock', params: { stock: held } }]);
      if (body.kind === 'receipt')
        await tx
          .insert(stockMovement)
          .values({ id, storeId, regionPath: store.regionPath, kind: 'receipt', quantity: body.quantity, ...base });
      else if (body.kind === 'issue')
        await tx
          .insert(stockMovement)
          .values({ id, storeId, regionPath: store.regionPath, kind: 'issue', quantity: -body.quantity, ...base });
      else if (body.kind === 'count')
        await tx.insert(stockMovement).values({
          id,
          storeId,
          regionPath: store.regionPath,
          kind: 'count',
          quantity: body.quantity - held,
          counted: body.quantity,
          ...base,
        });
      else {
        await tx.insert(stockMovement).values([
          {
            id,
            storeId,
            regionPath: store.regionPath,
            kind: 'transferOut',
            quantity: -body.quantity,
            otherStoreId: to!.id,
            transferId: id,
            ...base,
          },
          {
            id: uuidv7(),
            storeId: to!.id,
            regionPath: to!.regionPath,
            kind: 'transferIn',
            quantity: body.quantity,
            otherStoreId: storeId,
            transferId: id,
            ...base,
          },
        ]);
      }
      await audit(tx, actor, {
        event: 'stockMovement.record',
        targetType: 'supplyStore',
        targetId: storeId,
        regionPath: store.regionPath,
        detail: {
          movementId: id,
          kind: body.kind,
          itemId: body.itemId,
          quantity: body.quantity,
          before: held,
          ...(to ? { toStoreId: to.id } : {}),
          ...(body.reason ? { reason: body.reason } : {}),
        },
      });
    });
    return stock(actor, storeId);
  }

  async function listMovements(actor: Actor, storeId: string, q: ListMovementsQuery) {
    if (!(await selectStoreRef(db, actor, storeId))) throw notFound();
    return selectMovements(db, storeId, q.itemId ? eq(stockMovement.itemId, q.itemId) : undefined, q);
  }

  return {
    getSettings,
    updateSettings,
    listItems,
    createItem,
    updateItem,
    listStores,
    getStore,
    createStore,
    stock,
    recordMovement,
    listMovements,
  };
}
