/**
 * The first screen on a visitor's phone over mobile data, and the kiosk's start: the
 * production build served by the real collector, a public link made with its `link create`
 * command, in Debian's Chromium with the CPU slowed 4× and a slow 4G network (150 ms
 * round trip, 1.6 Mb/s down, 750 kb/s up) set through CDP.
 *
 * Each cold run is a new browser profile (no service worker, no storage) with the HTTP
 * cache off, so every byte comes over the slow network. It times, in the page from the
 * navigation's start: the first paint and first contentful paint; the first screen's
 * heading shown (in the DOM and painted); the first button responding (Start is tapped as
 * soon as a frame with it has been produced, and the time is when the next screen's heading
 * replaced the first after the tap); and the blocking time until then (each long task's
 * time beyond 50 ms, from a PerformanceObserver installed before the page's own scripts;
 * its entries not yet delivered when the next screen shows are taken too; runs before
 * 2026-12-03 missed them), twice: from the navigation's start, and as total blocking time
 * is defined (Lighthouse, web.dev): from the first contentful paint on, each task clipped
 * to the window before its 50 ms are taken off, up to Start's response here where
 * Lighthouse ends at its time to interactive (it taps nothing). The benchmark's observer
 * script, run in the page before the page's own, watches for all of it and tells the
 * benchmark through two CDP bindings; the benchmark taps through the browser's input. No
 * Playwright code runs in the page while it starts (until 2026-12-03 Playwright's locator found Start and its
 * waitForFunction polled for the next screen: both ran in the page on the slowed CPU,
 * beside the app's start, and were counted in it).
 *
 * The kiosk's warm offline start is the same page loaded again once its service worker
 * controls it and it has kept its welcome screen (src/app/kiosk/welcome-snapshot.ts), with
 * the network cut: only the CPU is slowed. It is measured twice, alternately: with the
 * service worker still running from the last load, and with it stopped first, as the
 * browser stops an idle worker, so the worker's own start (its script run) is part of the
 * page's.
 *
 * Prints each measure's median and range over the runs. `npx vitest bench --run
 * bench/phone-start.bench.ts`; BENCH_RUNS sets the number of runs (7). BENCH_STATIC_DIR
 * serves another client build instead of dist/client (an older revision's, built with
 * `npx vite build` in a copy of it), to compare the two under the same load.
 * BENCH_CASES=warm runs only the kiosk's warm offline start (`cold` only the cold starts;
 * both by default).
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { test } from 'vitest';
import { buildIfStale } from '../scripts/build-if-stale.mjs';
import { WELCOME_SNAPSHOT_KEY } from '../src/app/kiosk/welcome-snapshot';
import {
  goOffline,
  launchBrowser,
  type PhoneProfile,
  type TestBrowser,
  untilControlled,
} from '../test/e2e/support/browser';
import { BENCH_DEVICE_LIMITS, startCollector } from '../test/e2e/support/collector';
import { linkUrl, tokenIn } from '../test/e2e/support/public-links';
import { appText } from '../test/e2e/support/texts';
import { blockingWithin, median } from './figures';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** Which starts to measure: `cold` (the phone and the kiosk), `warm` (the kiosk offline), or both. */
const CASES = process.env.BENCH_CASES ?? 'cold,warm';
const COLD = CASES.includes('cold');
const WARM = CASES.includes('warm');
const CPU_SLOWDOWN = 4;
/** Slow 4G as Lighthouse's mobile audit sets it; throughputs in bytes per second. */
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};
/** A mid-range phone: the viewport of an iPhone 12–15, Chromium's own engine. */
const PHONE: PhoneProfile = { viewport: { width: 390, height: 844 } };
const START = appText('en', 'welcome.start');

/** What one page load measured, ms from the navigation's start. */
interface StartFigures {
  firstPaint: number;
  firstContentfulPaint: number;
  heading: number;
  responds: number;
  /** Every long task's time beyond 50 ms, from the navigation's start until Start responded. */
  blocking: number;
  /** The same from the first contentful paint on, as total blocking time is defined. */
  totalBlockingTime: number;
  longTasks: number;
}

