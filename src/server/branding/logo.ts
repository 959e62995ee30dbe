/**
 * A branch's logo: what the collector takes (a PNG or an SVG, by its bytes, not its name;
 * at most MAX_LOGO_BYTES) and the URL devices fetch it from. An SVG is only ever shown
 * as an image (no script runs there) and is served under a policy that allows nothing but
 * its own inline styles; still, one with a script, an event handler, an entity or a
 * foreign object is refused: a logo has no use for them.
 */
import { createHash } from 'node:crypto';

/** A logo is small: a welcome screen shows it a few centimetres wide. */
export const MAX_LOGO_BYTES = 200 * 1024;

export const LOGO_TYPES = ['image/png', 'image/svg+xml'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** What an SVG logo may not hold (case-insensitive). */
const SVG_REFUSED: readonly [RegExp, string][] = [
  [/<script/i, 'a script'],
  [/<!DOCTYPE|<!ENTITY/i, 'a document type or entity'],
  [/<foreignObject/i, 'a foreign object'],
  [/\son[a-z]+\s*=/i, 'an event handler'],
  [/(?:href|src)\s*=\s*["']?\s*(?:javascript|data|https?):/i, 'a link to another resource'],
];

export type LogoCheck =
  | { ok: true; contentType: LogoType; hash: string }
  | { ok: false; message: string };

function isSvg(bytes: Buffer): boolean | string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  // An optional BOM, XML declaration and comments, then the <svg> element.
  const start = text
    .replace(/^\uFEFF/, '')
    .replace(/^\s*<\?xml[^>]*\?>/, '')
    .replace(/^(?:\s*<!--[\s\S]*?-->)*/, '')
    .trimStart();
  if (!/^<svg[\s>]/.test(start)) return false;
  for (const [pattern, what] of SVG_REFUSED) {
    if (pattern.test(text)) return `the SVG holds ${what}; save it as a plain SVG or a PNG`;
  }
  return true;
}

/** The file staff gave as a logo, or why it is refused. */
export function checkLogo(bytes: Buffer): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: 'the file is empty' };
  if (bytes.length > MAX_LOGO_BYTES) {
    return {
      ok: false,
      message: `the file is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB (make it smaller, or use an SVG)`,
    };
  }
  const hash = createHash('sha256').update(bytes).digest('hex');
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    return { ok: true, contentType: 'image/png', hash };
  }
  const svg = isSvg(bytes);
  if (typeof svg === 'string') return { ok: false, message: svg };
  if (svg) return { ok: true, contentType: 'image/svg+xml', hash };
  return { ok: false, message: 'the file is neither a PNG nor an SVG image' };
}

/** The path a device fetches a branch's logo from; it changes when the logo does. */
export function logoPath(branchId: string, hash: string): string {
  return `/branding/${branchId}/logo?v=${hash.slice(0, 16)}`;
}
