import { describe, expect, it } from 'vitest';
import {
  computeIdCheckDigit,
  isValidIdNumber,
  makeIdNumber,
  maskIdNumber,
  normalizeIdNumber,
  parseIdNumber,
} from './id-number.js';

const TODAY = '2025-06-15';

function reasonOf(raw: string, today: Date | string = TODAY) {
  const r = parseIdNumber(raw, today);
  return r.ok ? 'ok' : r.reason;
}

describe('computeIdCheckDigit', () => {
  it.each([
    ['11010519491231002', 'X'], // the GB 11643 example number
    ['51012119900307123', '3'],
    ['51012119800101001', '0'],
    ['44052418800101001', '4'],
    ['51012120000229002', '6'],
    ['51012119850615101', '1'],
    ['51012119850615102', 'X'],
    ['51012119850615103', '8'],
    ['51012119850615104', '6'],
    ['51012119850615105', '4'],
    ['51012119850615106', '2'],
    ['51012119850615107', '0'],
    ['51012119850615108', '9'],
    ['51012119850615109', '7'],
  ])('%s → %s', (body, check) => {
    expect(computeIdCheckDigit(body)).toBe(check);
  });

  it('covers all eleven check characters', () => {
    const seen = new Set<string>();
    for (let seq = 0; seq < 100; seq++) seen.add(computeIdCheckDigit(`510121198506151${String(seq).padStart(2, '0')}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });

  it.each(['', '1101051949123100', '110105194912310021', '1101051949123100X', '１１０１０５１９４９１２３１００２'])(
    'rejects %j',
    (bad) => {
      expect(() => computeIdCheckDigit(bad)).toThrow(RangeError);
    },
  );
});

describe('normalizeIdNumber', () => {
  it('converts full-width digits and letters to ASCII', () => {
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
  });
  it('strips spaces (also ideographic and non-breaking) and hyphens', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105-19491231-002X')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105\u300019491231\u00a0002X\t')).toBe('11010519491231002X');
    expect(normalizeIdNumber('110105－19491231—002X')).toBe('11010519491231002X');
  });
  it('upper-cases a lowercase x and leaves other characters alone', () => {
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeIdNumber('1101051949123100a2')).toBe('1101051949123100a2');
  });
});

describe('parseIdNumber — valid numbers', () => {
  it('parses the GB 11643 example with check digit X', () => {
    expect(parseIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: {
        idNumber: '11010519491231002X',
        regionCode: '110105',
        birthDate: '1949-12-31',
        sex: 'female',
        checkDigit: 'X',
        legacy15: false,
      },
    });
  });

  it('parses a male number', () => {
    const r = parseIdNumber('510121199003071233', TODAY);
    expect(r).toEqual({
      ok: true,
      value: {
        idNumber: '510121199003071233',
        regionCode: '510121',
        birthDate: '1990-03-07',
        sex: 'male',
        checkDigit: '3',
        legacy15: false,
      },
    });
  });

  it('accepts lowercase x, full-width input and spaces, returning the canonical form', () => {
    for (const raw of [
      '11010519491231002x',
      '１１０１０５１９４９１２３１００２ｘ',
      ' 110105 1949 1231 002 X ',
      '110105-19491231-002X',
    ]) {
      const r = parseIdNumber(raw, TODAY);
      expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
    }
  });

  it('derives sex from the 17th digit (odd male, even female)', () => {
    const sexOf = (id: string) => {
      const r = parseIdNumber(id, TODAY);
      return r.ok ? r.value.sex : r.reason;
    };
    expect(sexOf('510121198506151011')).toBe('male');
    expect(sexOf('51012119850615102X')).toBe('female');
    expect(sexOf('510121198506151038')).toBe('male');
    expect(sexOf('510121198506151046')).toBe('female');
    expect(sexOf('510121198506151097')).toBe('male');
    expect(sexOf('510121198901010008')).toBe('female'); // sequence 000
  });

  it('converts a legacy 15-digit number to 18 digits', () => {
    expect(parseIdNumber('510121850615102', TODAY)).toEqual({
      ok: true,
      value: {
        idNumber: '51012119850615102X',
        regionCode: '510121',
        birthDate: '1985-06-15',
        sex: 'female',
        checkDigit: 'X',
        legacy15: true,
      },
    });
    const r = parseIdNumber('110105491231002', TODAY);
    expect(r.ok && r.value.idNumber).toBe('11010519491231002X');
    const male = parseIdNumber('510121850615101', TODAY);
    expect(male.ok && male.value).toMatchObject({ idNumber: '510121198506151011', sex: 'male', legacy15: true });
  });

  it('accepts Feb 29 in leap years, including 2000', () => {
    expect(reasonOf('510121200002290026')).toBe('ok');
    expect(reasonOf('510121202402290016')).toBe('ok');
  });

  it('accepts the boundaries 1890-01-01 and today', () => {
    expect(reasonOf(makeIdNumber({ regionCode: '510121', birthDate: '1890-01-01', sequence: 1, sex: 'male' }))).toBe(
      'ok',
    );
    expect(reasonOf(makeIdNumber({ regionCode: '510121', birthDate: TODAY, sequence: 1, sex: 'male' }))).toBe('ok');
  });

  it('accepts every province-level prefix in the list', () => {
    for (const p of [
      '11',
      '15',
      '21',
      '23',
      '31',
      '37',
      '41',
      '46',
      '50',
      '54',
      '61',
      '65',
      '71',
      '81',
      '82',
      '83',
      '91',
    ]) {
      const id = makeIdNumber({ regionCode: `${p}0101`, birthDate: '1980-01-01', sequence: 5, sex: 'male' });
      expect(reasonOf(id), p).toBe('ok');
    }
  });
});

describe('parseIdNumber — rejections', () => {
  it('empty', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf('   ')).toBe('empty');
    expect(reasonOf(' - ')).toBe('empty');
    expect(parseIdNumber(undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(parseIdNumber(null)).toEqual({ ok: false, reason: 'empty' });
  });

  it('characters', () => {
    expect(reasonOf('11010519491231002Y')).toBe('characters');
    expect(reasonOf('1101051949123100a2')).toBe('characters');
    expect(reasonOf('1101051949X231002X')).toBe('characters'); // X only as last character
    expect(reasonOf('51012185061510X')).toBe('characters'); // no X in 15-digit numbers
    expect(reasonOf('１１０１０５ａ')).toBe('characters');
  });

  it('length', () => {
    expect(reasonOf('1')).toBe('length');
    expect(reasonOf('11010519491231002')).toBe('length'); // 17
    expect(reasonOf('11010519491231002X1')).toBe('length'); // 19
    expect(reasonOf('5101218506151')).toBe('length'); // 13
    expect(reasonOf('5101218506151021')).toBe('length'); // 16
  });

  it('region: unknown province prefix', () => {
    for (const p of [
      '00',
      '10',
      '16',
      '20',
      '24',
      '30',
      '38',
      '40',
      '47',
      '49',
      '55',
      '60',
      '66',
      '70',
      '72',
      '80',
      '84',
      '90',
      '92',
      '99',
    ]) {
      const body = `${p}010119800101001`;
      expect(reasonOf(body + computeIdCheckDigit(body)), p).toBe('region');
    }
    expect(reasonOf('990121850615102')).toBe('region');
  });

  it('birthDate: Feb 29 in non-leap years, including 1900', () => {
    const b1 = '51012120230229001';
    expect(reasonOf(b1 + computeIdCheckDigit(b1))).toBe('birthDate');
    const b2 = '51012119000229001';
    expect(reasonOf(b2 + computeIdCheckDigit(b2))).toBe('birthDate');
  });

  it('birthDate: impossible months and days', () => {
    for (const d of ['19801301', '19800001', '19800100', '19800132', '19800431', '19800230', '19801131']) {
      const body = `510121${d}001`;
      expect(reasonOf(body + computeIdCheckDigit(body)), d).toBe('birthDate');
    }
    expect(reasonOf('510121801301001')).toBe('birthDate'); // legacy 15
  });

  it('birthDate: in the future relative to today', () => {
    const tomorrow = makeIdNumberUnchecked('2025-06-16');
    expect(reasonOf(tomorrow, '2025-06-15')).toBe('birthDate');
    expect(reasonOf(tomorrow, '2025-06-16')).toBe('ok');
    expect(reasonOf(makeIdNumberUnchecked('2099-01-01'), '2025-06-15')).toBe('birthDate');
  });

  it('birthDate: "today" as a Date is taken in China time (UTC+8)', () => {
    const id = makeIdNumberUnchecked('2025-06-16');
    // 2025-06-15T16:30Z is already 2025-06-16 00:30 in Beijing.
    expect(reasonOf(id, new Date('2025-06-15T16:30:00Z'))).toBe('ok');
    expect(reasonOf(id, new Date('2025-06-15T15:30:00Z'))).toBe('birthDate');
  });

  it('birthDate: before 1890', () => {
    expect(reasonOf('440524188001010014')).toBe('birthDate'); // otherwise valid, born 1880
    expect(reasonOf(makeIdNumberUnchecked('1889-12-31'))).toBe('birthDate');
  });

  it('checkDigit: every wrong check character is rejected', () => {
    for (const c of '0123456789X') {
      expect(reasonOf(`11010519491231002${c}`), c).toBe(c === 'X' ? 'ok' : 'checkDigit');
    }
  });

  it('checkDigit: a transposition typo is caught', () => {
    expect(reasonOf('510121199003071323')).toBe('checkDigit');
  });

  it('rejects an invalid "today" string', () => {
    expect(() => parseIdNumber('11010519491231002X', '2025-13-01')).toThrow(RangeError);
  });

  it('isValidIdNumber mirrors parseIdNumber', () => {
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
    expect(isValidIdNumber('110105194912310021', TODAY)).toBe(false);
  });
});

describe('legacy 15-digit Feb 29', () => {
  it('1900-02-29 does not exist', () => {
    expect(reasonOf('510121000229001')).toBe('birthDate');
  });
  it('1996-02-29 exists', () => {
    expect(reasonOf('510121960229001')).toBe('ok');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and last 4 characters', () => {
    expect(maskIdNumber('510121199003071234')).toBe('510121********1234');
    expect(maskIdNumber('11010519491231002x')).toBe('110105********002X');
    expect(maskIdNumber('510121850615102')).toBe('510121*****5102');
  });
  it('masks full-width and spaced input after normalizing', () => {
    expect(maskIdNumber('５１０１２１ 19900307 1234')).toBe('510121********1234');
  });
  it('masks short strings completely rather than leak them', () => {
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber('12345678901')).toBe('123456*8901');
  });
});

describe('makeIdNumber', () => {
  it('builds a valid number with the given parts', () => {
    const id = makeIdNumber({ regionCode: '510121', birthDate: '1985-06-15', sequence: 101, sex: 'male' });
    expect(id).toBe('510121198506151011');
    expect(parseIdNumber(id, TODAY)).toMatchObject({
      ok: true,
      value: { regionCode: '510121', birthDate: '1985-06-15', sex: 'male' },
    });
  });

  it('adjusts the sequence parity to the sex', () => {
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1985-06-15', sequence: 101, sex: 'female' })).toBe(
      '51012119850615100' + computeIdCheckDigit('51012119850615100'),
    );
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1985-06-15', sequence: 102, sex: 'female' })).toBe(
      '51012119850615102X',
    );
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1985-06-15', sequence: 102, sex: 'male' })).toBe(
      '510121198506151038',
    );
  });

  it('keeps the sequence within 000-999 at the edges', () => {
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1989-01-01', sequence: 0, sex: 'female' })).toBe(
      '510121198901010008',
    );
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1989-01-01', sequence: 0, sex: 'male' })).toBe(
      '510121198901010016',
    );
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1989-01-01', sequence: 999, sex: 'male' })).toBe(
      '510121198901019993',
    );
    expect(makeIdNumber({ regionCode: '510121', birthDate: '1989-01-01', sequence: 999, sex: 'female' })).toBe(
      '510121198901019985',
    );
  });

  it('round-trips through parseIdNumber for many inputs', () => {
    const dates = ['1890-01-01', '1900-02-28', '1949-12-31', '2000-02-29', '2024-02-29', '2025-06-15'];
    for (const birthDate of dates) {
      for (const sequence of [0, 1, 2, 57, 500, 998, 999]) {
        for (const sex of ['male', 'female'] as const) {
          const id = makeIdNumber({ regionCode: '510121', birthDate, sequence, sex });
          const r = parseIdNumber(id, TODAY);
          expect(r.ok && r.value).toEqual({
            idNumber: id,
            regionCode: '510121',
            birthDate,
            sex,
            checkDigit: id[17],
            legacy15: false,
          });
        }
      }
    }
  });

  it.each([
    [{ regionCode: '51012', birthDate: '1985-06-15', sequence: 1, sex: 'male' }],
    [{ regionCode: '990121', birthDate: '1985-06-15', sequence: 1, sex: 'male' }],
    [{ regionCode: '510121', birthDate: '1985-02-29', sequence: 1, sex: 'male' }],
    [{ regionCode: '510121', birthDate: '19850615', sequence: 1, sex: 'male' }],
    [{ regionCode: '510121', birthDate: '1889-12-31', sequence: 1, sex: 'male' }],
    [{ regionCode: '510121', birthDate: '1985-06-15', sequence: -1, sex: 'male' }],
    [{ regionCode: '510121', birthDate: '1985-06-15', sequence: 1000, sex: 'male' }],
    [{ regionCode: '510121', birthDate: '1985-06-15', sequence: 1.5, sex: 'male' }],
  ] as const)('throws on invalid input %j', (input) => {
    expect(() => makeIdNumber(input)).toThrow(RangeError);
  });
});

/** Builds a checksum-valid number without makeIdNumber's own validation. */
function makeIdNumberUnchecked(birthDate: string): string {
  const body = `510121${birthDate.replaceAll('-', '')}001`;
  return body + computeIdCheckDigit(body);
}