/** What the page's observer tells the benchmark: CDP bindings (Runtime.addBinding). */
declare global {
  interface Window {
    /**
     * Start has been drawn: where to tap it (JSON of x and y, CSS pixels of the viewport),
     * or why it cannot be tapped (JSON of `lost`).
     */
    __startShown?: (at: string) => void;
    /** The next screen's heading has replaced the first after the tap: the figures can be read. */
    __startDone?: (nothing: string) => void;
  }
}

/** What the observer keeps in the page, read once the next screen has come. */
interface StartMarks {
  longTasks: { start: number; duration: number }[];
  headings: { text: string; at: number }[];
  /** When the benchmark's tap reached Start (a trusted click on it). */
  tappedAt?: number;
  /** The first heading with other text than the first screen's after the tap. */
  next?: { text: string; at: number };
  /** Long tasks the observer has seen but not yet delivered (they come in a later task). */
  pending: () => void;
}

/**
 * Runs in the page before its scripts: records long tasks, the moment an h1 with text first
 * appears, the moment a trusted tap reaches Start, and then the moment an h1 with other text
 * replaces the first (the next screen). It watches for the button labelled `startLabel`
 * and, once a frame has been produced with it in the page and a tap at its centre would
 * reach it, tells the benchmark where it is, so that the benchmark taps it at once (a tap
 * that missed is asked for again); then it says when the next screen has come. The measure
 * needs no other code in the page: Playwright's own (its locators, its waitForFunction's
 * polling, the wrapper of its exposed functions) would run beside the app's start on the
 * same slowed CPU and be counted in it. Raw CDP bindings put nothing in the page but the
 * two functions.
 */
function observeStart(startLabel: string): void {
  /** Past this many tries without a tap reaching Start, the run fails with the reason. */
  const START_MISSES_ALLOWED = 100;
  const marks: StartMarks = {
    longTasks: [],
    headings: [],
    pending: () => {
      for (const entry of tasks.takeRecords()) {
        marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
      }
    },
  };
  Object.assign(globalThis, { __startMarks: marks });
  const tasks = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      marks.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  });
  tasks.observe({ type: 'longtask', buffered: true });
  const isStart = (element: Element | null | undefined) =>
    element?.tagName === 'BUTTON' && element.textContent?.trim() === startLabel;
  const startButton = () => [...document.querySelectorAll('button')].find(isStart);
  /** A tap is being prepared or is on its way (until it is seen to miss). */
  let tapAsked = false;
  /** Taps asked for: each frame in which a tap would not have reached Start, each miss. */
  let tries = 0;
  const tryTap = () => {
    tapAsked = false;
    const start = startButton();
    if (!start) return; // Asked again when the page shows it.
    start.scrollIntoView({ block: 'nearest' });
    const box = start.getBoundingClientRect();
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    // Only where a tap reaches Start (not hidden, covered, or moving away).
    if (!start.contains(document.elementFromPoint(at.x, at.y))) return askForTap();
    tapAsked = true;
    window.__startShown?.(JSON.stringify(at));
  };
  const askForTap = () => {
    if (tapAsked) return;
    tapAsked = true;
    if (++tries > START_MISSES_ALLOWED) {
      const lost = `Start could not be tapped (${START_MISSES_ALLOWED} tries)`;
      window.__startShown?.(JSON.stringify({ lost }));
      return; // Asked no more.
    }
    // A visitor taps what they see: once a frame with the button has been produced.
    requestAnimationFrame(() => setTimeout(tryTap, 0));
  };
  addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || marks.tappedAt !== undefined) return;
      const target = event.target instanceof Element ? event.target.closest('button') : null;
      if (isStart(target)) {
        marks.tappedAt = performance.now();
        return;
      }
      // The page moved under the tap.
      tapAsked = false;
      askForTap();
    },
    true,
  );
  const look = () => {
    const text = document.querySelector('h1')?.textContent?.trim();
    if (text && marks.headings.at(-1)?.text !== text) {
      const heading = { text, at: performance.now() };
      marks.headings.push(heading);
      if (!marks.next && marks.tappedAt !== undefined && text !== marks.headings[0]?.text) {
        marks.next = heading;
        window.__startDone?.('');
      }
    }
    if (!tapAsked && startButton()) askForTap();
  };
  new MutationObserver(look).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
}

