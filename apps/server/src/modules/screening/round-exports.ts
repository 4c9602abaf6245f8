// A round's 统计表 (one row per village, township subtotals, the total) and 排查进度 (per village and
// grid, with the 遗漏户清单 of exactly which households are missing), streamed as xlsx. The figures
// come from the round's coverage (the same numbers as the dashboard) and the register; the list of
// missing households names heads and phones, masked unless the caller may and asks to see them.
// Every export is audited.
import { eq } from 'drizzle-orm';
import { maskPhone, shanghaiDateTimeOf } from '@fangkong/domain';
import { region } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../auth/actor.js';
import { can } from '../../auth/permissions.js';
import { audit } from '../../audit/audit.js';
import { forbidden } from '../../http/problem.js';
import {
  officialWorkbook,
  writeOfficialHeader,
  writeOfficialRow,
  type HeaderGroup,
} from '../../files/official-sheet.js';
import type { roundsService } from './rounds.service.js';
import type { Figures } from './coverage.queries.js';
import { selectHouseholdPhones, selectVillageRegisters, type VillageRegister } from './round-exports.queries.js';

type Rounds = ReturnType<typeof roundsService>;
type Coverage = Awaited<ReturnType<Rounds['coverage']>>;
type Progress = Omit<Figures, 'persons'>;

const covered = (f: Progress) => f.visited + f.away;
const rate = (f: Progress) => (f.households ? covered(f) / f.households : 0);
const STATE_NAMES: Record<string, string> = { notVisited: '未走访', nobodyHome: '无人在家待复访', refused: '拒绝' };
const LIST_PAGE = 200;

const progressColumns = [
  '应排查户数',
  '已走访',
  '举家外出已随访',
  '无人在家待复访',
  '拒绝',
  '未走访',
  '遗漏户数',
  '完成率',
];
const progressCells = (f: Progress) => [
  f.households,
  f.visited,
  f.away,
  f.nobodyHome,
  f.refused,
  f.notVisited,
  f.missing,
  rate(f),
];

