// The gzipped JS a first visit of each page fetches, read from a build's manifest (vite build
// --manifest): the entry with its static imports, the signed-in frame (AppLayout) for every page
// but the public check-in page, then the page's chunk with its own. A quick check
// between builds; bench:web measures the real thing in a throttled Chromium.
//   node scripts/page-bytes.mjs [dist]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? fileURLToPath(new URL('../dist', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8'));
const PAGES = {
  卡口登记: 'src/pages/checkpoints/RegisterEntryPage.tsx',
  我的住户: 'src/pages/field/MyHouseholdsPage.tsx',
  测温任务: 'src/pages/key-persons/CheckRoundPage.tsx',
  线索核查: 'src/pages/leads/LeadsPage.tsx',
  打卡: 'src/pages/check-in/CheckInPage.tsx',
  指挥调度: 'src/pages/dashboard/DashboardPage.tsx',
};
const FRAME = 'src/layout/AppLayout.tsx';
const gz = new Map();
const gzipOf = (file) =>
  gz.get(file) ?? gz.set(file, gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length).get(file);
function closure(key, seen) {
  if (seen.has(key) && key !== FRAME) return seen;
  seen.add(key);
  for (const k of manifest[key].imports ?? []) closure(k, seen);
  return seen;
}
const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
const kb = (keys) =>
  (
    [...keys].filter((k) => manifest[k].file.endsWith('.js')).reduce((n, k) => n + gzipOf(manifest[k].file), 0) / 1024
  ).toFixed(1);
const shell = closure(entry, new Set());
console.log(`app shell (entry + static imports): ${kb(shell)} KB gzipped`);
for (const [name, src] of Object.entries(PAGES)) {
  if (!manifest[src]) {
    console.log(`${name}: ${src} not in the manifest`);
    continue;
  }
  const all = new Set(shell);
  if (name !== '打卡' && manifest[FRAME]) closure(FRAME, all);
  closure(src, all);
  console.log(`${name}: ${kb(all)} KB gzipped JS (${all.size} chunks)`);
}
