import { describe, expect, it } from 'vitest';
import {
  formatPlate,
  isValidPlate,
  normalizePlate,
  PLATE_PROVINCES,
  parsePlate,
  plateProvinceOfRegion,
} from './plate.js';

const reasonOf = (raw: string) => {
  const r = parsePlate(raw);
  return r.ok ? 'ok' : r.reason;
};

describe('PLATE_PROVINCES', () => {
  it('lists the 31 mainland abbreviations once each, with names', () => {
    expect(PLATE_PROVINCES).toHaveLength(31);
    const abbrs = PLATE_PROVINCES.map((p) => p.abbreviation);
    expect(new Set(abbrs).size).toBe(31);
    expect(PLATE_PROVINCES.find((p) => p.abbreviation === '川')?.name).toBe('四川');
    expect(PLATE_PROVINCES.find((p) => p.abbreviation === '蒙')?.name).toBe('内蒙古');
    for (const p of PLATE_PROVINCES) expect(p.name.length).toBeGreaterThan(1);
  });

  it('knows each province by the head of its region codes', () => {
    expect(new Set(PLATE_PROVINCES.map((p) => p.code)).size).toBe(31);
    expect(plateProvinceOfRegion('510121')).toBe('川');
    expect(plateProvinceOfRegion('510121002000')).toBe('川');
    expect(plateProvinceOfRegion('500101')).toBe('渝');
    expect(plateProvinceOfRegion('150102')).toBe('蒙');
    expect(plateProvinceOfRegion('460100')).toBe('琼');
    // Hong Kong, Macao and Taiwan have codes but no mainland plate.
    expect(plateProvinceOfRegion('810000')).toBeUndefined();
  });

  it('every province abbreviation works as a plate prefix', () => {
    for (const { abbreviation } of PLATE_PROVINCES) expect(reasonOf(`${abbreviation}A12345`)).toBe('ok');
  });
});

describe('normalizePlate', () => {
  it.each([
    ['川A12345', '川A12345'],
    ['川A·12345', '川A12345'],
    ['川A•12345', '川A12345'],
    ['川A・12345', '川A12345'],
    ['川A 12345', '川A12345'],
    ['川A.12345', '川A12345'],
    [' 川 a·1234b ', '川A1234B'],
    ['川Ａ１２３４５', '川A12345'],
    ['川ａ·ｄ１２３４５', '川AD12345'],
  ])('%j → %j', (raw, expected) => {
    expect(normalizePlate(raw)).toBe(expected);
  });
});

describe('parsePlate — ordinary plates', () => {
  it('parses with and without separator, lowercase and full-width', () => {
    const expected = { ok: true, value: { plate: '川A12345', province: '川', provinceName: '四川', newEnergy: false } };
    for (const raw of [
      '川A12345',
      '川A·12345',
      '川A•12345',
      '川A 12345',
      '川a12345',
      '川Ａ１２３４５',
      '  川A·12345  ',
    ]) {
      expect(parsePlate(raw), raw).toEqual(expected);
    }
  });

  it('accepts letters (except I and O) among the last five characters', () => {
    expect(reasonOf('京BQ7X29')).toBe('ok');
    expect(reasonOf('粤BZZZZZ')).toBe('ok');
    expect(reasonOf('沪C0000A')).toBe('ok');
  });

  it('accepts a trailing 挂/学/警/港/澳 after four alphanumerics', () => {
    for (const s of ['挂', '学', '警', '港', '澳']) {
      const r = parsePlate(`川A1234${s}`);
      expect(r.ok && r.value, s).toEqual({
        plate: `川A1234${s}`,
        province: '川',
        provinceName: '四川',
        newEnergy: false,
      });
    }
    expect(reasonOf('粤Z·1234港')).toBe('ok');
  });

  it('rejects a special character that would make the plate 8 characters or sits elsewhere', () => {
    expect(reasonOf('川A12345挂')).toBe('format');
    expect(reasonOf('川A123挂4')).toBe('format');
    expect(reasonOf('川A1234领')).toBe('format');
  });

  it('rejects the letters I and O', () => {
    expect(reasonOf('川I12345')).toBe('format');
    expect(reasonOf('川O12345')).toBe('format');
    expect(reasonOf('川A1234I')).toBe('format');
    expect(reasonOf('川A12O45')).toBe('format');
    expect(reasonOf('川a1234o')).toBe('format');
  });

  it('rejects a digit as the issuing-authority letter and wrong lengths', () => {
    expect(reasonOf('川112345')).toBe('format');
    expect(reasonOf('川A1234')).toBe('format');
    expect(reasonOf('川A123456')).toBe('format'); // 8 chars, not new-energy
    expect(reasonOf('川A')).toBe('format');
    expect(reasonOf('川')).toBe('format');
    expect(reasonOf('川A12-345')).toBe('format');
  });
});

