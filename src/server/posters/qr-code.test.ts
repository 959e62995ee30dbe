/**
 * The codes decode to the link, as a phone's scanner reads them (jsQR), and carry what the
 * poster promises: error correction Q, read from the code's own format bits, and a quiet
 * zone of 4 white modules on every side.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { QR_PNG_MIN_PIXELS, QR_QUIET_ZONE_MODULES, qrModuleCount, qrPng, qrSvg } from './qr-code';

const URL_OF_LINK = 'https://survey.library.example/s/O0o1lI-_Qm7Kx2Zb9R00Wv8Ny3Hs6Jd5';

interface Bitmap {
  width: number;
  height: number;
  /** RGBA, as pngjs and jsQR hold it. */
  data: Uint8ClampedArray;
}

const readPng = (png: Buffer): Bitmap => {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: new Uint8ClampedArray(image.data) };
};

const dark = (image: Bitmap, x: number, y: number) =>
  (image.data[(y * image.width + x) * 4] ?? 255) < 128;

/** The module grid of a code drawn with a quiet zone of `quiet` modules, `pixels` per module. */
function modules(image: Bitmap, quiet: number, pixels: number) {
  return (row: number, column: number) =>
    dark(
      image,
      Math.floor((column + quiet + 0.5) * pixels),
      Math.floor((row + quiet + 0.5) * pixels),
    );
}

/**
 * The error correction level in a code's format information, read as ISO/IEC 18004 lays it
 * out beside the top-left finder: 15 bits, masked with 101010000010010, whose first two
 * say the level (01 L, 00 M, 11 Q, 10 H).
 */
function errorCorrection(module: (row: number, column: number) => boolean): string {
  const cells: [number, number][] = [
    ...[0, 1, 2, 3, 4, 5].map((column): [number, number] => [8, column]),
    [8, 7],
    [8, 8],
    [7, 8],
    ...[5, 4, 3, 2, 1, 0].map((row): [number, number] => [row, 8]),
  ];
  const bits = cells.reduce((acc, [row, column]) => (acc << 1) | (module(row, column) ? 1 : 0), 0);
  const level = ((bits ^ 0b101010000010010) >> 13) & 0b11;
  return ['M', 'L', 'H', 'Q'][level] ?? '?';
}

/** Draws the library's SVG path (M x y, m dx 0, h n: one stroke per run of dark modules). */
function rasterizeSvg(svg: string, pixels: number): Bitmap {
  const side = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? '';
  const width = side * pixels;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, a = '', b = ''] of path.matchAll(/([Mmh])([\d.]+)(?: ([\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (command === 'm') x += Number(a);
    else {
      for (let column = x; column < x + Number(a); column++) {
        for (let py = y * pixels; py < (y + 1) * pixels; py++) {
          for (let px = column * pixels; px < (column + 1) * pixels; px++) {
            data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
          }
        }
      }
      x += Number(a);
    }
  }
  return { width, height: width, data };
}

describe('the reader of format bits', () => {
  it.each(['L', 'M', 'Q', 'H'] as const)(
    'reads level %s from a code drawn at that level',
    async (level) => {
      const image = readPng(
        await QRCode.toBuffer(URL_OF_LINK, { errorCorrectionLevel: level, margin: 4, scale: 10 }),
      );
      expect(errorCorrection(modules(image, 4, 10))).toBe(level);
    },
  );
});

describe('the QR code of a link', () => {
  it('is a PNG of whole pixels per module, at least 1024 px, that decodes to the link', async () => {
    const image = readPng(await qrPng(URL_OF_LINK));
    const size = await qrModuleCount(URL_OF_LINK);
    const side = size + 2 * QR_QUIET_ZONE_MODULES;
    expect(image.width).toBe(image.height);
    expect(image.width).toBeGreaterThanOrEqual(QR_PNG_MIN_PIXELS);
    expect(image.width % side).toBe(0);

    const decoded = jsQR(image.data, image.width, image.height);
    expect(decoded?.data).toBe(URL_OF_LINK);
    expect(size).toBe(17 + 4 * (decoded?.version ?? 0));
    const pixels = image.width / side;
    expect(errorCorrection(modules(image, QR_QUIET_ZONE_MODULES, pixels))).toBe('Q');
  });

  it('keeps a quiet zone of 4 white modules on every side of the PNG', async () => {
    const image = readPng(await qrPng(URL_OF_LINK));
    const pixels = image.width / ((await qrModuleCount(URL_OF_LINK)) + 2 * QR_QUIET_ZONE_MODULES);
    const quiet = QR_QUIET_ZONE_MODULES * pixels;
    for (let a = 0; a < image.width; a++) {
      for (let b = 0; b < quiet; b++) {
        for (const [x, y] of [
          [a, b],
          [b, a],
          [a, image.width - 1 - b],
          [image.width - 1 - b, a],
        ] as const) {
          if (dark(image, x, y)) throw new Error(`a dark pixel at ${x},${y} in the quiet zone`);
        }
      }
    }
    // The finders start right after it: the code is not drawn smaller than its box.
    expect(dark(image, quiet, quiet)).toBe(true);
    expect(dark(image, image.width - 1 - quiet, quiet)).toBe(true);
    expect(dark(image, quiet, image.width - 1 - quiet)).toBe(true);
  });

  it('is an SVG of the same code, quiet zone included in its viewBox, sized only when asked', async () => {
    const svg = await qrSvg(URL_OF_LINK);
    const side = (await qrModuleCount(URL_OF_LINK)) + 2 * QR_QUIET_ZONE_MODULES;
    expect(svg).toMatch(
      new RegExp(`^<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}"`),
    );
    // The first dark module is the top-left finder's corner, 4 modules in from each edge.
    expect(svg).toContain(`d="M${QR_QUIET_ZONE_MODULES} ${QR_QUIET_ZONE_MODULES + 0.5}h7`);
    // A white background fills the whole box, quiet zone included.
    expect(svg).toContain(`<path fill="#ffffff" d="M0 0h${side}v${side}H0z"/>`);

    const image = rasterizeSvg(svg, 8);
    expect(jsQR(image.data, image.width, image.height)?.data).toBe(URL_OF_LINK);
    expect(errorCorrection(modules(image, QR_QUIET_ZONE_MODULES, 8))).toBe('Q');

    expect(await qrSvg(URL_OF_LINK, '80mm')).toMatch(/^<svg width="80mm" height="80mm" xmlns=/);
  });
});
