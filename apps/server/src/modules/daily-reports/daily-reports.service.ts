import { sql } from 'drizzle-orm';
import { assertSameReplay } from '../../http/replay.js';
import {
  shanghaiDateOf,
  renderDailyReportText,
  reportDayWindow,
  type Locale,
  type ReportFigures,
} from '@fangkong/domain';
import type { Db } from '../../db/client.js';
import { dailyReport } from '../../db/schema/index.js';
import type { Actor } from '../../auth/actor.js';
import { audit } from '../../audit/audit.js';
import { invalid, notFound } from '../../http/problem.js';
import { computeDrillDowns, computeFigures, reportMoment, sumFigures } from './figures.js';
import type { SubmitReportBody } from './daily-reports.schemas.js';
import {
  selectChangedBelow,
  selectLatestChildFigures,
  selectRates,
  selectRegionInScope,
  selectReport,
  selectReporters,
  selectVersions,
  type ReportRow,
} from './daily-reports.queries.js';
import { settingsFor } from '../county-settings/index.js';

const REPORTING_LEVELS = new Set(['village', 'township']);

/** Figure by figure, `now` minus `then` (a figure missing from one counts 0 there). */
const differenceOf = (now: ReportFigures, then: ReportFigures): ReportFigures =>
  Object.fromEntries(
    [...new Set([...Object.keys(now), ...Object.keys(then)])].map((section) => {
      const keys = new Set([...Object.keys(now[section] ?? {}), ...Object.keys(then[section] ?? {})]);
      return [
        section,
        Object.fromEntries([...keys].map((k) => [k, (now[section]?.[k] ?? 0) - (then[section]?.[k] ?? 0)])),
      ];
    }),
  );

