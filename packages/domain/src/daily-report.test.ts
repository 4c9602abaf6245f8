import { describe, expect, it } from 'vitest';
import { renderDailyReportText, reportDayOf, reportDayWindow } from './daily-report.js';

describe('reportDayWindow', () => {
  it("runs from the previous day's cut-off to this day's, in Asia/Shanghai whatever the server clock zone", () => {
    const { dayStart, cutoff } = reportDayWindow('2022-01-28');
    expect(dayStart.toISOString()).toBe('2022-01-27T10:00:00.000Z');
    expect(cutoff.toISOString()).toBe('2022-01-28T10:00:00.000Z');
  });

  it('leaves no instant between two report days: 21:00 belongs to the next day', () => {
    expect(reportDayOf(new Date('2022-01-28T13:00:00Z'))).toBe('2022-01-29');
    expect(reportDayOf(new Date('2022-01-28T09:59:59Z'))).toBe('2022-01-28');
    expect(reportDayOf(new Date('2022-01-28T10:00:00Z'))).toBe('2022-01-29');
    expect(reportDayOf(new Date('2022-12-31T12:00:00Z'))).toBe('2023-01-01');
    expect(reportDayWindow('2022-01-29').dayStart).toEqual(reportDayWindow('2022-01-28').cutoff);
  });

  it("takes the county's own deadline, also across a month end", () => {
    expect(reportDayWindow('2022-02-28', '17:30:00').cutoff.toISOString()).toBe('2022-02-28T09:30:00.000Z');
    expect(reportDayWindow('2022-03-01').dayStart.toISOString()).toBe('2022-02-28T10:00:00.000Z');
  });
});

describe('renderDailyReportText', () => {
  const report = {
    regionName: '五凤村',
    level: 'village',
    reportDate: '2022-01-28',
    figures: {
      population: { households: 1234, persons: 3210, awayHouseholds: 12 },
      leads: { raisedToday: 3, resolvedToday: 2, open: 5, overdue: 1 },
    },
    isZero: false,
  };

  it('writes the sentence officials send, with every figure in it', () => {
    expect(renderDailyReportText(report)).toEqual([
      '截止1月28日18:00，五凤村全村在册1,234户3,210人，其中举家外出12户；今日新增待核查线索3条，核查完结2条，尚待核查5条（其中超时1条）。',
    ]);
  });

  it('says so for a zero report and adds problems and suggestions as their own paragraphs', () => {
    const text = renderDailyReportText({ ...report, isZero: true, problems: '口罩不足', suggestions: '增派人员' });
    expect(text[0]).toMatch(/特此零报告。$/);
    expect(text.slice(1)).toEqual(['存在问题：口罩不足', '意见建议：增派人员']);
  });

  it('names persons away and 劝返 in persons when the figures hold them', () => {
    const figures = {
      population: { households: 10, persons: 30, awayHouseholds: 2, personsAway: 5 },
      checkpoints: { vehicles: 3, persons: 7, turnedBack: 1, turnedBackPersons: 4, held: 0, fevers: 0 },
    };
    expect(renderDailyReportText({ ...report, figures })[0]).toBe(
      '截止1月28日18:00，五凤村全村在册10户30人，其中举家外出2户5人；各卡口今日登记车辆3辆、人员7人，劝返车辆1辆（次）、劝返4人次，留验0人次，发热0人。',
    );
  });

  it('counts venues under orders and the banquets stopped (今日劝停酒席N起N桌)', () => {
    const figures = {
      venues: { underOrder: 21, closed: 15, checksToday: 9, violationsToday: 1 },
      gatherings: { stoppedToday: 12, tablesCancelled: 420, personsCancelled: 4100, heldInViolation: 0 },
    };
    expect(renderDailyReportText({ ...report, figures })[0]).toBe(
      '截止1月28日18:00，五凤村全村管控场所21家（其中停业关闭15家），今日检查场所9家次，发现违规1家次；今日劝停酒席等聚集性活动12起，取消420桌4,100人，违规举办0起。',
    );
    const logs = {
      disinfections: { sessionsToday: 3, areaToday: 2500 },
      publicity: { broadcastHours: 5.5, reach: 1200 },
    };
    expect(renderDailyReportText({ ...report, figures: logs })[0]).toBe(
      '截止1月28日18:00，五凤村全村今日消杀3场次、面积2,500平方米；今日村村响广播5.5小时，微信群、短信覆盖1,200人。',
    );
  });

  it('speaks English too', () => {
    expect(renderDailyReportText(report, 'en-US')[0]).toBe(
      'As of 18:00 on 2022-01-28, in 五凤村, the village: 1,234 households with 3,210 persons registered, 12 households away; 3 leads raised today, 2 resolved, 5 still to verify (1 overdue).',
    );
  });
});
