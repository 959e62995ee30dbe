/**
 * App updates use prompt mode. A new version found mid-survey waits; it is applied
 * only once the kiosk is back on the welcome screen, after the response was saved.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_SURVEYS } from '../../src/surveys';
import { KioskPage } from './pages/kiosk-page';
import { patronAnswers } from './support/answers';
import { launchBrowser, type TestBrowser } from './support/browser';
import { type RunningCollector, startCollector } from './support/collector';
import { readResponses } from './support/indexeddb';
import { onlySurvey, questionOf } from './support/texts';

const survey = onlySurvey(BUILT_IN_SURVEYS);

describe('a new version of the app', () => {
  let collector: RunningCollector;
  let browser: TestBrowser;
  let deployed: string;

  beforeAll(async () => {
    // The collector serves a copy of the build, so the test can "deploy" a new version.
    deployed = mkdtempSync(join(tmpdir(), 'deployed-app-'));
    cpSync('dist/client', deployed, { recursive: true });
    collector = await startCollector({ staticDir: deployed });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await collector?.dispose();
    rmSync(deployed, { recursive: true, force: true });
  });

  it('waits while a patron answers and is applied on the welcome screen', async () => {
    const page = await browser.context.newPage();
    await page.goto(collector.url);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    const kiosk = new KioskPage(page, survey);
    await kiosk.start();
    await kiosk.answer(questionOf(survey, 'visit-frequency'), 'weekly');
    await kiosk.next();
    await page.evaluate(() => {
      (window as unknown as { sameDocument: boolean }).sameDocument = true;
    });

    // Deploy: the page and so the service worker script change (the page's revision in
    // its precache list), the browser finds it and installs it.
    const index = join(deployed, 'index.html');
    writeFileSync(
      index,
      readFileSync(index, 'utf8').replace('</head>', '<meta name="app-build" content="2"></head>'),
    );
    const worker = join(deployed, 'sw.js');
    const script = readFileSync(worker, 'utf8');
    const deployedScript = script.replace(
      /("revision":")[0-9a-f]+(","url":"index\.html")/,
      '$1a-new-version$2',
    );
    expect(deployedScript).not.toBe(script);
    writeFileSync(worker, deployedScript);
    await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      await registration?.update();
    });
    await expect
      .poll(
        () =>
          page.evaluate(
            async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state,
          ),
        {
          timeout: 15_000,
        },
      )
      .toBe('installed');

    // Mid-survey nothing happens: same page, same question, the new version waits, and
    // still waits after every answer the patron gives (checked again before the submit).
    const sameDocument = () =>
      page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument);
    await expect(sameDocument()).resolves.toBe(true);
    await kiosk.expectQuestion(questionOf(survey, 'todays-visit'));

    // The patron finishes; on the welcome screen the new version takes over.
    const answers = patronAnswers('en');
    for (const question of survey.questions.slice(1)) {
      await kiosk.expectQuestion(question);
      const value = answers[question.id];
      if (value === undefined) await kiosk.button('question.skip').click();
      else {
        await kiosk.answer(question, value);
        await kiosk.next();
      }
    }
    await expect(sameDocument()).resolves.toBe(true);
    await kiosk.button('review.submit').click();
    await kiosk.button('thanks.done').click();
    await expect
      .poll(
        () =>
          page.evaluate(
            () => (window as unknown as { sameDocument?: boolean }).sameDocument ?? false,
          ),
        {
          timeout: 15_000,
        },
      )
      .toBe(false);
    await kiosk.button('welcome.start').waitFor();
    expect(
      await page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
      ),
    ).toBeNull();
    expect((await readResponses(page)).map((r) => [r.status, r.completed])).toEqual([
      ['queued', true],
    ]);
    // The new page; once the new version has activated, its shell cache is the only one,
    // and holds the new page (src/worker/static-routes.ts).
    expect(await page.locator('meta[name="app-build"]').count()).toBe(1);
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state), {
        timeout: 15_000,
      })
      .toBe('activated');
    const shellCaches = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('app-shell-'));
      const pages = await Promise.all(
        names.map(async (name) => (await (await caches.open(name)).match('/'))?.text()),
      );
      return pages.map((html) => html?.includes('name="app-build"') ?? false);
    });
    expect(shellCaches).toEqual([true]);
  });
});