/** Slows the page's CPU, and its network unless `network` is false, before it loads. */
async function throttle(page: Page, network: boolean): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (!network) return cdp;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  return cdp;
}

/** Longer than any start takes: past it, a run that lost its way fails instead of hanging. */
const START_GIVEN_UP_MS = 120_000;

/**
 * Loads `url` in `page`, taps Start as soon as a frame with it has been produced (a trusted
 * tap through the browser's input, the mouse events Playwright's own click sends, without
 * its checks run in the page), and reads the page's marks once the next screen has come.
 * `cdp` is the page's session that throttles it.
 */
async function measureStart(page: Page, cdp: CDPSession, url: string): Promise<StartFigures> {
  let guard: NodeJS.Timeout | undefined;
  const nextScreen = new Promise<void>((resolve, reject) => {
    cdp.on('Runtime.bindingCalled', ({ name, payload }) => {
      if (name === '__startDone') resolve();
      if (name !== '__startShown') return;
      const at = JSON.parse(payload) as { x: number; y: number } | { lost: string };
      if ('lost' in at) reject(new Error(`${at.lost}: ${url}`));
      else page.mouse.click(at.x, at.y).catch(reject);
    });
    page.once('crash', () => reject(new Error(`the page crashed while starting: ${url}`)));
    page.once('close', () => reject(new Error(`the page closed while starting: ${url}`)));
    guard = setTimeout(
      () => reject(new Error(`Start did not bring the next screen: ${url}`)),
      START_GIVEN_UP_MS,
    );
  });
  // Awaited below; a failure before then is not an unhandled rejection.
  nextScreen.catch(() => {});
  await cdp.send('Runtime.enable');
  await cdp.send('Runtime.addBinding', { name: '__startShown' });
  await cdp.send('Runtime.addBinding', { name: '__startDone' });
  await page.addInitScript(observeStart, START);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await nextScreen;
  } finally {
    clearTimeout(guard);
  }
  const { tasks, ...figures } = await page.evaluate(() => {
    const marks = (globalThis as unknown as { __startMarks: StartMarks }).__startMarks;
    const {
      headings: [first],
      next,
    } = marks;
    if (!first || !next) throw new Error('the next screen was reported before it came');
    marks.pending();
    const paint = (name: string) =>
      performance.getEntriesByType('paint').find((e) => e.name === name)?.startTime ?? Number.NaN;
    const contentful = paint('first-contentful-paint');
    const blockingTasks = marks.longTasks.filter((t) => t.start < next.at);
    return {
      firstPaint: paint('first-paint'),
      firstContentfulPaint: contentful,
      // A heading in the DOM before the first contentful paint shows with it.
      heading: Math.max(first.at, contentful),
      responds: next.at,
      blocking: blockingTasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
      longTasks: blockingTasks.length,
      tasks: marks.longTasks,
    };
  });
  return {
    ...figures,
    totalBlockingTime: blockingWithin(tasks, figures.firstContentfulPaint, figures.responds),
  };
}

/** A first visit: a new profile, the cache off, the slow network. */
async function coldStart(url: string, phone: boolean): Promise<StartFigures> {
  const browser = await launchBrowser({
    paintKeptWelcome: true,
    ...(phone ? { phone: PHONE } : {}),
  });
  try {
    const page = await browser.context.newPage();
    return await measureStart(page, await throttle(page, true), url);
  } finally {
    await browser.close();
  }
}

/**
 * The kiosk opened again under its service worker with the network cut; the CPU slowed.
 * `workerStopped`: the worker was stopped first (as the browser stops an idle one), so it
 * starts, running its script, to answer the navigation.
 */
async function warmOfflineStart(
  context: BrowserContext,
  url: string,
  workerStopped = false,
): Promise<StartFigures> {
  const page = await context.newPage();
  try {
    const throttled = await throttle(page, false);
    if (workerStopped) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await cdp.detach();
    }
    return await measureStart(page, throttled, url);
  } finally {
    await page.close();
  }
}

