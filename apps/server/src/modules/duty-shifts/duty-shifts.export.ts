import { codeWord, type Locale } from '@fangkong/domain';
import type { Actor } from '../../auth/actor.js';
import { sheet, workbookBuffer, type Column } from '../../files/workbook.js';
import type { RosterQuery } from './duty-shifts.schemas.js';
import type { dutyShiftsService } from './duty-shifts.service.js';

type Roster = Awaited<ReturnType<ReturnType<typeof dutyShiftsService>['list']>>;
type Post = { checkpointId: string | null; officeRegionId: string | null };

const WORDS: Record<
  Locale,
  {
    sheet: string;
    title: (from: string, to: string) => string;
    post: string;
    office: (name: string) => string;
    noShift: string;
    noLeader: string;
    weekdays: string[];
  }
> = {
  'zh-CN': {
    sheet: '值班表',
    title: (from, to) => `值班表（${from} 至 ${to}）`,
    post: '岗位',
    office: (name) => `${name}（领导带班）`,
    noShift: '未排班',
    noLeader: '无带班领导',
    weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  },
  'en-US': {
    sheet: 'Duty roster',
    title: (from, to) => `Duty roster ${from} – ${to}`,
    post: 'Post',
    office: (name) => `${name} (leader on duty)`,
    noShift: 'No shift',
    noLeader: 'No leader',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
};

const keyOf = (p: Post) => (p.checkpointId ?? p.officeRegionId)!;

/**
 * 值班表 as the township prints it: a row per office (领导带班) and checkpoint, a column per duty day,
 * in each cell the people on that 24-hour shift with their role and phone, and the gaps marked.
 */
export async function rosterXlsx(actor: Actor, q: RosterQuery, roster: Roster, at: Date): Promise<Buffer> {
  const w = WORDS[actor.locale] ?? WORDS['zh-CN'];
  const days: string[] = [];
  for (let t = Date.parse(q.from); t <= Date.parse(q.to); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  // Offices first, then every checkpoint with a shift or a gap in the range.
  const posts = new Map<string, string>(roster.offices.map((o) => [o.regionId, w.office(o.name)]));
  for (const p of [...roster.shifts, ...roster.gaps].filter((p) => p.checkpointId)) posts.set(keyOf(p), p.postName);
  const shifts = new Map(roster.shifts.map((s) => [`${keyOf(s)}/${s.day}`, s]));
  const gaps = new Map(roster.gaps.map((g) => [`${keyOf(g)}/${g.day}`, g.reason]));

  // The header is the locale's own (a weekday name), so each column's zh and en are the same word.
  const dayHeader = (d: string) => `${d.slice(5)} ${w.weekdays[new Date(`${d}T00:00:00Z`).getUTCDay()]}`;
  const columns: Column<[string, string]>[] = [
    { zh: w.post, width: 24, cell: ([, name]) => name },
    ...days.map(
      (day): Column<[string, string]> => ({
        zh: dayHeader(day),
        width: 26,
        cell: ([key], l) => {
          const people = (shifts.get(`${key}/${day}`)?.members ?? []).map(
            (m) => `${m.name}（${codeWord(l, 'dutyRole', m.role)}）${m.phone ? ` ${m.phone}` : ''}`,
          );
          const gap = gaps.get(`${key}/${day}`);
          return [...people, ...(gap ? [gap === 'noShift' ? w.noShift : w.noLeader] : [])].join('\n');
        },
      }),
    ),
  ];
  return workbookBuffer(actor.locale, [
    sheet({
      name: w.sheet,
      title: w.title(q.from, q.to),
      exportedBy: { actor, at },
      columns,
      rows: posts,
      style: (row, [key]) => {
        row.alignment = { wrapText: true, vertical: 'top' };
        days.forEach((day, i) => {
          if (gaps.has(`${key}/${day}`))
            row.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF1F0' } };
        });
      },
    }),
  ]);
}
