import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { createDb, createPool } from './db/client.js';
import { buildApp } from './app.js';

/** Writes the OpenAPI document to docs/openapi.json (committed; CI fails when it drifts). */
const out = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/openapi.json');
// The document needs the routes, not a database: the pool never connects.
const pool = createPool('postgres://unused@127.0.0.1:1/unused');
const app = await buildApp({
  db: createDb(pool),
  config: loadConfig({ NODE_ENV: 'test', FANGKONG_WEB_DIR: '/nonexistent' }),
});
await app.ready();
await writeFile(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
await app.close();
await pool.end();
console.log(`wrote ${path.relative(process.cwd(), out)}`);
