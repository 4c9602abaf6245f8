#!/usr/bin/env node
// Runs every test tier and ends with one line, "N passed, N failed", summing them all.
// Tiers: unit, integration (half on the embedded PostgreSQL 17, half on the machine's own PostgreSQL,
// initdb on PATH, e.g. 15, when present), and end-to-end in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.tmp', 'test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2);
const hasSystemPostgres =
  spawnSync('sh', ['-c', 'command -v initdb && command -v pg_ctl'], { stdio: 'ignore' }).status === 0;

const vitestTier = (name, project, env = {}, args = []) => ({
  name,
  cmd: [
    'npx',
    'vitest',
    'run',
    '--project',
    project,
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${path.join(out, `${name}.json`)}`,
  ],
  env,
  count: (file) => {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    return {
      passed: r.numPassedTests,
      failed: r.numFailedTests + (r.success ? 0 : r.numTotalTestSuites === 0 ? 1 : 0),
    };
  },
});

// With the machine's PostgreSQL present, the integration files are split in two halves: one on the
// embedded server, one on the machine's. Every test runs once, and both servers run real work.
const integration = hasSystemPostgres
  ? [
      vitestTier('integration', 'integration', {}, ['--shard=1/2']),
      vitestTier('integration-system-pg', 'integration', { FANGKONG_TEST_PG: 'system' }, ['--shard=2/2']),
    ]
  : [vitestTier('integration', 'integration')];

const tiers = [
  vitestTier('unit', 'unit'),
  ...integration,
  {
    name: 'e2e',
    cmd: ['npx', 'playwright', 'test', '--config', 'e2e/playwright.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: path.join(out, 'e2e.json') },
    count: (file) => {
      const s = JSON.parse(readFileSync(file, 'utf8')).stats;
      return { passed: s.expected + s.flaky, failed: s.unexpected };
    },
  },
].filter((t) => !only.length || only.includes(t.name));

let passed = 0;
let failed = 0;
for (const tier of tiers) {
  console.log(`\n=== ${tier.name} ===`);
  const res = spawnSync(tier.cmd[0], tier.cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...tier.env },
  });
  const file = path.join(out, `${tier.name}.json`);
  const counts = existsSync(file) ? tier.count(file) : { passed: 0, failed: 1 };
  // A runner that crashed or exited non-zero without counting a failure still fails the run.
  if (res.status !== 0 && counts.failed === 0) counts.failed = 1;
  console.log(`${tier.name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
