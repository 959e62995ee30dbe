/**
 * Debian's Chromium driven by playwright-core: a fresh profile per test file, and a real
 * offline switch. context.setOffline alone does not cover the service worker's own
 * requests, so every request that would leave the browser is aborted as well.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { WELCOME_SNAPSHOT_KEY } from '../../../src/app/kiosk/welcome-snapshot';

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

/** A phone as Chromium emulates it: touch, a mobile viewport, the phone's user agent. */
export interface PhoneProfile {
  viewport: { width: number; height: number };
  userAgent?: string;
}

/** Safari on an iPhone with iOS 16, the oldest a visitor's phone is expected to run. */
export const IPHONE_SAFARI_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1';

/** Where the phone tests put screenshots for a person to look at (never compared). */
export const PHONE_SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'phone');

export async function launchBrowser(
  options: {
    viewport?: { width: number; height: number };
    locale?: string;
    /** Emulates a phone: isMobile, hasTouch, its viewport and user agent. */
    phone?: PhoneProfile;
    /**
     * Lets a kiosk's start paint the welcome screen it kept (public/welcome-snapshot.js).
     * Off unless asked for: the copy's buttons other than Start do nothing until the app
     * has rendered over it, so a test that clicks one as soon as it shows would race the
     * app. The tests of the copy and the start benchmarks turn it on.
     */
    paintKeptWelcome?: boolean;
    /**
     * false: the pages see no Background Sync, as in Safari and Firefox, so only the page's
     * own sync engine sends, and a test that watches or changes the page's requests sees
     * every batch (the service worker's requests are not the page's).
     */
    backgroundSync?: false;
  } = {},
): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'kiosk-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: options.phone?.viewport ?? options.viewport ?? { width: 1024, height: 768 },
    locale: options.locale ?? 'en-GB',
    ...(options.phone
      ? {
          isMobile: true,
          hasTouch: true,
          deviceScaleFactor: 2,
          ...(options.phone.userAgent ? { userAgent: options.phone.userAgent } : {}),
        }
      : {}),
    serviceWorkers: 'allow',
    env: browserEnv(),
  });
  if (options.backgroundSync === false) {
    await context.addInitScript(() => {
      if (!('ServiceWorkerRegistration' in globalThis)) return;
      Object.defineProperty(ServiceWorkerRegistration.prototype, 'sync', {
        get: () => undefined,
        configurable: true,
      });
    });
  }
  if (!options.paintKeptWelcome) {
    // Before any of the page's scripts: the copy is gone when the page would paint it, and
    // the app keeps a new one as it would.
    await context.addInitScript((key) => {
      try {
        localStorage.removeItem(key);
      } catch {
        // A page without storage paints no copy either.
      }
    }, WELCOME_SNAPSHOT_KEY);
  }
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
