// The daily report's day window and its wording. Pure, so the web's print page and the server's
// .docx/.xlsx say exactly the same thing.
import type { Locale } from './locale.js';

/** Figures of a report, by section: { population: { households: 120, persons: 310 }, … }. */
export type ReportFigures = Record<string, Record<string, number>>;

const CHINA_OFFSET = '+08:00';

/** The instants a report day spans in Asia/Shanghai: its start and its cut-off (the deadline). */
export function reportDayWindow(day: string, deadline = '18:00'): { dayStart: Date; cutoff: Date } {
  return {
    dayStart: new Date(`${day}T00:00:00${CHINA_OFFSET}`),
    cutoff: new Date(`${day}T${deadline.slice(0, 5)}:00${CHINA_OFFSET}`),
  };
}

/** One sentence per section; `{name}` placeholders are the section's figures. */
const SENTENCES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    population: '在册{households}户{persons}人，其中举家外出{awayHouseholds}户',
    screening: '今日入户排查{householdsToday}户{personsToday}人，本轮累计排查{householdsCurrentRound}户，历次累计排查{householdsCumulative}户',
    keyPersons: '现有重点人员{active}人（居家隔离医学观察{homeIsolation}人、集中隔离{centralIsolation}人），今日新增{newToday}人、解除{releasedToday}人',
    healthChecks: '今日完成体温监测{checksToday}人次，逾期未测{overdue}人次，今日发热{fevers}人，待处置分诊{openTriage}件',
    checkpoints: '各卡口今日登记车辆{vehicles}辆、人员{persons}人，劝返{turnedBack}人次，留验{held}人次，发热{fevers}人',
    leads: '今日新增待核查线索{raisedToday}条，核查完结{resolvedToday}条，尚待核查{open}条（其中超时{overdue}条）',
  },
  'en-US': {
    population: '{households} households with {persons} persons registered, {awayHouseholds} households away',
    screening: '{householdsToday} households and {personsToday} persons screened today, {householdsCurrentRound} households in the current round, {householdsCumulative} in all rounds',
    keyPersons: '{active} key persons under management ({homeIsolation} in home isolation, {centralIsolation} in central isolation), {newToday} new today, {releasedToday} released',
    healthChecks: '{checksToday} health checks done today, {overdue} overdue, {fevers} fevers today, {openTriage} triage tasks open',
    checkpoints: 'checkpoints registered {vehicles} vehicles and {persons} persons today, turned back {turnedBack}, held {held}, {fevers} with fever',
    leads: '{raisedToday} leads raised today, {resolvedToday} resolved, {open} still to verify ({overdue} overdue)',
  },
};

const LEVEL_WORDS: Record<Locale, Record<string, string>> = {
  'zh-CN': { village: '全村', township: '全镇（街道）', county: '全县' },
  'en-US': { village: 'the village', township: 'the township', county: 'the county' },
};

export interface ReportForText {
  regionName: string;
  level: string;
  reportDate: string;
  deadline?: string;
  figures: ReportFigures;
  isZero: boolean;
  remarks?: string | null;
  problems?: string | null;
  suggestions?: string | null;
}

const fill = (template: string, values: Record<string, number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => (values[k] ?? 0).toLocaleString('en-US'));

/**
 * The report as officials send it: "截止11月23日18:00，五凤村全村在册…". Returns paragraphs: the
 * figures, then 问题 and 建议 when given.
 */
export function renderDailyReportText(report: ReportForText, locale: Locale = 'zh-CN'): string[] {
  const [, month, day] = report.reportDate.split('-').map(Number);
  const time = (report.deadline ?? '18:00').slice(0, 5);
  const sentences = Object.entries(SENTENCES[locale])
    .filter(([section]) => report.figures[section])
    .map(([section, template]) => fill(template, report.figures[section]!));
  const zh = locale === 'zh-CN';
  const where = `${report.regionName}${zh ? '' : ', '}${LEVEL_WORDS[locale][report.level] ?? ''}`;
  const head = zh ? `截止${month}月${day}日${time}，${where}` : `As of ${time} on ${report.reportDate}, in ${where}: `;
  const body = sentences.join(zh ? '；' : '; ') + (zh ? '。' : '.');
  const zero = report.isZero ? (zh ? '今日无新增疫情防控情况，特此零报告。' : ' Nothing new to report today (zero report).') : '';
  const paragraphs = [`${head}${body}${zero}`];
  if (report.remarks) paragraphs.push(report.remarks);
  if (report.problems) paragraphs.push(`${zh ? '存在问题：' : 'Problems: '}${report.problems}`);
  if (report.suggestions) paragraphs.push(`${zh ? '意见建议：' : 'Suggestions: '}${report.suggestions}`);
  return paragraphs;
}
