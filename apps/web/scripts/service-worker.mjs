// Writes dist/sw.js: the worker of sw/service-worker.js with the build's files to keep offline and a
// version taken from them (a new build, a new worker that replaces the old shell).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const template = readFileSync(fileURLToPath(new URL('../sw/service-worker.js', import.meta.url)), 'utf8');

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (!/\.(br|gz|map)$/.test(name) && name !== 'sw.js') yield full;
  }
}

const urls = [...files(dist)].map((f) => `/${path.relative(dist, f).split(path.sep).join('/')}`).sort();
const hash = createHash('sha256');
for (const url of urls) hash.update(url).update(readFileSync(path.join(dist, url)));
const version = hash.digest('hex').slice(0, 12);
writeFileSync(
  path.join(dist, 'sw.js'),
  template.replace('__VERSION__', version).replace('__PRECACHE__', JSON.stringify(urls)),
);
console.log(`sw.js ${version}: ${urls.length} files kept for offline use`);
