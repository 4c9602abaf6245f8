import { describe, expect, it } from 'vitest';
import { parsePhone } from '@fangkong/domain';
import {
  chineseNumeral,
  createRandom,
  mulberry32,
  randomName,
  randomPhone,
  randomSurname,
  seedOf,
  SURNAMES,
  weighted,
} from './names.js';
import { dayOf, isoOfDay } from './people.js';

const draws = (seed: string | number, n = 20) => {
  const r = createRandom(seed);
  return Array.from({ length: n }, () => r.next());
};

describe('seeded random source', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    expect(draws(2020)).toEqual(draws(2020));
    expect(draws('金堂')).toEqual(draws('金堂'));
    expect(draws(2020)).not.toEqual(draws(2021));
    expect(draws('2020')).toEqual(draws(2020));
  });

  it('matches the published mulberry32 sequence', () => {
    const next = mulberry32(1);
    expect(next()).toBe(0.6270739405881613); // the reference implementation's first value for seed 1
  });

  it('draws floats in [0, 1) and integers within their inclusive bounds', () => {
    const r = createRandom(7);
    const floats = Array.from({ length: 10_000 }, () => r.next());
    const ints = new Set(Array.from({ length: 10_000 }, () => r.int(-2, 3)));
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect([...ints].sort()).toEqual([-1, -2, 0, 1, 2, 3]);
  });

  it('forks independent streams that depend only on the seed and the label', () => {
    const a = createRandom(5);
    a.next();
    const b = createRandom(5);
    expect(a.fork('x').next()).toBe(b.fork('x').next());
    expect(b.fork('x').next()).not.toBe(b.fork('y').next());
    expect(seedOf('abc')).toBe(seedOf('abc'));
  });

  it('draws weighted values roughly in proportion', () => {
    const draw = weighted([
      ['a', 3],
      ['b', 1],
    ] as const);
    const r = createRandom(11);
    let a = 0;
    for (let i = 0; i < 20_000; i++) if (draw(r) === 'a') a++;
    expect(a / 20_000).toBeGreaterThan(0.72);
    expect(a / 20_000).toBeLessThan(0.78);
  });
});

describe('names and phones', () => {
  it('makes valid mainland mobile numbers', () => {
    const r = createRandom(3);
    for (let i = 0; i < 2000; i++) {
      const phone = randomPhone(r);
      expect(phone).toMatch(/^1[3-9]\d{9}$/);
      expect(parsePhone(phone)).toEqual({ ok: true, value: phone });
    }
  });

  it('makes names of a listed surname and a one- or two-character given name', () => {
    const r = createRandom(9);
    for (let i = 0; i < 2000; i++) {
      const name = randomName(r, i % 2 ? 'male' : 'female', 1940 + (i % 80));
      expect(SURNAMES).toContain(name[0]);
      expect(name.length).toBeGreaterThanOrEqual(2);
      expect(name.length).toBeLessThanOrEqual(3);
    }
  });

  it('keeps a given surname and draws common surnames most often', () => {
    const r = createRandom(4);
    expect(randomName(r, 'female', 1990, '欧阳').startsWith('欧阳')).toBe(true);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const s = randomSurname(r);
      counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    expect(counts.get('王')! > counts.get('汤')! * 5).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const make = () => {
      const r = createRandom('demo');
      return Array.from({ length: 50 }, () => `${randomName(r, 'male', 1980)} ${randomPhone(r)}`);
    };
    expect(make()).toEqual(make());
  });

  it('writes Chinese numerals for group and grid names', () => {
    expect([1, 2, 10, 11, 12, 20, 21, 99, 100, 105, 110, 999].map(chineseNumeral)).toEqual([
      '一',
      '二',
      '十',
      '十一',
      '十二',
      '二十',
      '二十一',
      '九十九',
      '一百',
      '一百零五',
      '一百一十',
      '九百九十九',
    ]);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
  });

  it('converts day numbers to ISO dates like Date does', () => {
    for (let day = -29_219; day < 25_000; day += 37) {
      expect(isoOfDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
    expect(dayOf('2020-02-01')).toBe(18_293);
  });
});
