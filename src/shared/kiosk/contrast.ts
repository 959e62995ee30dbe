/**
 * Whether a branch's accent colour can be read on the kiosk: WCAG 2.x contrast from the
 * relative-luminance formula. The collector refuses an accent under AA's 4.5:1 for normal
 * text against the kiosk's background, so a branch's look never costs a patron legibility.
 */

/** The kiosk's background (styles.css, --background). */
export const KIOSK_BACKGROUND = '#ffffff';

/** WCAG 2.x AA for normal text (1.4.3). */
export const MIN_ACCENT_CONTRAST = 4.5;

/** "#rrggbb", the only form an accent is stored and sent in. */
export const HEX_COLOUR_PATTERN = /^#[0-9a-f]{6}$/;

/** "#1D4F91", "1d4f91" or "#14b" as "#1d4f91"-style lower case; undefined when it is none. */
export function normaliseHexColour(text: string): string | undefined {
  const bare = text.trim().toLowerCase().replace(/^#/, '');
  if (/^[0-9a-f]{3}$/.test(bare)) {
    return `#${[...bare].map((c) => c + c).join('')}`;
  }
  return /^[0-9a-f]{6}$/.test(bare) ? `#${bare}` : undefined;
}

/** The channel's linear value (WCAG: sRGB companded). */
function linear(channel255: number): number {
  const c = channel255 / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of a "#rrggbb", 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = (value >> 16) & 0xff;
  const g = (value >> 8) & 0xff;
  const b = value & 0xff;
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** (L1 + 0.05) / (L2 + 0.05), the lighter over the darker: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

export type AccentCheck = { ok: true; accent: string } | { ok: false; message: string };

/** An accent staff typed, normalised, or why it is refused. */
export function checkAccent(text: string, background = KIOSK_BACKGROUND): AccentCheck {
  const accent = normaliseHexColour(text);
  if (!accent) return { ok: false, message: `"${text}" is not a colour such as #1d4f91` };
  const ratio = contrastRatio(accent, background);
  if (ratio < MIN_ACCENT_CONTRAST) {
    return {
      ok: false,
      message: `${accent} has a contrast of ${ratio.toFixed(2)}:1 against the kiosk's background ${background}; it needs at least ${MIN_ACCENT_CONTRAST}:1 to be read: choose a darker shade`,
    };
  }
  return { ok: true, accent };
}
