// A small seeded pseudo-random source for the demo data: the same seed gives the same county.

/** Uniform draws from a seeded mulberry32 generator. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /**
   * An independent generator for one part of the work, derived from the seed and `label` only,
   * so drawing more numbers in one part does not change what another part produces.
   */
  fork(label: string): Random;
}

/** The mulberry32 generator: 32 bits of state, good enough for test data, not for secrets. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a number (its low 32 bits) or a string (FNV-1a hash; digits-only strings are numbers). */
export function seedOf(seed: string | number): number {
  if (typeof seed === 'number') return seed >>> 0;
  if (/^\d{1,15}$/.test(seed)) return Number(seed) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function createRandom(seed: string | number): Random {
  const base = seedOf(seed);
  const next = mulberry32(base);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty array');
      return items[Math.floor(next() * items.length)]!;
    },
    fork: (label) => createRandom(seedOf(`${base}/${label}`)),
  };
}

/** A draw from fixed weights (cumulative table + binary search): `weighted([['a', 3], ['b', 1]])(r)`. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (r: Random) => T {
  if (entries.length === 0) throw new RangeError('weighted needs at least one entry');
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  return (r) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo]!;
  };
}
