// The web app on a weak phone network: for each field page, a fresh Chromium (the machine's) throttled
// like a village phone (1.6 Mbps down, 750 kbps up, 150 ms round trip, CPU 4× slower) opens it as
// its user, then opens it again. Prints bytes, requests and the time until the page is usable.
// It drives a running server (the demo county): start one with `npm start` and FANGKONG_DEMO=on.
//   npm run bench:web -- [--url http://127.0.0.1:3000] [--pages checkpoint,households] [--no-throttle]
import { parseArgs } from 'node:util';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { findChromium } from '../e2e/chromium.js';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    pages: { type: 'string' },
    password: { type: 'string', default: 'fangkong-demo' },
    chromium: { type: 'string' },
    'no-throttle': { type: 'boolean', default: false },
  },
});

interface FieldPage {
  key: string;
  name: string;
  path: string;
  user: string;
  phone: boolean;
  /** What shows once the page can be used. */
  usable: string;
  /** Target time to usable on a first visit, and gzipped JS. */
  targetMs: number;
  targetJsKb: number;
}

const PAGES: FieldPage[] = [
  {
    key: 'checkpoint',
    name: '卡口登记',
    path: '/checkpoint-entry',
    user: 'checkpoint',
    phone: true,
    usable: '[data-nav="plate"]:not([disabled])',
    targetMs: 4000,
    targetJsKb: 150,
  },
  {
    key: 'households',
    name: '我的住户',
    path: '/my-households',
    user: 'grid',
    phone: true,
    usable: 'main .ant-list-item, main .ant-empty',
    targetMs: 4000,
    targetJsKb: 150,
  },
  {
    key: 'checks',
    name: '测温任务',
    path: '/checks',
    user: 'doctor',
    phone: true,
    usable: 'main .ant-list-item, main .ant-empty',
    targetMs: 4000,
    targetJsKb: 150,
  },
  {
    key: 'leads',
    name: '线索核查',
    path: '/leads',
    user: 'grid',
    phone: true,
    usable: 'main .ant-table-row, main .ant-list-item, main .ant-empty',
    targetMs: 4000,
    targetJsKb: 150,
  },
  {
    key: 'dashboard',
    name: '指挥调度',
    path: '/dashboard',
    user: 'county',
    phone: false,
    usable: 'main .ant-statistic',
    targetMs: 4000,
    targetJsKb: 350,
  },
];
const chosen = args.pages ? PAGES.filter((p) => args.pages!.split(',').includes(p.key)) : PAGES;

interface Visit {
  requests: number;
  bytes: number;
  jsBytes: number;
  jsRequests: number;
  cached: number;
  ms: number;
}

/** Counts what crosses the (throttled) network for one navigation, from the DevTools protocol. */
function meter(cdp: CDPSession) {
  const types = new Map<string, string>();
  const fromCache = new Set<string>();
  let v = { requests: 0, bytes: 0, jsBytes: 0, jsRequests: 0, cached: 0 };
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, e.type);
    if (e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache)
      fromCache.add(e.requestId);
  });
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => {
    if (fromCache.has(e.requestId)) {
      v.cached += 1;
      return;
    }
    v.requests += 1;
    v.bytes += e.encodedDataLength;
    if (types.get(e.requestId) === 'Script') {
      v.jsBytes += e.encodedDataLength;
      v.jsRequests += 1;
    }
  });
  return { reset: () => (v = { requests: 0, bytes: 0, jsBytes: 0, jsRequests: 0, cached: 0 }), read: () => ({ ...v }) };
}

async function throttle(cdp: CDPSession) {
  await cdp.send('Network.enable');
  if (args['no-throttle']) return;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 750e3 / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

async function visit(page: Page, p: FieldPage, m: ReturnType<typeof meter>): Promise<Visit> {
  m.reset();
  const started = Date.now();
  await page.goto(args.url + p.path, { waitUntil: 'commit' });
  await page.locator(p.usable).first().waitFor({ state: 'visible', timeout: 60_000 });
  const ms = Date.now() - started;
  await page.waitForLoadState('networkidle', { timeout: 15_000 }).catch(() => undefined);
  return { ...m.read(), ms };
}

async function signIn(context: BrowserContext, user: string) {
  const res = await context.request.post(`${args.url}/api/auth/login`, {
    data: { username: user, password: args.password },
  });
  if (!res.ok()) throw new Error(`login ${user}: ${res.status()} ${await res.text()}`);
  // The app asks for its session only in a browser that has signed in (auth/session.ts).
  await context.addInitScript("localStorage.setItem('fangkong.signedIn', '1')");
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;
const browser = await chromium.launch({
  executablePath: args.chromium ?? findChromium(),
  args: ['--no-sandbox', '--disable-gpu'],
});
const rows: string[] = [];
try {
  for (const p of chosen) {
    const context = await browser.newContext(
      p.phone
        ? {
            viewport: { width: 360, height: 780 },
            deviceScaleFactor: 2,
            isMobile: true,
            hasTouch: true,
            locale: 'zh-CN',
            timezoneId: 'Asia/Shanghai',
          }
        : { viewport: { width: 1920, height: 1080 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
    );
    await signIn(context, p.user);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttle(cdp);
    const m = meter(cdp);
    const first = await visit(page, p, m);
    const second = await visit(page, p, m);
    await context.close();
    const ok = first.ms <= p.targetMs && first.jsBytes / 1024 <= p.targetJsKb && second.ms <= 1000;
    rows.push(
      `| ${p.name} (${p.phone ? '360 px phone' : 'desktop'}) | ${first.requests} | ${kb(first.bytes)} | ${kb(first.jsBytes)} in ${first.jsRequests} | ${(first.ms / 1000).toFixed(1)} s | ${second.requests} (${second.cached} from cache) | ${kb(second.bytes)} | ${(second.ms / 1000).toFixed(1)} s | ${ok ? 'yes' : 'no'} (≤ ${p.targetJsKb} KB JS, ≤ ${p.targetMs / 1000} s, then ≤ 1 s) |`,
    );
    console.log(rows.at(-1));
  }
} finally {
  await browser.close();
}
console.log(
  `\nthrottling: ${args['no-throttle'] ? 'none' : '1.6 Mbps down, 750 kbps up, 150 ms RTT, CPU 4×'}; bytes as sent (compressed)`,
);
console.log(
  '| page | requests | bytes | JS | usable after | 2nd visit: requests | bytes | usable after | targets held |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
