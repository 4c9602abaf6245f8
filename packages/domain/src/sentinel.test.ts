import { describe, expect, it } from 'vitest';
import { spikeOn } from './sentinel.js';

const week = (n: number) =>
  Object.fromEntries(['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2022-12-${d}`, n]));

describe('the spike rule (异常升高)', () => {
  it('flags a day above twice the 7-day mean with at least 5 sales', () => {
    expect(spikeOn('2022-12-08', { ...week(2), '2022-12-08': 5 }).spike).toBe(true);
    expect(spikeOn('2022-12-08', { ...week(2), '2022-12-08': 4 }).spike).toBe(false);
  });

  it('needs the count strictly above twice the baseline', () => {
    expect(spikeOn('2022-12-08', { ...week(3), '2022-12-08': 6 })).toEqual({ count: 6, baseline: 3, spike: false });
    expect(spikeOn('2022-12-08', { ...week(3), '2022-12-08': 7 }).spike).toBe(true);
  });

  it('counts days without a sale as zero and ignores days outside the window', () => {
    expect(spikeOn('2022-12-08', { '2022-11-20': 100, '2022-12-08': 5 })).toEqual({
      count: 5,
      baseline: 0,
      spike: true,
    });
    expect(spikeOn('2022-12-08', { '2022-12-08': 0 }).spike).toBe(false);
  });
});