function table(rows: [string, StartFigures[]][]): string {
  const columns: [keyof StartFigures, string][] = [
    ['firstPaint', 'first paint'],
    ['firstContentfulPaint', 'FCP'],
    ['heading', 'heading'],
    ['responds', 'Start responds'],
    ['blocking', 'blocking'],
    ['totalBlockingTime', 'TBT (from FCP)'],
    ['longTasks', 'long tasks'],
  ];
  const cell = (runs: StartFigures[], key: keyof StartFigures) => {
    const values = runs.map((r) => r[key]);
    const unit = key === 'longTasks' ? '' : ' ms';
    return `${median(values).toFixed(0)}${unit} (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;
  };
  const lines = [
    ['', ...columns.map(([, name]) => name)],
    ...rows.map(([name, runs]) => [name, ...columns.map(([key]) => cell(runs, key))]),
  ];
  const widths = lines[0]?.map((_, i) => Math.max(...lines.map((l) => l[i]?.length ?? 0))) ?? [];
  return lines.map((l) => l.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')).join('\n');
}

test('the first screen on a phone over slow 4G, and the kiosk start', {
  timeout: 1_800_000,
}, async () => {
  if (!buildIfStale()) throw new Error('the build failed: the start is measured on it');
  const staticDir = process.env.BENCH_STATIC_DIR;
  const collector = await startCollector({
    env: BENCH_DEVICE_LIMITS,
    ...(staticDir ? { staticDir } : {}),
  });
  let kiosk: TestBrowser | undefined;
  try {
    const token = tokenIn(await collector.cli(['link', 'create', '--branch', 'main']));
    const phoneUrl = linkUrl(collector.url, token);

    const runs = {
      phone: [] as StartFigures[],
      kiosk: [] as StartFigures[],
      warm: [] as StartFigures[],
      warmWorkerStopped: [] as StartFigures[],
    };
    if (COLD) {
      // One warm-up of each, not counted: the collector's first replies and Chromium's first start.
      await coldStart(phoneUrl, true);
      await coldStart(collector.url, false);
      for (let run = 0; run < RUNS; run++) {
        runs.phone.push(await coldStart(phoneUrl, true));
        runs.kiosk.push(await coldStart(collector.url, false));
      }
    }

    if (WARM) {
      kiosk = await launchBrowser({ paintKeptWelcome: true });
      const first = await kiosk.context.newPage();
      await first.goto(collector.url);
      await untilControlled(first);
      // A kiosk that showed its welcome screen once keeps it for its next start (a build
      // from before that change has no snapshot script and keeps nothing).
      await first.waitForFunction(
        (key) =>
          localStorage.getItem(key) !== null ||
          document.querySelector('script[src="/welcome-snapshot.js"]') === null,
        WELCOME_SNAPSHOT_KEY,
      );
      await first.close();
      await goOffline(kiosk.context);
      await warmOfflineStart(kiosk.context, collector.url);
      for (let run = 0; run < RUNS; run++) {
        runs.warm.push(await warmOfflineStart(kiosk.context, collector.url));
        runs.warmWorkerStopped.push(await warmOfflineStart(kiosk.context, collector.url, true));
      }
    }

    if (staticDir) console.log(`the client build in ${staticDir}`);
    console.log(
      `ms from the navigation's start, median (min–max) of ${RUNS} runs; CPU ${CPU_SLOWDOWN}× slower; cold: slow 4G, no cache, new profile`,
    );
    console.log(
      table(
        (
          [
            ['phone /s/<token>, cold', runs.phone],
            ['kiosk /, cold', runs.kiosk],
            ['kiosk /, warm offline', runs.warm],
            ['kiosk /, warm offline, worker stopped', runs.warmWorkerStopped],
          ] as [string, StartFigures[]][]
        ).filter(([, measured]) => measured.length > 0),
      ),
    );
  } finally {
    await kiosk?.close();
    await collector.dispose();
  }
});
