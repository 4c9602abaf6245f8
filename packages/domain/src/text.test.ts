import { describe, expect, it } from 'vitest';
import { cleanInput, normalizeText, textError, textSchema, TEXT_ERRORS } from './text.js';
import { domainMessages } from './messages.js';

describe('text', () => {
  it.each([
    ['ab\u0000cd', 'nul'],
    ['ab\uD800cd', 'surrogate'],
    ['ab\uDC00', 'surrogate'],
    ['张\u0007三', 'control'],
    ['张\u001B[31m三', 'control'],
    ['\u0085x', 'control'],
    ['gpj\u202Eexe', 'invisible'],
    ['张\u200B三', 'invisible'],
    ['\uFEFF张三', 'invisible'],
    ['a\u2066b', 'invisible'],
    ['soft\u00ADhyphen', 'invisible'],
  ])('refuses %j (%s)', (value, error) => {
    expect(textError(value)).toBe(error);
  });

  it('lets names, remarks with line breaks and tabs, and emoji through', () => {
    for (const ok of ['张三', '阿卜杜拉·买买提', '第一行\n第二行\r\n\t缩进', "O'Brien", '😀', '𠀀'])
      expect(textError(ok), ok).toBeNull();
  });

  it('normalises to NFC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00E9');
  });

  it('cleans every string of a request, keys included, and names the path of each bad one', () => {
    const { value, issues } = cleanInput({
      name: 'e\u0301',
      members: [{ note: 'ok' }, { note: 'a\u0000' }],
      ['k\u200B']: 1,
      n: 3,
    });
    expect(value).toMatchObject({ name: '\u00E9', n: 3 });
    expect(issues).toEqual([
      { path: ['members', 1, 'note'], key: 'text.nul' },
      { path: ['k\u200B'], key: 'text.invisible' },
    ]);
    const bytes = new Uint8Array([97, 0]);
    expect(cleanInput(bytes).value).toBe(bytes);
  });

  it('offers a text schema with the same rules, trimmed and bounded', () => {
    const name = textSchema({ min: 1, max: 5 });
    expect(name.parse('  e\u0301  ')).toBe('\u00E9');
    expect(name.safeParse('a\u202Eb').error?.issues[0]?.message).toBe('text.invisible');
    expect(name.safeParse('   ').error?.issues[0]?.message).toBe('required');
    expect(name.safeParse('abcdef').error?.issues[0]?.message).toBe('tooLong');
  });

  it('has a message for every reason', () => {
    for (const locale of ['zh-CN', 'en-US'] as const)
      for (const e of TEXT_ERRORS) expect(domainMessages[locale][`text.${e}`]).toBeTruthy();
  });
});
