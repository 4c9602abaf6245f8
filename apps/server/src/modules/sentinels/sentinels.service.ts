import { and, asc, eq, sql } from 'drizzle-orm';
import { addDays, recordedTimeError, shanghaiDateOf, shanghaiInstant, spikeOn } from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { person, region, sentinel, sentinelAccount, sentinelSale, users } from '../../db/schema/index.js';
import { uuidv7 } from '../../db/ids.js';
import type { Actor } from '../../auth/actor.js';
import { inScope, pathUnder, regionFilterPath, selectRegionInScope } from '../../auth/scope.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { assertSameReplay } from '../../http/replay.js';
import { withinWindow } from '../../http/time-window.js';
import { blindMatch } from '../../security/personal-data-sql.js';
import { countyPathOf } from '../regions/region-scope.js';
import { settingsFor } from '../county-settings/index.js';
import { raiseLead, type LeadReason } from '../leads/leads.service.js';
import { presentSale, presentSentinel, selectSales, selectSentinels, siteOfAccount } from './sentinels.queries.js';
import type { CreateSaleBody, CreateSentinelBody, ListSalesQuery } from './sentinels.schemas.js';

/** 哨点监测: the sites, the real-name sales they record, and the counts per site and village. */
export function sentinelsService(db: Db, now: () => Date) {
  const today = () => shanghaiDateOf(now());
  const startOf = (day: string) => shanghaiInstant(day, '00:00');
  const sites = (where: Parameters<typeof selectSentinels>[1]) =>
    selectSentinels(db, where, startOf(today()), startOf(addDays(today(), -6)));

  async function list(actor: Actor, q: { regionId?: string; page: number; pageSize: number }) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const where = and(inScope(actor, sentinel.regionPath), below ? pathUnder(sentinel.regionPath, below) : undefined);
    const [rows, [count]] = await Promise.all([
      sites(where)
        .orderBy(asc(sentinel.regionPath), asc(sentinel.name))
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(sentinel).where(where),
    ]);
    return { items: rows.map(presentSentinel), total: count?.n ?? 0 };
  }

  async function get(actor: Actor, id: string) {
    const [row] = await sites(and(eq(sentinel.id, id), inScope(actor, sentinel.regionPath)));
    if (!row) throw notFound();
    return presentSentinel(row);
  }

  async function create(actor: Actor, body: CreateSentinelBody) {
    const r = await selectRegionInScope(db, actor, body.regionId);
    if (!r) throw invalid([{ field: 'regionId', key: 'notFound' }]);
    const id = body.id ?? uuidv7();
    const [existing] = await db
      .select({ regionId: sentinel.regionId, kind: sentinel.kind, name: sentinel.name })
      .from(sentinel)
      .where(and(eq(sentinel.id, id), inScope(actor, sentinel.regionPath)));
    if (existing) assertSameReplay(existing, body);
    else
      await db.transaction(async (tx) => {
        await tx.insert(sentinel).values({
          id,
          regionId: r.id,
          regionPath: r.path,
          kind: body.kind,
          name: body.name,
          licenceNo: body.licenceNo || null,
          contact: body.contact || null,
          phone: body.phone ?? null,
        });
        await audit(tx, actor, {
          event: 'sentinel.create',
          targetType: 'sentinel',
          targetId: id,
          regionPath: r.path,
          detail: { kind: body.kind, name: body.name },
        });
      });
    return get(actor, id);
  }

  /** Binds an account of the sentinel role, of the site's region or above it in scope, to the site. */
  async function bindAccount(actor: Actor, id: string, userId: string) {
    const site = await get(actor, id);
    const [user] = await db
      .select({ role: users.role, regionPath: users.regionPath })
      .from(users)
      .where(and(eq(users.id, userId), inScope(actor, users.regionPath)));
    if (!user) throw invalid([{ field: 'userId', key: 'notFound' }]);
    if (user.role !== 'sentinel') throw invalid([{ field: 'userId', key: 'sentinel.accountRole' }]);
    await db.transaction(async (tx) => {
      await tx
        .insert(sentinelAccount)
        .values({ userId, sentinelId: id })
        .onConflictDoUpdate({ target: sentinelAccount.userId, set: { sentinelId: id } });
      await audit(tx, actor, {
        event: 'sentinel.bindAccount',
        targetType: 'sentinel',
        targetId: id,
        regionPath: user.regionPath,
        detail: { userId },
      });
    });
    return get(actor, site.id);
  }

  /** The sentinel's own page: its site and the sales it recorded today (the buyer's region is not shown to it). */
  async function mySite(actor: Actor) {
    const site = await siteOfAccount(db, actor.userId);
    if (!site) return { sentinel: null, today: [] };
    const [row] = await sites(eq(sentinel.id, site.id));
    const sales = await selectSales(
      db,
      and(eq(sentinelSale.sentinelId, site.id), sql`${sentinelSale.soldAt} >= ${startOf(today())}`),
    ).limit(200);
    return {
      sentinel: presentSentinel(row!),
      today: sales.map((s) => ({ ...presentSale(s), regionId: row!.regionId, regionName: row!.regionName })),
    };
  }

  async function recordSale(actor: Actor, body: CreateSaleBody) {
    const site = await siteOfAccount(db, actor.userId);
    if (!site || site.id !== body.sentinelId) throw invalid([{ field: 'sentinelId', key: 'sentinelSale.notYourSite' }]);
    const id = body.id ?? uuidv7();
    const soldAt = body.soldAt ? new Date(body.soldAt) : now();
    const [stored] = await db
      .select({ sentinelId: sentinelSale.sentinelId, name: sentinelSale.name, soldAt: sentinelSale.soldAt })
      .from(sentinelSale)
      .where(eq(sentinelSale.id, id));
    if (stored) {
      assertSameReplay(stored, { sentinelId: body.sentinelId, name: body.name, soldAt: body.soldAt && soldAt });
      return mySale(site, id);
    }
    const late = recordedTimeError(soldAt, now());
    if (late) throw invalid([{ field: 'soldAt', key: late }]);
    // The buyer's village when the county's register knows them, else the site's: the lead goes there.
    const [buyer] = await db
      .select({ id: person.id, regionId: person.regionId, regionPath: person.regionPath })
      .from(person)
      .where(
        and(
          blindMatch(person.idNumberBidx, 'idNumber', body.idNumber),
          pathUnder(person.regionPath, countyPathOf(site.regionPath)),
        ),
      )
      .limit(1);
    const home = buyer ?? { id: null, regionId: site.regionId, regionPath: site.regionPath };
    const { sentinelLeadHours } = await settingsFor(db, 'policy', home.regionPath);
    const reasons: LeadReason[] = body.symptoms.includes('fever')
      ? ['fever']
      : body.symptoms.length
        ? ['symptoms']
        : ['other'];
    await db.transaction(async (tx) => {
      // One open lead per person: a second sale while it is open adds a source to it (leads.service).
      const { leadId } = await raiseLead(tx, {
        personId: home.id,
        name: body.name,
        idNumber: body.idNumber,
        phone: body.phone ?? null,
        regionId: home.regionId,
        regionPath: home.regionPath,
        source: 'sentinel',
        sourceRef: id,
        reasons,
        detail: { sentinelId: site.id, drugClasses: body.drugClasses, symptoms: body.symptoms },
        deadlineHours: sentinelLeadHours,
        now: now(),
      });
      await tx.insert(sentinelSale).values({
        id,
        sentinelId: site.id,
        regionId: home.regionId,
        regionPath: home.regionPath,
        personId: home.id,
        name: body.name,
        idNumber: body.idNumber,
        phone: body.phone ?? null,
        drugClasses: body.drugClasses,
        symptoms: body.symptoms,
        soldAt,
        leadId,
        recordedBy: actor.userId || null,
      });
      await audit(tx, actor, {
        event: 'sentinelSale.create',
        targetType: 'sentinel',
        targetId: site.id,
        regionPath: site.regionPath,
        detail: { saleId: id, leadId, drugClasses: body.drugClasses },
      });
    });
    return mySale(site, id);
  }

  async function mySale(site: { id: string; regionId: string }, id: string) {
    const [row] = await selectSales(db, and(eq(sentinelSale.id, id), eq(sentinelSale.sentinelId, site.id)));
    if (!row) throw notFound();
    const [r] = await db.select({ name: region.name }).from(region).where(eq(region.id, site.regionId));
    return { ...presentSale(row), regionId: site.regionId, regionName: r?.name ?? '' };
  }

  /** 购药登记: sales to buyers of the scope, newest first (the figure `salesToday` drills into it). */
  async function listSales(actor: Actor, q: ListSalesQuery) {
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { items: [], total: 0 };
    const where = and(
      inScope(actor, sentinelSale.regionPath),
      below ? pathUnder(sentinelSale.regionPath, below) : undefined,
      q.sentinelId ? eq(sentinelSale.sentinelId, q.sentinelId) : undefined,
      withinWindow(sentinelSale.soldAt, q.soldFrom, q.soldTo),
    );
    const [rows, [count]] = await Promise.all([
      selectSales(db, where)
        .limit(q.pageSize)
        .offset((q.page - 1) * q.pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(sentinelSale).where(where),
    ]);
    return { items: rows.map(presentSale), total: count?.n ?? 0 };
  }

  /** Per village of the scope, the day's count against the 7 days before it, spikes first. */
  async function counts(actor: Actor, q: { regionId?: string; day?: string }) {
    const day = q.day ?? today();
    const below = await regionFilterPath(db, actor, q.regionId);
    if (below === null) return { day, villages: [] };
    const from = startOf(addDays(day, -7));
    const to = startOf(addDays(day, 1));
    // A buyer registered in a group (村民小组) counts in its village: the path cut to the village's depth.
    const villagePath = sql`subpath(${sentinelSale.regionPath}, 0, least(nlevel(${sentinelSale.regionPath}), 3))`;
    const rows = await db
      .select({
        regionId: region.id,
        regionName: region.name,
        day: sql<string>`to_char(${sentinelSale.soldAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`,
        count: sql<number>`count(*)::int`,
      })
      .from(sentinelSale)
      .innerJoin(region, eq(region.path, villagePath))
      .where(
        and(
          inScope(actor, sentinelSale.regionPath),
          below ? pathUnder(sentinelSale.regionPath, below) : undefined,
          withinWindow(sentinelSale.soldAt, from.toISOString(), to.toISOString()),
        ),
      )
      .groupBy(region.id, region.name, sql`3`);
    const byVillage = new Map<string, { regionName: string; byDay: Record<string, number> }>();
    for (const r of rows) {
      const v = byVillage.get(r.regionId) ?? { regionName: r.regionName, byDay: {} };
      v.byDay[r.day] = r.count;
      byVillage.set(r.regionId, v);
    }
    const days = Array.from({ length: 8 }, (_, i) => addDays(day, i - 7));
    const villages = [...byVillage].map(([regionId, v]) => ({
      regionId,
      regionName: v.regionName,
      ...spikeOn(day, v.byDay),
      days: days.map((d) => ({ day: d, count: v.byDay[d] ?? 0 })),
    }));
    villages.sort(
      (a, b) => Number(b.spike) - Number(a.spike) || b.count - a.count || a.regionName.localeCompare(b.regionName),
    );
    return { day, villages };
  }

  return { list, get, create, bindAccount, mySite, recordSale, listSales, counts };
}
