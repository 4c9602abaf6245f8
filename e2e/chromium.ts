import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
const NONE =
  "No Chromium for the end-to-end tests: install your system's Chromium (Debian/Ubuntu: apt-get install chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary.";

function onPath(): string | undefined {
  for (const name of ON_PATH) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  return undefined;
}

function playwrightsOwn(): string | undefined {
  const own = chromium.executablePath();
  return own && existsSync(own) ? own : undefined;
}

/**
 * The Chromium the tests drive: CHROMIUM_PATH, else one on the PATH, else Playwright's own
 * (downloaded on demand, where the machine reaches Playwright's download host), else an error
 * that says what to install.
 */
export function findChromium(): string {
  const given = process.env.CHROMIUM_PATH;
  if (given) {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH=${given} does not exist. ${NONE}`);
    return given;
  }
  const found = onPath() ?? playwrightsOwn();
  if (found) return found;
  console.log('No Chromium on this machine: trying `npx playwright install chromium`…');
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  const installed = playwrightsOwn();
  if (installed) return installed;
  throw new Error(NONE);
}
