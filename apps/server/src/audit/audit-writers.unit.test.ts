import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditOutcomes } from './audit.js';

const SRC = join(import.meta.dirname, '..');

function* sources(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) yield* sources(path);
    else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name)) yield path;
  }
}

describe('audit rows', () => {
  it('are inserted only by audit/audit.ts (audit() or auditRow + insertAuditRows), so every event name is typed', () => {
    const raw = [...sources(SRC)]
      .map((file) => relative(SRC, file).split('\\').join('/'))
      .filter((rel) => rel !== 'audit/audit.ts' && !rel.startsWith('db/migrations/'))
      .filter((rel) => /INSERT\s+INTO\s+audit_log\b/i.test(readFileSync(join(SRC, rel), 'utf8')));
    expect(raw).toEqual([]);
  });

  it('declared by a route become the row sets a successful call may leave', () => {
    expect(auditOutcomes(undefined)).toEqual([[]]);
    expect(auditOutcomes(false)).toEqual([[]]);
    expect(auditOutcomes('person.export')).toEqual([['person.export']]);
    expect(auditOutcomes(['person.view', 'keyPerson.update'])).toEqual([['keyPerson.update', 'person.view']]);
    expect(auditOutcomes({ oneOf: ['dailyReport.submit', ['auth.login', 'auth.sessionEnded']] })).toEqual([
      ['dailyReport.submit'],
      ['auth.login', 'auth.sessionEnded'],
    ]);
  });
});