describe('parsePlate — new-energy plates', () => {
  it('small: D/F, a letter or digit, four digits', () => {
    for (const raw of [
      '川AD12345',
      '川A·D12345',
      '川AF12345',
      '川ADA1234',
      '川A·DF1234',
      '川ad·a1234',
      '京Ｆ·Ｄ１２３４５',
    ]) {
      const r = parsePlate(raw);
      expect(r.ok && r.value.newEnergy, raw).toBe(true);
    }
    const r = parsePlate('川A·D12345');
    expect(r).toEqual({
      ok: true,
      value: { plate: '川AD12345', province: '川', provinceName: '四川', newEnergy: true },
    });
  });

  it('large: five digits then D/F', () => {
    const r = parsePlate('川A·12345D');
    expect(r).toEqual({
      ok: true,
      value: { plate: '川A12345D', province: '川', provinceName: '四川', newEnergy: true },
    });
    expect(reasonOf('川A12345F')).toBe('ok');
  });

  it('rejects malformed new-energy plates', () => {
    expect(reasonOf('川AE12345')).toBe('format'); // neither D nor F first
    expect(reasonOf('川AD1234A')).toBe('format'); // small: last four must be digits
    expect(reasonOf('川ADI1234')).toBe('format'); // I not allowed
    expect(reasonOf('川A1234AD')).toBe('format'); // large: five digits first
    expect(reasonOf('川A12345E')).toBe('format');
    expect(reasonOf('川AD123456')).toBe('format'); // 9 chars
  });

  it('distinguishes ordinary plates that merely contain D/F', () => {
    const r = parsePlate('川AD1234');
    expect(r.ok && r.value.newEnergy).toBe(false);
  });
});

describe('parsePlate — rejections', () => {
  it('empty', () => {
    expect(reasonOf('')).toBe('empty');
    expect(reasonOf(' · ')).toBe('empty');
    expect(parsePlate(undefined)).toEqual({ ok: false, reason: 'empty' });
    expect(parsePlate(null)).toEqual({ ok: false, reason: 'empty' });
  });

  it('province: unknown or missing abbreviation', () => {
    expect(reasonOf('A12345')).toBe('province');
    expect(reasonOf('AB12345')).toBe('province');
    expect(reasonOf('港A12345')).toBe('province');
    expect(reasonOf('四A12345')).toBe('province');
    expect(reasonOf('使A12345')).toBe('province');
    expect(reasonOf('😀A12345')).toBe('province');
  });

  it('isValidPlate', () => {
    expect(isValidPlate('川A·12345')).toBe(true);
    expect(isValidPlate('川I·12345')).toBe(false);
  });
});

describe('formatPlate', () => {
  it('adds a middle dot after the second character', () => {
    expect(formatPlate('川A12345')).toBe('川A·12345');
    expect(formatPlate('川a 12345')).toBe('川A·12345');
    expect(formatPlate('川A•12345')).toBe('川A·12345');
    expect(formatPlate('川AD12345')).toBe('川A·D12345');
    expect(formatPlate('川A1234学')).toBe('川A·1234学');
  });
  it('returns invalid input unchanged', () => {
    expect(formatPlate('川I12345')).toBe('川I12345');
    expect(formatPlate('')).toBe('');
  });
});