export function dailyReportsService(db: Db, now: () => Date) {
  const present = (row: ReportRow, locale: Locale, deadline?: string) => {
    const { regionPath: _p, ...rest } = row;
    return {
      ...rest,
      submittedAt: row.submittedAt.toISOString(),
      text: renderDailyReportText({ ...row, deadline }, locale),
    };
  };

  async function reportingRegion(actor: Actor, regionId: string, field = 'regionId') {
    const region = await selectRegionInScope(db, actor, regionId);
    if (!region) throw invalid([{ field, key: 'notFound' }]);
    return region;
  }

  /** Live figures as of the cut-off (or now, if earlier), next to what was submitted. */
  async function preview(actor: Actor, regionId: string, day: string) {
    const region = await selectRegionInScope(db, actor, regionId);
    if (!region) throw notFound();
    const { deadline } = await settingsFor(db, 'report', region.path);
    const moment = reportMoment(day, deadline, now());
    const [live, drillDown, [latest], children] = await Promise.all([
      computeFigures(db, region.path, moment),
      computeDrillDowns(db, {
        regionId: region.id,
        regionPath: region.path,
        reportDay: day,
        dayStart: moment.dayStart,
        cutoff: moment.asOf,
      }),
      selectVersions(db, region.id, day),
      region.level === 'township' ? selectLatestChildFigures(db, region.id, day) : Promise.resolve(null),
    ]);
    const changed = latest ? await selectChangedBelow(db, region.id, day, latest.submittedAt) : [];
    return {
      regionId: region.id,
      regionName: region.name,
      level: region.level,
      reportDate: day,
      deadline,
      live,
      drillDown,
      submitted: latest ? present(latest, actor.locale, deadline) : null,
      villageSum: children ? sumFigures(children) : null,
      changedBelow: changed.map((c) => ({
        regionId: c.region_id,
        name: c.name,
        version: c.version,
        submittedAt: new Date(c.submitted_at).toISOString(),
        difference: differenceOf(c.figures, c.before ?? {}),
      })),
      text: renderDailyReportText(
        { regionName: region.name, level: region.level, reportDate: day, deadline, figures: live, isZero: false },
        actor.locale,
      ),
    };
  }

  /** Submits (or corrects) a report: the figures are computed now and frozen in the new version. */
  async function submit(actor: Actor, body: SubmitReportBody) {
    const existing = await selectReport(db, actor, body.id);
    if (existing)
      assertSameReplay({ regionId: existing.regionId, reportDate: existing.reportDate, isZero: existing.isZero }, body);
    if (existing)
      return present(existing, actor.locale, (await settingsFor(db, 'report', existing.regionPath)).deadline);
    const region = await reportingRegion(actor, body.regionId);
    if (!REPORTING_LEVELS.has(region.level)) throw invalid([{ field: 'regionId', key: 'dailyReport.level' }]);
    const today = shanghaiDateOf(now());
    if (body.reportDate > today) throw invalid([{ field: 'reportDate', key: 'dailyReport.futureDay' }]);
    const { deadline, correctionWindowHours } = await settingsFor(db, 'report', region.path);
    const { cutoff } = reportDayWindow(body.reportDate, deadline);
    return db.transaction(async (tx) => {
      // One writer per region and day at a time, so two submissions cannot take the same version.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`daily_report:${region.id}:${body.reportDate}`}))`);
      const [previous] = await selectVersions(tx, region.id, body.reportDate);
      if (previous) {
        if (!body.correctionReason) throw invalid([{ field: 'correctionReason', key: 'dailyReport.reasonRequired' }]);
        if (now().getTime() > cutoff.getTime() + correctionWindowHours * 3_600_000)
          throw invalid([{ field: 'reportDate', key: 'dailyReport.windowClosed' }]);
      }
      const at = now();
      const figures = await computeFigures(tx, region.path, reportMoment(body.reportDate, deadline, at));
      await tx.insert(dailyReport).values({
        id: body.id,
        regionId: region.id,
        regionPath: region.path,
        reportDate: body.reportDate,
        version: (previous?.version ?? 0) + 1,
        isZero: body.isZero,
        figures,
        remarks: body.remarks ?? null,
        problems: body.problems ?? null,
        suggestions: body.suggestions ?? null,
        correctionReason: previous ? body.correctionReason! : null,
        submittedBy: actor.userId,
        submittedAt: at,
        late: at > cutoff,
      });
      await audit(tx, actor, {
        event: previous ? 'dailyReport.correct' : 'dailyReport.submit',
        targetType: 'dailyReport',
        targetId: body.id,
        regionPath: region.path,
        detail: { reportDate: body.reportDate, isZero: body.isZero },
      });
      const [stored] = await selectVersions(tx, region.id, body.reportDate);
      return present(stored!, actor.locale, deadline);
    });
  }

  async function get(actor: Actor, id: string) {
    const row = await selectReport(db, actor, id);
    if (!row) throw notFound();
    const { deadline } = await settingsFor(db, 'report', row.regionPath);
    return present(row, actor.locale, deadline);
  }

  async function history(actor: Actor, id: string) {
    const row = await selectReport(db, actor, id);
    if (!row) throw notFound();
    const { deadline } = await settingsFor(db, 'report', row.regionPath);
    return {
      items: (await selectVersions(db, row.regionId, row.reportDate)).map((r) => present(r, actor.locale, deadline)),
    };
  }

  /** Who has submitted for a day, who is late and who is missing, with the rates below the region. */
  async function status(actor: Actor, regionId: string | undefined, day: string) {
    const region = await selectRegionInScope(db, actor, regionId ?? actor.regionId);
    if (!region) throw notFound();
    const { deadline } = await settingsFor(db, 'report', region.path);
    const [reporters, rates] = await Promise.all([
      selectReporters(db, region.id, day),
      selectRates(db, region.path, day),
    ]);
    return {
      reportDate: day,
      deadline,
      reporters: reporters.map((r) => ({
        regionId: r.region_id,
        name: r.name,
        level: r.level as 'village' | 'township',
        status: !r.report_id ? ('missing' as const) : r.first_late ? ('late' as const) : ('onTime' as const),
        reportId: r.report_id,
        version: r.version,
        isZero: r.is_zero,
        submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
        reminders: r.reminders,
        lastRemindedAt: r.last_reminded ? new Date(r.last_reminded).toISOString() : null,
        changedBelow: r.changed_below,
      })),
      rates,
    };
  }

  return { preview, submit, get, history, status };
}
