// The daily report's day window and its wording. Pure, so the web's print page and the server's
// .docx/.xlsx say exactly the same thing.
import type { Locale } from './locale.js';
import { addDays, shanghaiDateOf, shanghaiInstant } from './calendar.js';

/** Figures of a report, by section: { population: { households: 120, persons: 310 }, … }. */
export type ReportFigures = Record<string, Record<string, number>>;

const cutoffOf = (day: string, deadline: string) => shanghaiInstant(day, deadline.slice(0, 5));

/**
 * The instants a report day spans: from the previous day's cut-off (included) to this day's
 * cut-off (excluded), the deadline in Asia/Shanghai ("截止X月X日18:00"). Consecutive days meet
 * exactly, so no fact falls between two reports: one recorded at 21:00 belongs to the next day's.
 */
export function reportDayWindow(day: string, deadline = '18:00'): { dayStart: Date; cutoff: Date } {
  return { dayStart: cutoffOf(addDays(day, -1), deadline), cutoff: cutoffOf(day, deadline) };
}

/** The report day an instant belongs to: its Shanghai date, or the next one from the cut-off on. */
export function reportDayOf(instant: Date, deadline = '18:00'): string {
  const date = shanghaiDateOf(instant);
  return instant.getTime() >= cutoffOf(date, deadline).getTime() ? addDays(date, 1) : date;
}

/** One sentence per section; `{name}` placeholders are the section's figures. */
const SENTENCES: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    population: '在册{households}户{persons}人，其中举家外出{awayHouseholds}户[{personsAway}人]',
    screening:
      '今日入户排查{householdsToday}户{personsToday}人，本轮累计排查{householdsCurrentRound}户，历次累计排查{householdsCumulative}户',
    keyPersons:
      '现有重点人员{active}人（居家隔离医学观察{homeIsolation}人、集中隔离{centralIsolation}人），今日新增{newToday}人、解除{releasedToday}人',
    keyPersonCategories:
      '现有重点人员中确诊{confirmed}人、疑似{suspected}人、无症状感染者{asymptomatic}人、密切接触者{closeContact}人、返乡人员{returnee}人、发热{fever}人、其他{other}人',
    healthChecks:
      '今日完成体温监测{checksToday}人次，逾期未测{overdue}人次，今日发热{fevers}人，待处置分诊{openTriage}件',
    checkpoints:
      '各卡口今日登记车辆{vehicles}辆、人员{persons}人，劝返车辆{turnedBack}辆（次）[、劝返{turnedBackPersons}人次]，留验{held}人次，发热{fevers}人',
    leads: '今日新增待核查线索{raisedToday}条，核查完结{resolvedToday}条，尚待核查{open}条（其中超时{overdue}条）',
    assistLists: '今日收到上级协查名单{batches}批次{persons}人，已核实{verified}人',
    supervision:
      '今日接受督查{inspectionsToday}次，发现问题{findingsToday}个，整改完成{rectifiedToday}个，尚待整改{findingsOpen}个（其中逾期{findingsOverdue}个）',
    venues:
      '管控场所{underOrder}家（其中停业关闭{closed}家），今日检查场所{checksToday}家次，发现违规{violationsToday}家次',
    gatherings:
      '今日劝停酒席等聚集性活动{stoppedToday}起，取消{tablesCancelled}桌{personsCancelled}人，违规举办{heldInViolation}起',
    disinfections: '今日消杀{sessionsToday}场次、面积{areaToday}平方米',
    publicity: '今日村村响广播{broadcastHours}小时，微信群、短信覆盖{reach}人',
    supplies: '物资储备不足的库点{storesShort}个（{itemsShort}个品目）',
    vaccinations:
      '3岁以上应接种{eligible}人，已接种第一剂{firstDose}人、全程接种{fullDose}人、加强免疫{booster}人，尚未接种{notVaccinated}人',
    sentinels: '{sites}个哨点药店（诊所）今日实名登记购药{salesToday}人次',
    nonCompliance: '今日发生不配合管控（违反居家隔离等）事件{incidentsToday}起，移交派出所{handedOverToday}起',
  },
  'en-US': {
    population:
      '{households} households with {persons} persons registered, {awayHouseholds} households[ ({personsAway} persons)] away',
    screening:
      '{householdsToday} households and {personsToday} persons screened today, {householdsCurrentRound} households in the current round, {householdsCumulative} in all rounds',
    keyPersons:
      '{active} key persons under management ({homeIsolation} in home isolation, {centralIsolation} in central isolation), {newToday} new today, {releasedToday} released',
    keyPersonCategories:
      'of them {confirmed} confirmed, {suspected} suspected, {asymptomatic} asymptomatic, {closeContact} close contacts, {returnee} returnees, {fever} with fever, {other} other',
    healthChecks:
      '{checksToday} health checks done today, {overdue} overdue, {fevers} fevers today, {openTriage} triage tasks open',
    checkpoints:
      'checkpoints registered {vehicles} vehicles and {persons} persons today, turned back {turnedBack} vehicles[ ({turnedBackPersons} persons)], held {held}, {fevers} with fever',
    leads: '{raisedToday} leads raised today, {resolvedToday} resolved, {open} still to verify ({overdue} overdue)',
    assistLists: '{batches} upstream lists received today naming {persons} persons, {verified} verified',
    supervision:
      '{inspectionsToday} inspections today finding {findingsToday} problems, {rectifiedToday} rectified, {findingsOpen} still open ({findingsOverdue} overdue)',
    venues:
      '{underOrder} venues under orders ({closed} closed), {checksToday} venue checks today, {violationsToday} violations found',
    gatherings:
      '{stoppedToday} banquets and other gatherings stopped today, {tablesCancelled} tables and {personsCancelled} persons cancelled, {heldInViolation} held in violation',
    disinfections: '{sessionsToday} disinfection sessions today covering {areaToday} m²',
    publicity: '{broadcastHours} hours of loudspeaker broadcasts today, messages to {reach} persons',
    supplies: '{storesShort} stores short of supplies ({itemsShort} items)',
    vaccinations:
      '{eligible} persons aged 3 and over, {firstDose} with a first dose, {fullDose} fully vaccinated, {booster} with a booster, {notVaccinated} not yet vaccinated',
    sentinels: '{salesToday} real-name drug sales recorded today at {sites} sentinel pharmacies and clinics',
    nonCompliance:
      '{incidentsToday} non-compliance incidents today (isolation broken, checks refused), {handedOverToday} handed to the police',
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

/** `[…]` holds a part that a snapshot frozen before its figures existed leaves out. */
const fill = (template: string, values: Record<string, number>) =>
  template
    .replace(/\[([^\]]*)\]/g, (_, part: string) =>
      [...part.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1]!] !== undefined) ? part : '',
    )
    .replace(/\{(\w+)\}/g, (_, k: string) => (values[k] ?? 0).toLocaleString('en-US'));

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
  const zero = report.isZero
    ? zh
      ? '今日无新增疫情防控情况，特此零报告。'
      : ' Nothing new to report today (zero report).'
    : '';
  const paragraphs = [`${head}${body}${zero}`];
  if (report.remarks) paragraphs.push(report.remarks);
  if (report.problems) paragraphs.push(`${zh ? '存在问题：' : 'Problems: '}${report.problems}`);
  if (report.suggestions) paragraphs.push(`${zh ? '意见建议：' : 'Suggestions: '}${report.suggestions}`);
  return paragraphs;
}
