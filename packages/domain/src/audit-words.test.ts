import { describe, expect, it } from 'vitest';
import { AUDIT_EVENT_CODES, auditEventWord, auditTargetWord } from './audit-words.js';

describe('audit words', () => {
  it('names every event in both languages', () => {
    for (const code of AUDIT_EVENT_CODES) {
      expect(auditEventWord('zh-CN', code)).toMatch(/[\u4e00-\u9fa5]/);
      expect(auditEventWord('en-US', code)).not.toBe(code);
    }
    expect(auditEventWord('zh-CN', 'auth.login')).toBe('登录');
  });

  it('shows the code of an event without words, and nothing for no target', () => {
    expect(auditEventWord('zh-CN', 'new.thing')).toBe('new.thing');
    expect(auditTargetWord('zh-CN', 'user')).toBe('用户');
    expect(auditTargetWord('zh-CN', null)).toBe('');
  });
});
