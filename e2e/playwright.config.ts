import { defineConfig, devices } from '@playwright/test';
import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findChromium } from './chromium.js';

// The real product: the server on its own embedded PostgreSQL in a throw-away directory, with a
// small demo county, serving the built web app. Chromium is the machine's (see chromium.ts).
// A port of its own per run (several checkouts may test side by side); workers inherit it.
process.env.E2E_PORT ??= String(3300 + (process.pid % 2000));
const port = Number(process.env.E2E_PORT);
// Workers load this file too; they inherit the directory the main process chose.
process.env.E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'fangkong-e2e-'));
// Found once by the main process; the workers inherit it.
process.env.CHROMIUM_PATH = findChromium();
const dataDir = process.env.E2E_DATA_DIR;
chmodSync(dataDir, 0o755);

export default defineConfig({
  testDir: './tests',
  globalTeardown: './teardown.ts',
  outputDir: '../.tmp/e2e-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], channel: undefined }, grepInvert: /@phone/ },
    { name: 'phone', use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
  ],
  webServer: {
    command: `npm run build -w @fangkong/web && npm run start -w @fangkong/server`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      FANGKONG_DATA_DIR: dataDir,
      FANGKONG_DEMO: 'on',
      FANGKONG_DEMO_PERSONS: '3000',
      LOG_LEVEL: 'warn',
    },
  },
});
