/**
 * Debian's Chromium driven by playwright-core: a fresh profile per test file, and a real
 * offline switch. context.setOffline alone does not cover the service worker's own
 * requests, so every request that would leave the browser is aborted as well.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface TestBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

/**
 * The browser's environment: the test runner's, less libfaketime. When the suite runs with
 * the clock moved (scripts/test-any-date.mjs, or by hand), the collector and the tests
 * move but the browser keeps the machine's time: libfaketime slows Chromium tenfold, and a
 * tablet whose clock is a year off from the collector's is a case the app must bear anyway.
 */
function browserEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('FAKETIME') && name !== 'LD_PRELOAD') {
      env[name] = value;
    }
  }
  return env;
}

export async function launchBrowser(
  options: { viewport?: { width: number; height: number }; locale?: string } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 1024, height: 768 },
    locale: options.locale ?? 'en-GB',
    serviceWorkers: 'allow',
    env: browserEnv(),
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const abortAll = (route: { abort: (code: string) => Promise<void> }) =>
  route.abort('internetdisconnected');

/** Cuts the network for pages and for the service worker alike. */
export async function goOffline(context: BrowserContext): Promise<void> {
  await context.setOffline(true);
  await context.route('**/*', abortAll);
}

export async function goOnline(context: BrowserContext): Promise<void> {
  await context.unroute('**/*', abortAll);
  await context.setOffline(false);
}

/**
 * Waits until the service worker controls the page. `navigator.serviceWorker.ready` is not
 * enough: it resolves once a worker is active, while the page that installed it is only
 * controlled once the worker claims it; until then its lazy chunks come from the network.
 */
export async function untilControlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
