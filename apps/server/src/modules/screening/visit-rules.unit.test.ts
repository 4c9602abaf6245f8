import { describe, expect, it } from 'vitest';
import { leadReasons, tripHitsRiskArea } from './visit-rules.js';

const area = { id: 'a', startsOn: '2026-11-01', endsOn: '2026-11-10' };
const areas = new Map([['a', area]]);

describe('visit rules', () => {
  it('counts a trip that overlaps the days the area applied', () => {
    expect(tripHitsRiskArea({ from: '2026-10-28', to: '2026-11-01', riskAreaId: 'a' }, area, '2026-10-01')).toBe(true);
    expect(tripHitsRiskArea({ from: '2026-11-10', to: null, riskAreaId: 'a' }, area, '2026-10-01')).toBe(true);
    expect(tripHitsRiskArea({ from: '2026-10-20', to: '2026-10-31', riskAreaId: 'a' }, area, '2026-10-01')).toBe(false);
    expect(tripHitsRiskArea({ from: '2026-11-11', to: '2026-11-12', riskAreaId: 'a' }, area, '2026-10-01')).toBe(false);
  });
  it('ignores trips that ended before the round asks about', () => {
    expect(tripHitsRiskArea({ from: '2026-11-02', to: '2026-11-03', riskAreaId: 'a' }, area, '2026-11-05')).toBe(false);
  });
  it('an open-ended area applies to any later trip', () => {
    expect(
      tripHitsRiskArea({ from: '2027-01-01' }, { id: 'b', startsOn: '2026-12-01', endsOn: null }, '2026-11-01'),
    ).toBe(true);
  });
  it('raises for a risk area, a fever from 37.3 and any symptom', () => {
    expect(
      leadReasons(
        { travel: [{ from: '2026-11-05', riskAreaId: 'a' }], symptoms: [], temperature: null },
        areas,
        '2026-10-01',
      ),
    ).toEqual(['riskArea']);
    expect(leadReasons({ travel: [], symptoms: [], temperature: 37.2 }, areas, '2026-10-01')).toEqual([]);
    expect(leadReasons({ travel: [], symptoms: ['咳嗽'], temperature: 37.3 }, areas, '2026-10-01')).toEqual([
      'fever',
      'symptoms',
    ]);
    expect(
      leadReasons({ travel: [{ from: '2026-11-05', riskAreaId: 'unknown' }], symptoms: [] }, areas, '2026-10-01'),
    ).toEqual([]);
  });
});
