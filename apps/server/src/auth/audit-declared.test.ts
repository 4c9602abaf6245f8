import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildApp } from '../app.js';
import { testDatabase } from '../../test/db.js';

describe('audit is declared', () => {
  it('refuses to start while a write or export route declares no audit, naming every such route in one message', async () => {
    const { appDb } = await testDatabase();
    const config = loadConfig({
      NODE_ENV: 'test',
      FANGKONG_WEB_DIR: '/nonexistent',
      FANGKONG_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fangkong-data-')),
      RATE_LIMIT: 'off',
    });
    const app = await buildApp({ db: appDb, config, logger: false });
    const ok = () => ({});
    app.post('/api/v1/undeclared-write', { config: { access: 'authenticated' } }, ok);
    app.delete('/api/v1/undeclared-delete/:id', { config: { access: 'authenticated' } }, ok);
    app.get('/api/v1/undeclared/export', { config: { access: 'authenticated' } }, ok);
    app.get('/api/v1/undeclared-read', { config: { access: 'authenticated' } }, ok);
    app.put('/api/v1/declared-none', { config: { access: 'authenticated', audit: false } }, ok);
    const refusal = await app.ready().then(
      () => null,
      (e: Error) => e.message,
    );
    await app.close().catch(() => {});
    expect(refusal).toContain('3 write or export route(s) declare no audit');
    for (const route of [
      'POST /api/v1/undeclared-write',
      'DELETE /api/v1/undeclared-delete/:id',
      'GET /api/v1/undeclared/export',
    ])
      expect(refusal).toContain(route);
    expect(refusal).not.toContain('undeclared-read');
    expect(refusal).not.toContain('declared-none');
  });
});
