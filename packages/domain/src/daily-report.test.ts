import { describe, expect, it } from 'vitest';
import { renderDailyReportText, reportDayWindow } from './daily-report.js';

describe('reportDayWindow', () => {
  it('spans the day in Asia/Shanghai, whatever the server clock zone', () => {
    const { dayStart, cutoff } = reportDayWindow('2022-01-28');
    expect(dayStart.toISOString()).toBe('2022-01-27T16:00:00.000Z');
    expect(cutoff.toISOString()).toBe('2022-01-28T10:00:00.000Z');
  });

  it('takes the county\'s own deadline, also across a month end', () => {
    expect(reportDayWindow('2022-02-28', '17:30:00').cutoff.toISOString()).toBe('2022-02-28T09:30:00.000Z');
    expect(reportDayWindow('2022-03-01').dayStart.toISOString()).toBe('2022-02-28T16:00:00.000Z');
  });
});

describe('renderDailyReportText', () => {
  const report = {
    regionName: '五凤村',
    level: 'village',
    reportDate: '2022-01-28',
    figures: { population: { households: 1234, persons: 3210, awayHouseholds: 12 }, leads: { raisedToday: 3, resolvedToday: 2, open: 5, overdue: 1 } },
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

  it('speaks English too', () => {
    expect(renderDailyReportText(report, 'en-US')[0]).toBe(
      'As of 18:00 on 2022-01-28, in 五凤村, the village: 1,234 households with 3,210 persons registered, 12 households away; 3 leads raised today, 2 resolved, 5 still to verify (1 overdue).',
    );
  });
});
