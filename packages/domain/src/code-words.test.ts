import { describe, expect, it } from 'vitest';
import { CODE_WORDS, codeWord } from './code-words.js';
import { MEASURED_BY, SYMPTOMS } from './key-person.js';

describe('CODE_WORDS', () => {
  it('gives every locale the same codes', () => {
    const codes = (l: keyof typeof CODE_WORDS) =>
      Object.fromEntries(Object.entries(CODE_WORDS[l]).map(([f, m]) => [f, Object.keys(m)]));
    expect(codes('en-US')).toEqual(codes('zh-CN'));
  });

  it('has a word for every symptom and every way of measuring', () => {
    expect(Object.keys(CODE_WORDS['zh-CN'].symptom).sort()).toEqual([...SYMPTOMS].sort());
    expect(Object.keys(CODE_WORDS['zh-CN'].measuredBy).sort()).toEqual([...MEASURED_BY].sort());
  });

  it('answers the word, nothing for an empty field, and the code itself when it has none', () => {
    expect(codeWord('zh-CN', 'decision', 'turnBack')).toBe('劝返');
    expect(codeWord('en-US', 'healthCode', 'green')).toBe('Green');
    expect(codeWord('zh-CN', 'itinerary', null)).toBe('');
    expect(codeWord('zh-CN', 'vehicleType', 'tractor')).toBe('tractor');
  });
});
