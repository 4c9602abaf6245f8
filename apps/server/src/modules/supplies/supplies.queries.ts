import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { coverWindow, COVER_WINDOW_DAYS, DEFAULT_LOW_COVER_DAYS, DEFAULT_SUPPLY_ITEMS } from '@fangkong/domain';
import type { Tx } from '../../db/client.js';
import { region, stockMovement, supplyItem, supplyStore, users } from '../../db/schema/index.js';
import { inScope } from '../../auth/scope.js';
import type { Actor } from '../../auth/actor.js';
import { uuidv7 } from '../../db/ids.js';
import type { StockMovementDto, SupplyStoreDto } from './supplies.schemas.js';

/**
 * The one definition of "short" 物资不足: an item issued over the window whose stock would last fewer
 * than `lowCoverDays` at that pace (out of stock included). `stock` and `issued` are SQL integers.
 */
export const shortWhen = (stock: SQL, issued: SQL, lowCoverDays: number | SQL) =>
  sql`(${issued} > 0 AND ${stock} * ${COVER_WINDOW_DAYS} < ${lowCoverDays}::numeric * ${issued})`;

/** The county's threshold of days of cover (its setting, else the default), as SQL. */
export const lowCoverDaysOf = (countyPath: string) =>
  sql`coalesce((SELECT s.low_cover_days FROM supply_setting s JOIN region r ON r.id = s.region_id WHERE r.path = ${countyPath}::ltree), ${DEFAULT_LOW_COVER_DAYS})`;

export async function selectLowCoverDays(tx: Tx, countyPath: string) {
  const { rows } = await tx.execute<{ n: number }>(sql`SELECT ${lowCoverDaysOf(countyPath)}::int AS n`);
  return Number(rows[0]!.n);
}

/** Per store and item below `where`: the stock (sum of every movement) and what was issued in the cover window. */
export const stockByStoreItem = (where: SQL, now: Date) => {
  const w = coverWindow(now);
  return sql`SELECT store_id, item_id, sum(quantity)::int AS stock,
                    coalesce(-sum(quantity) FILTER (WHERE kind = 'issue' AND recorded_at >= ${w.from} AND recorded_at < ${w.to}), 0)::int AS issued
             FROM stock_movement WHERE ${where} GROUP BY store_id, item_id`;
};

/** Writes the default catalogue for a county once (the same rows every time: keyed by county and item key). */
export async function ensureDefaultItems(tx: Tx, countyPath: string) {
  await tx
    .insert(supplyItem)
    .values(
      DEFAULT_SUPPLY_ITEMS.map((d) => ({
        id: uuidv7(),
        regionPath: countyPath,
        key: d.key,
        name: d.key,
        category: d.category,
        unit: d.unit,
      })),
    )
    .onConflictDoNothing({ target: [supplyItem.regionPath, supplyItem.key] });
}

export async function selectItems(tx: Tx, countyPath: string, where?: SQL) {
  return tx
    .select({
      id: supplyItem.id,
      key: supplyItem.key,
      name: supplyItem.name,
      category: supplyItem.category,
      unit: supplyItem.unit,
      active: supplyItem.active,
    })
    .from(supplyItem)
    .where(and(sql`${supplyItem.regionPath} = ${countyPath}::ltree`, where))
    .orderBy(asc(supplyItem.createdAt), asc(supplyItem.id));
}

export async function selectStores(
  tx: Tx,
  actor: Actor,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
  now: Date,
  lowCoverDays: number,
  onlyShort = false,
) {
  const short = sql<number>`(SELECT count(*)::int FROM (${stockByStoreItem(sql`store_id = "supply_store"."id"`, now)}) x WHERE ${shortWhen(sql`x.stock`, sql`x.issued`, lowCoverDays)})`;
  const filter = and(inScope(actor, supplyStore.regionPath), where, onlyShort ? sql`${short} > 0` : undefined);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: supplyStore.id,
        kind: supplyStore.kind,
        name: supplyStore.name,
        regionId: supplyStore.regionId,
        regionName: region.name,
        regionPath: supplyStore.regionPath,
        checkpointId: supplyStore.checkpointId,
        observationSiteId: supplyStore.observationSiteId,
        itemsShort: short,
      })
      .from(supplyStore)
      .innerJoin(region, eq(region.id, supplyStore.regionId))
      .where(filter)
      .orderBy(asc(supplyStore.regionPath), asc(supplyStore.name))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(supplyStore).where(filter),
  ]);
  return { items: rows as SupplyStoreDto[], total: total?.n ?? 0 };
}

/** The store's id, path and kind when it is in scope; `lock` holds it until the transaction ends (movements one at a time). */
export async function selectStoreRef(tx: Tx, actor: Actor, id: string) {
  const [row] = await tx
    .select({ id: supplyStore.id, name: supplyStore.name, regionPath: supplyStore.regionPath })
    .from(supplyStore)
    .where(and(eq(supplyStore.id, id), inScope(actor, supplyStore.regionPath)));
  return row;
}

/** Locks stores in id order, so two transfers between the same pair never wait on each other crosswise. */
export async function lockStores(tx: Tx, ids: string[]) {
  await tx.execute(
    sql`SELECT id FROM supply_store WHERE id IN (${sql.join(
      [...ids].sort().map((i) => sql`${i}::uuid`),
      sql`, `,
    )}) ORDER BY id FOR UPDATE`,
  );
}

/** One store's stock of one item: the sum of its movements. */
export async function selectStock(tx: Tx, storeId: string, itemId: string) {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(sum(${stockMovement.quantity}), 0)::int` })
    .from(stockMovement)
    .where(and(eq(stockMovement.storeId, storeId), eq(stockMovement.itemId, itemId)));
  return row?.n ?? 0;
}

export async function selectStockLines(tx: Tx, storeId: string, now: Date) {
  const { rows } = await tx.execute<{ item_id: string; stock: number; issued: number }>(
    stockByStoreItem(sql`store_id = ${storeId}`, now),
  );
  return new Map(rows.map((r) => [r.item_id, { stock: Number(r.stock), issued: Number(r.issued) }]));
}

const other = alias(supplyStore, 'other_store');
export async function selectMovements(
  tx: Tx,
  storeId: string,
  where: SQL | undefined,
  page: { page: number; pageSize: number },
) {
  const filter = and(eq(stockMovement.storeId, storeId), where);
  const [rows, [total]] = await Promise.all([
    tx
      .select({
        id: stockMovement.id,
        storeId: stockMovement.storeId,
        itemId: stockMovement.itemId,
        itemKey: supplyItem.key,
        itemName: supplyItem.name,
        kind: stockMovement.kind,
        quantity: stockMovement.quantity,
        counted: stockMovement.counted,
        otherStoreId: stockMovement.otherStoreId,
        otherStoreName: other.name,
        reason: stockMovement.reason,
        recordedAt: stockMovement.recordedAt,
        recordedByName: users.displayName,
      })
      .from(stockMovement)
      .innerJoin(supplyItem, eq(supplyItem.id, stockMovement.itemId))
      .leftJoin(other, eq(other.id, stockMovement.otherStoreId))
      .leftJoin(users, eq(users.id, stockMovement.recordedBy))
      .where(filter)
      .orderBy(desc(stockMovement.recordedAt), desc(stockMovement.id))
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize),
    tx.select({ n: sql<number>`count(*)::int` }).from(stockMovement).where(filter),
  ]);
  const items: StockMovementDto[] = rows.map((r) => ({ ...r, recordedAt: r.recordedAt.toISOString() }));
  return { items, total: total?.n ?? 0 };
}
