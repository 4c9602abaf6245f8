import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { routeCases } from '../../test/route-cases/index.js';
import { actorSees, inScopeBelow, isPathWithin, pathRelated, pathStrictlyUnder, pathUnder } from './scope.js';

const SRC = join(import.meta.dirname, '..');
/** The kernel itself, and migrations (SQL history, written once). */
const ALLOWED = [/^auth\/scope\.ts$/, /^db\/migrations\//];

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sources(path);
    else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) yield path;
  }
}

/** The raw path comparisons a line may hold: ltree operators beside a path, a prefix check on a path, the domain's string check. */
const RAW = [
  {
    what: 'ltree <@ / @> on a region path',
    test: (l: string) => /<@|@>/.test(l) && /path|ltree|scope|region/i.test(l),
  },
  { what: '.startsWith( on a path', test: (l: string) => /\.startsWith\(/.test(l) && /path|scope/i.test(l) },
  { what: 'isWithinScope(', test: (l: string) => /\bisWithinScope\(/.test(l) },
];

describe('the scope kernel (auth/scope.ts)', () => {
  it('is the only code that compares region paths', () => {
    const found: string[] = [];
    for (const file of sources(SRC)) {
      const rel = relative(SRC, file).split('\\').join('/');
      if (ALLOWED.some((re) => re.test(rel))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const code = line.replace(/^\s*(\/\/|\*|\/\*).*$/, '');
          for (const r of RAW)
            if (r.test(code))
              found.push(`${rel}:${i + 1} ${r.what} — use inScope/pathUnder/pathAbove/isPathWithin from auth/scope.ts`);
        });
    }
    expect(found).toEqual([]);
  });

  it('is probed out of scope by every route case, or the case says why not (noScope)', () => {
    const unprobed = Object.entries(routeCases)
      .filter(([, c]) => (c.outOfScope ? !c.expectOutOfScope : !c.noScope?.trim()))
      .map(([key]) => key);
    expect(unprobed).toEqual([]);
  });
});

describe('the kernel helpers', () => {
  const text = (q: ReturnType<typeof sql>) => new PgDialect().sqlToQuery(q);
  it('bind path values as parameters and leave column expressions as written', () => {
    expect(text(pathUnder(sql`h.region_path`, 'c1.t2'))).toMatchObject({
      sql: 'h.region_path <@ $1::ltree',
      params: ['c1.t2'],
    });
    expect(text(pathStrictlyUnder(sql`g.path`, sql`r.path`)).sql).toBe('(g.path <@ r.path AND g.path <> r.path)');
    expect(text(pathRelated(sql`g.path`, 'c1')).sql).toBe('(g.path <@ $1::ltree OR g.path @> $2::ltree)');
    expect(text(inScopeBelow({ scopePath: 'c1' }, sql`e.region_path`, undefined))).toMatchObject({
      sql: 'e.region_path <@ $1::ltree',
      params: ['c1'],
    });
    expect(text(inScopeBelow({ scopePath: 'c1' }, sql`e.region_path`, 'c1.t2'))).toMatchObject({
      sql: 'e.region_path <@ $1::ltree AND e.region_path <@ $2::ltree',
      params: ['c1', 'c1.t2'],
    });
  });

  it('compare paths label-wise in JavaScript', () => {
    expect(isPathWithin('c1.t2.v3', 'c1.t2')).toBe(true);
    expect(isPathWithin('c1.t22', 'c1.t2')).toBe(false);
    expect(actorSees({ scopePath: 'c1.t2' }, 'c1.t2')).toBe(true);
    expect(actorSees({ scopePath: 'c1.t2' }, 'c1')).toBe(false);
  });
});
