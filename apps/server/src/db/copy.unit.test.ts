import { describe, expect, it } from 'vitest';
import { arrayLiteral, copyLine, copyText } from './copy.js';

describe('COPY text format', () => {
  it('escapes backslashes, tabs, newlines and carriage returns', () => {
    expect(copyText('a\\b\tc\nd\re')).toBe('a\\\\b\\tc\\nd\\re');
    expect(copyText('金堂县淮口街道 3号')).toBe('金堂县淮口街道 3号');
  });

  it('writes nulls as \\N, numbers and booleans as text, and arrays as literals', () => {
    expect(copyLine(['x', null, undefined, 3, true, ['disabled', 'elderlyAlone'], []])).toBe(
      'x\t\\N\t\\N\t3\ttrue\t{disabled,elderlyAlone}\t{}',
    );
  });

  it('quotes array elements that need it, and escapes the literal for COPY', () => {
    expect(arrayLiteral(['a b', 'c,d', 'e"f', 'NULL', ''])).toBe('{"a b","c,d","e\\"f","NULL",""}');
    expect(copyLine([['a\\b']])).toBe('{"a\\\\\\\\b"}');
  });
});
