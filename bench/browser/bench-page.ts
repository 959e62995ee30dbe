/**
 * The browser benchmarks' page: device-bench.ts bundled by Vite and served by Playwright's
 * routing at /__bench/ on the collector's origin (the collector itself never serves it),
 * so the page shares the kiosk's IndexedDB, Web Locks and API origin.
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { build, type Rolldown } from 'vite';
import type { DeviceBench } from './device-bench';

const ENTRY = fileURLToPath(new URL('./device-bench.ts', import.meta.url));
const PAGE_PATH = '/__bench/device.html';
const SCRIPT_PATH = '/__bench/device.js';

let bundled: Promise<string> | undefined;

/** The page's script: the app's store and sync code as the kiosk's build bundles it. */
function deviceBenchScript(): Promise<string> {
  bundled ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'warn',
      build: {
        write: false,
        minify: true,
        lib: { entry: ENTRY, formats: ['es'], fileName: 'device' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
    for (const item of outputs.flatMap((o) => o.output)) {
      if (item.type === 'chunk') return item.code;
    }
    throw new Error('the bench page bundle has no script');
  })();
  return bundled;
}

/** Opens the bench page on `origin` in a new tab; `call` runs one of its functions. */
export async function openBenchPage(
  context: BrowserContext,
  origin: string,
): Promise<{
  page: Page;
  call: <K extends keyof DeviceBench>(
    name: K,
    ...args: Parameters<DeviceBench[K]>
  ) => Promise<Awaited<ReturnType<DeviceBench[K]>>>;
}> {
  const script = await deviceBenchScript();
  const pattern = `${origin}/__bench/**`;
  await context.route(pattern, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === SCRIPT_PATH) {
      return route.fulfill({ contentType: 'text/javascript', body: script });
    }
    return route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta charset="utf-8"><script type="module" src="${SCRIPT_PATH}"></script>`,
    });
  });
  const page = await context.newPage();
  await page.goto(`${origin}${PAGE_PATH}`);
  await page.waitForFunction(() => 'deviceBench' in globalThis);
  // A route, while set, pauses every request of the context (the API's too, with their
  // bodies) for a round trip to this process: measured, a drain waited 5.6 s for the
  // collector's replies with it, 3.2–3.7 s without. The page has loaded what it is
  // served; nothing else is routed.
  await context.unroute(pattern);
  return {
    page,
    call: (name, ...args) =>
      page.evaluate(
        ([fn, fnArgs]) => {
          type Callable = (...callArgs: unknown[]) => unknown;
          const bench = (globalThis as unknown as { deviceBench: Record<string, Callable> })
            .deviceBench;
          return bench[fn as string]?.(...(fnArgs as unknown[]));
        },
        [name, args] as const,
      ) as never,
  };
}
