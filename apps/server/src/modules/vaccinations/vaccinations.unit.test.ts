import { describe, expect, it } from 'vitest';
import { doseDateOf, doseNumberOf, vaccineOf } from './vaccinations.import.js';
import { checkDoseOrder } from './vaccinations.rules.js';

describe('reading the vaccination export', () => {
  it('reads vaccines by type or maker, dose numbers and dates as exports write them', () => {
    expect(vaccineOf('新冠病毒灭活疫苗(Vero细胞)')).toBe('inactivated');
    expect(vaccineOf('康希诺')).toBe('adenovirus');
    expect(vaccineOf('重组新冠病毒蛋白疫苗（CHO细胞）')).toBe('recombinantProtein');
    expect(vaccineOf('不明')).toBeNull();
    expect([
      doseNumberOf('1'),
      doseNumberOf('第2剂'),
      doseNumberOf('3针'),
      doseNumberOf('0'),
      doseNumberOf('x'),
    ]).toEqual([1, 2, 3, null, null]);
    expect(doseDateOf('2021/5/1')).toBe('2021-05-01');
    expect(doseDateOf('2021年5月1日')).toBe('2021-05-01');
    expect(doseDateOf('2021-05-01 09:30:00')).toBe('2021-05-01');
    expect(doseDateOf('44317')).toBe('2021-05-01');
    expect(doseDateOf('2021-02-30')).toBeNull();
  });

  it('refuses a later dose before an earlier one, and between two rows of a file the later dose', () => {
    const first = { doseNumber: 1, givenOn: '2021-06-10' };
    expect(checkDoseOrder({ doseNumber: 2, givenOn: '2021-05-01' }, [first])).toBe('vaccination.beforePreviousDose');
    expect(checkDoseOrder({ doseNumber: 1, givenOn: '2021-07-01' }, [{ doseNumber: 2, givenOn: '2021-06-01' }])).toBe(
      'vaccination.afterNextDose',
    );
    expect(checkDoseOrder(first, [], [{ doseNumber: 2, givenOn: '2021-05-01' }])).toBeNull();
    expect(checkDoseOrder({ doseNumber: 2, givenOn: '2021-07-10' }, [first])).toBeNull();
  });
});
