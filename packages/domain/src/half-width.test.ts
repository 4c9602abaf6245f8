import { describe, expect, it } from 'vitest';
import { toHalfWidth } from './half-width.js';

describe('toHalfWidth', () => {
  it('converts full-width ASCII forms and the ideographic space', () => {
    expect(toHalfWidth('ＡＢＣａｂｃ０１２９！～')).toBe('ABCabc0129!~');
    expect(toHalfWidth('３６．５，　＋８６')).toBe('36.5, +86');
  });
  it('leaves other characters alone', () => {
    expect(toHalfWidth('川A·12345℃。')).toBe('川A·12345℃。');
    expect(toHalfWidth('')).toBe('');
  });
});
