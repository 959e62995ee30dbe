/**
 * The QR code of a public link, drawn by the `qrcode` library. Error correction Q (a
 * quarter of the code may be lost): a poster gets scuffed, taped over at a corner and
 * photographed at an angle under a reading lamp, and a survey address is short enough that
 * the larger code stays easy to scan. The quiet zone of 4 modules that the standard asks
 * for is part of the image, so no layout can crop it away.
 */

/**
 * The library, loaded by the first code drawn (Node keeps it loaded from then on): a
 * collector draws a poster now and then, and one that never does keeps it out of memory.
 */
async function qrcode(): Promise<typeof import('qrcode')> {
  return (await import('qrcode')).default;
}

export const QR_ERROR_CORRECTION = 'Q';
/** White modules around the code, as ISO/IEC 18004 requires; scanners look for the edge. */
export const QR_QUIET_ZONE_MODULES = 4;
/** The PNG is at least this wide: 87 mm at 300 dpi, enough for a poster's code in print. */
export const QR_PNG_MIN_PIXELS = 1024;

const OPTIONS = {
  errorCorrectionLevel: QR_ERROR_CORRECTION,
  margin: QR_QUIET_ZONE_MODULES,
  color: { dark: '#000000', light: '#ffffff' },
} as const;

/** The code's side in modules, without the quiet zone (21 for version 1, 4 more per version). */
export async function qrModuleCount(url: string): Promise<number> {
  return (await qrcode()).create(url, OPTIONS).modules.size;
}

/**
 * The code as an SVG element with a viewBox: it scales to whatever box the poster gives it,
 * and prints sharp at any size. `side` (a CSS length such as "80mm") gives it a size of its
 * own, for a file placed into a word processor or a layout program.
 */
export async function qrSvg(url: string, side?: string): Promise<string> {
  const svg = (await (await qrcode()).toString(url, { ...OPTIONS, type: 'svg' })).trim();
  return side ? svg.replace(/^<svg\b/, `<svg width="${side}" height="${side}"`) : svg;
}

/**
 * The code as a PNG of whole pixels per module (a fraction of a pixel would make some
 * modules a pixel wider than others), at least QR_PNG_MIN_PIXELS wide.
 */
export async function qrPng(url: string): Promise<Buffer> {
  const side = (await qrModuleCount(url)) + 2 * QR_QUIET_ZONE_MODULES;
  return (await qrcode()).toBuffer(url, {
    ...OPTIONS,
    type: 'png',
    scale: Math.ceil(QR_PNG_MIN_PIXELS / side),
  });
}