export function roundExports(db: Db, rounds: Rounds, now: () => Date) {
  /** The round, its focus region and each village's coverage; subtotals come from coverage itself so distinct counts stay exact. */
  async function collect(actor: Actor, roundId: string, regionId?: string) {
    const round = await rounds.getRow(actor, roundId);
    const focus = await rounds.coverage(actor, roundId, regionId);
    const [at] = await db
      .select({ path: region.path, level: region.level })
      .from(region)
      .where(eq(region.id, focus.regionId));
    const focusPath = String(at!.path);
    const villages = await selectVillageRegisters(db, focusPath, actor.scopePath);
    const byVillage = new Map<string, Coverage>();
    for (const v of villages)
      byVillage.set(v.id, v.id === focus.regionId ? focus : await rounds.coverage(actor, roundId, v.id));
    const byTownship = new Map<string, Coverage>();
    // Township subtotals when the export spans townships (a county's); a township's own total is its 合计.
    if (at!.level === 'county') {
      for (const t of new Set(villages.map((v) => v.townshipId)))
        if (t) byTownship.set(t, await rounds.coverage(actor, roundId, t));
    }
    return { round, focus, focusPath, villages, byVillage, byTownship };
  }

  function groupByTownship(villages: VillageRegister[]) {
    const groups = new Map<string, VillageRegister[]>();
    for (const v of villages) {
      const key = v.townshipId ?? '';
      groups.set(key, [...(groups.get(key) ?? []), v]);
    }
    return groups;
  }

  /** 统计表: register and round figures per village. */
  async function statistics(actor: Actor, roundId: string, regionId?: string) {
    const c = await collect(actor, roundId, regionId);
    await db.transaction((tx) =>
      audit(tx, actor, {
        event: 'screeningRound.export',
        targetType: 'screeningRound',
        targetId: roundId,
        regionPath: c.focusPath,
        detail: { sheet: '统计表', regionId: c.focus.regionId, full: false },
      }),
    );
    const { stream, wb, finish } = officialWorkbook();
    const ws = wb.addWorksheet('统计表');
    const groups: HeaderGroup[] = [
      { title: '乡镇（街道）', width: 14 },
      { title: '村（社区）', width: 14 },
      { title: '户籍台账', columns: ['户数', '人数'] },
      { title: '特殊群体（人）', columns: ['特困供养', '低保', '残疾', '孤寡老人'] },
      { title: '本轮排查（户）', columns: progressColumns },
      { title: '线索（条）', width: 10 },
    ];
    const width = writeOfficialHeader(
      ws,
      `${c.focus.regionName}入户排查统计表`,
      `排查轮次：${c.round.name}　　填报单位：${c.focus.regionName}　　截止：${shanghaiDateTimeOf(now())}`,
      groups,
    );
    const percent = [width - 1];
    const registerCells = (vs: VillageRegister[]) => {
      const sum = (k: keyof VillageRegister) => vs.reduce((n, v) => n + (v[k] as number), 0);
      return [
        sum('households'),
        sum('persons'),
        sum('extremePoverty'),
        sum('subsistenceAllowance'),
        sum('disabled'),
        sum('elderlyAlone'),
      ];
    };
    const townships = groupByTownship(c.villages);
    for (const [townshipId, vs] of townships) {
      for (const v of vs) {
        const f = c.byVillage.get(v.id)!.total;
        writeOfficialRow(ws, [v.townshipName ?? '', v.name, ...registerCells([v]), ...progressCells(f), f.leads], {
          percentColumns: percent,
        });
      }
      const sub = c.byTownship.get(townshipId);
      if (sub)
        writeOfficialRow(
          ws,
          [vs[0]!.townshipName ?? '', '小计', ...registerCells(vs), ...progressCells(sub.total), sub.total.leads],
          { percentColumns: percent, bold: true },
        );
    }
    writeOfficialRow(
      ws,
      ['合计', '', ...registerCells(c.villages), ...progressCells(c.focus.total), c.focus.total.leads],
      { percentColumns: percent, bold: true },
    );
    ws.commit();
    void finish().catch((e: unknown) => stream.destroy(e as Error));
    return stream;
  }

  /** 排查进度: per village and grid, then the households still missing. */
  async function progress(actor: Actor, roundId: string, q: { regionId?: string; full?: boolean }) {
    if (q.full && !can(actor.role, 'persons.readFull')) throw forbidden();
    const c = await collect(actor, roundId, q.regionId);
    await db.transaction((tx) =>
      audit(tx, actor, {
        event: 'screeningRound.export',
        targetType: 'screeningRound',
        targetId: roundId,
        regionPath: c.focusPath,
        detail: { sheet: '排查进度', regionId: c.focus.regionId, full: !!q.full },
      }),
    );
    const { stream, wb, finish } = officialWorkbook();
    const ws = wb.addWorksheet('排查进度');
    const width = writeOfficialHeader(
      ws,
      `${c.focus.regionName}入户排查进度表`,
      `排查轮次：${c.round.name}　　完成时限：${c.round.deadline}　　截止：${shanghaiDateTimeOf(now())}`,
      [
        { title: '乡镇（街道）', width: 14 },
        { title: '村（社区）', width: 14 },
        { title: '网格', width: 14 },
        { title: '排查进度（户）', columns: progressColumns },
      ],
    );
    const percent = [width];
    for (const [townshipId, vs] of groupByTownship(c.villages)) {
      for (const v of vs) {
        const cov = c.byVillage.get(v.id)!;
        for (const g of cov.children)
          writeOfficialRow(ws, [v.townshipName ?? '', v.name, g.id ? g.name : '未划网格', ...progressCells(g)], {
            percentColumns: percent,
          });
        writeOfficialRow(ws, [v.townshipName ?? '', v.name, '本村小计', ...progressCells(cov.total)], {
          percentColumns: percent,
          bold: true,
        });
      }
      const sub = c.byTownship.get(townshipId);
      if (sub)
        writeOfficialRow(ws, [vs[0]!.townshipName ?? '', '小计', '', ...progressCells(sub.total)], {
          percentColumns: percent,
          bold: true,
        });
    }
    writeOfficialRow(ws, ['合计', '', '', ...progressCells(c.focus.total)], { percentColumns: percent, bold: true });
    ws.commit();

    const list = wb.addWorksheet('遗漏户清单');
    writeOfficialHeader(
      list,
      `${c.focus.regionName}未完成排查户清单`,
      `排查轮次：${c.round.name}　　共 ${c.focus.total.missing} 户　　截止：${shanghaiDateTimeOf(now())}　　导出人：${actor.displayName}`,
      [
        { title: '序号', width: 6 },
        { title: '村（社区）', width: 14 },
        { title: '网格', width: 12 },
        { title: '地址', width: 24 },
        { title: '户主', width: 12 },
        { title: '联系电话', width: 16 },
        { title: '状态', width: 16 },
        { title: '走访次数', width: 10 },
        { title: '最近走访', width: 18 },
      ],
    );
    void (async () => {
      let n = 0;
      for (let page = 1; ; page++) {
        const { items } = await rounds.households(actor, roundId, {
          regionId: c.focus.regionId,
          state: 'missing',
          page,
          pageSize: LIST_PAGE,
        });
        const phones = await selectHouseholdPhones(
          db,
          items.map((h) => h.id),
        );
        for (const h of items) {
          const phone = phones.get(h.id) ?? null;
          writeOfficialRow(list, [
            ++n,
            h.regionName,
            h.gridName ?? '',
            h.address,
            h.headName ?? '',
            phone ? (q.full ? phone : maskPhone(phone)) : '',
            STATE_NAMES[h.state] ?? h.state,
            h.visits,
            h.lastVisitAt ? shanghaiDateTimeOf(new Date(h.lastVisitAt)) : '',
          ]);
        }
        if (items.length < LIST_PAGE) break;
      }
      list.commit();
      await finish();
    })().catch((e: unknown) => stream.destroy(e as Error));
    return stream;
  }

  return { statistics, progress };
}
