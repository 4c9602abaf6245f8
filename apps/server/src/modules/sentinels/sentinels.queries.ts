import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { region, sentinel, sentinelAccount, sentinelSale } from '../../db/schema/index.js';

/** A sale as lists show it: ID number and phone masked. */
export function selectSales(db: Db, where: SQL | undefined) {
  return db
    .select({
      id: sentinelSale.id,
      sentinelId: sentinelSale.sentinelId,
      sentinelName: sentinel.name,
      regionId: sentinelSale.regionId,
      regionName: region.name,
      name: sentinelSale.name,
      idNumber: sentinelSale.idNumber,
      phone: sentinelSale.phone,
      drugClasses: sentinelSale.drugClasses,
      symptoms: sentinelSale.symptoms,
      soldAt: sentinelSale.soldAt,
      leadId: sentinelSale.leadId,
    })
    .from(sentinelSale)
    .innerJoin(sentinel, eq(sentinel.id, sentinelSale.sentinelId))
    .innerJoin(region, eq(region.id, sentinelSale.regionId))
    .where(where)
    .orderBy(desc(sentinelSale.soldAt), desc(sentinelSale.id));
}

type SaleRow = Awaited<ReturnType<typeof selectSales>>[number];
export const presentSale = (s: SaleRow) => ({
  ...s,
  idNumber: maskIdNumber(s.idNumber),
  phone: s.phone && maskPhone(s.phone),
  soldAt: s.soldAt.toISOString(),
});

/** Sites with their counts: today's sales from `dayStart`, the week's from `weekStart`. */
export function selectSentinels(db: Db, where: SQL | undefined, dayStart: Date, weekStart: Date) {
  const sales = (from: Date) =>
    sql<number>`(SELECT count(*)::int FROM sentinel_sale s WHERE s.sentinel_id = ${sentinel.id} AND s.sold_at >= ${from})`;
  return db
    .select({
      id: sentinel.id,
      regionId: sentinel.regionId,
      regionName: region.name,
      kind: sentinel.kind,
      name: sentinel.name,
      licenceNo: sentinel.licenceNo,
      contact: sentinel.contact,
      phone: sentinel.phone,
      salesToday: sales(dayStart),
      salesWeek: sales(weekStart),
      accounts: sql<number>`(SELECT count(*)::int FROM sentinel_account a WHERE a.sentinel_id = ${sentinel.id})`,
    })
    .from(sentinel)
    .innerJoin(region, eq(region.id, sentinel.regionId))
    .where(where);
}

type SentinelRow = Awaited<ReturnType<typeof selectSentinels>>[number];
export const presentSentinel = (s: SentinelRow) => ({ ...s, phone: s.phone && maskPhone(s.phone) });

/** The site a sentinel account is bound to. */
export async function siteOfAccount(db: Db, userId: string) {
  const [row] = await db
    .select({ id: sentinel.id, regionId: sentinel.regionId, regionPath: sentinel.regionPath })
    .from(sentinelAccount)
    .innerJoin(sentinel, eq(sentinel.id, sentinelAccount.sentinelId))
    .where(and(eq(sentinelAccount.userId, userId)));
  return row;
}
