/**
 * The poster as a printer gets it: Chromium prints the page to PDF with the page's own
 * @page size, and each size must come out as exactly one sheet of A4 whose code still
 * decodes to the link. The route, the renderer and the QR code are the real ones, served
 * in-process; only the link storage is a map. A branch name and a title far too long for
 * the sheet must not push it onto a second page. Screenshots of each, on screen and as
 * printed, and the address close up, are left in test-results/posters/ for a person to
 * look at. The screen passes axe (WCAG 2.2 AA), and its Print button opens the dialog.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type ServerType, serve } from '@hono/node-server';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PosterLink, posterRoutes } from '../../src/server/http/routes/posters';
import { posterPath } from '../../src/shared/contract/public-link';
import { LANGUAGES } from '../../src/shared/languages';
import { builtInPackages } from '../../src/surveys/packages';
import { axeViolations } from './support/axe';
import { launchBrowser, type TestBrowser } from './support/browser';

const SHOTS = 'test-results/posters';
const BASE_URL = 'https://survey.library.example';
/** Every character a token may hold that a reader could mistake: 0 O o, 1 l I, - _. */
const TOKEN = 'O0o1lI-_Qm7Kx2Zb9R00Wv8Ny3Hs6Jd5';

const LINK: PosterLink = {
  token: TOKEN,
  branch: { id: 'reading-room', name: 'Reading room, Central library' },
  survey: { id: 'library-service-quality', version: 1 },
  state: 'open',
};

/** A link whose branch name and imported survey title run far longer than any layout. */
const LONG_TOKEN = 'Lo9ng8Ti7tl6Es5Ar4En3Tr2Im1Me0d_';
const LONG_LINK: PosterLink = {
  token: LONG_TOKEN,
  branch: { id: 'bookmobile', name: 'Bookmobile of the county library '.repeat(8) },
  survey: { id: 'imported', version: 3 },
  state: 'open',
};
const LONG_SURVEY = {
  title: 'title',
  translations: Object.fromEntries(
    LANGUAGES.map((l) => [l, { title: `Tell us about every service we offer (${l}) `.repeat(12) }]),
  ),
};

/** A4 in PostScript points, as Chromium writes the MediaBox: 210 × 297 mm. */
const A4_POINTS = { width: (210 / 25.4) * 72, height: (297 / 25.4) * 72 };

function pdfPages(pdf: Buffer): { count: number; mediaBoxes: number[][] } {
  const text = pdf.toString('latin1');
  const count = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) =>
    (m[1] ?? '').trim().split(/\s+/).map(Number),
  );
  return { count, mediaBoxes };
}

describe('the printed poster', () => {
  let server: ServerType;
  let origin: string;
  let browser: TestBrowser;

  beforeAll(async () => {
    const pkg = builtInPackages()[0];
    if (!pkg) throw new Error('no built-in survey');
    const app = posterRoutes({
      lookup: async (token) => [LINK, LONG_LINK].find((link) => link.token === token),
      survey: async (id) =>
        id === 'imported' ? LONG_SURVEY : { title: pkg.title, translations: pkg.translations },
      baseUrl: BASE_URL,
    });
    const port = await new Promise<number>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
        resolve(info.port),
      );
    });
    origin = `http://127.0.0.1:${port}`;
    browser = await launchBrowser({ viewport: { width: 1100, height: 1400 }, locale: 'hu-HU' });
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it.each([
    { size: 'a4', lead: 'en', token: TOKEN, shot: 'a4' },
    { size: 'a6', lead: 'hu', token: TOKEN, shot: 'a6' },
    { size: 'a4', lead: 'lt', token: LONG_TOKEN, shot: 'a4-long' },
    { size: 'a6', lead: 'ru', token: LONG_TOKEN, shot: 'a6-long' },
  ])(
    'prints $shot as exactly one A4 page whose codes decode to the link',
    async ({ size, lead, token, shot }) => {
      const page = await browser.context.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${origin}${posterPath(token)}?size=${size}&lang=${lead}`);

      // On screen, the toolbar in the staff member's language (the browser asks for Hungarian).
      await expect(page.getByRole('button', { name: 'Nyomtatás' }).isVisible()).resolves.toBe(true);
      await page.screenshot({ path: join(SHOTS, `${shot}-screen.png`), fullPage: true });
      expect(await axeViolations(page)).toEqual([]);
      // The style ran (its hash is in the policy): the sheet is A4 wide on screen.
      const sheetWidth = await page
        .locator('main')
        .evaluate((el) => el.getBoundingClientRect().width);
      expect(sheetWidth).toBeCloseTo((210 / 25.4) * 96, 0);
      // The script ran: the button opens the print dialog.
      await page.evaluate(() => {
        window.print = () => document.body.setAttribute('data-printed', 'yes');
      });
      await page.getByRole('button', { name: 'Nyomtatás' }).click();
      await page.waitForSelector('body[data-printed="yes"]');

      // The address close up, as someone typing it reads it.
      await page.evaluate(() => document.documentElement.style.setProperty('zoom', '4'));
      await page
        .locator('.url')
        .first()
        .screenshot({ path: join(SHOTS, `${shot}-address.png`) });
      await page.evaluate(() => document.documentElement.style.removeProperty('zoom'));

      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(SHOTS, `${shot}.pdf`), pdf);
      const { count, mediaBoxes } = pdfPages(pdf);
      expect(count).toBe(1);
      const [, , width = 0, height = 0] = mediaBoxes[0] ?? [];
      expect(width).toBeCloseTo(A4_POINTS.width, 0);
      expect(height).toBeCloseTo(A4_POINTS.height, 0);

      // Nothing is cut off: every face holds all it shows (long texts are shortened instead).
      for (const panel of await page.locator('.panel').all()) {
        const { content, box } = await panel.evaluate((el) => ({
          content: el.scrollHeight,
          box: el.clientHeight,
        }));
        expect(content).toBeLessThanOrEqual(box);
      }

      // As printed: no toolbar, and every code on the sheet decodes to the link.
      await page.emulateMedia({ media: 'print' });
      await expect(page.getByRole('button').isVisible()).resolves.toBe(false);
      await page.locator('main').screenshot({ path: join(SHOTS, `${shot}-print.png`) });
      const codes = page.locator('.qr');
      await expect(codes.count()).resolves.toBe(size === 'a4' ? 1 : 4);
      for (const code of await codes.all()) {
        const png = PNG.sync.read(await code.screenshot());
        const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
        expect(decoded?.data).toBe(`${BASE_URL}/s/${token}`);
      }

      // The page's policy let its one style and one script run, and refused nothing.
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});
