/**
 * The app's Content-Security-Policy, in one place: SECURITY_HEADERS (app.ts) sends it with
 * every answer, and a page that carries inline content of its own (a public link's page
 * with its first screen written in, first-screen.ts) sends the same policy with that
 * content's hashes added to `script-src` / `style-src`, and nothing else loosened: no
 * 'unsafe-inline', every other directive as it is.
 */
import { createHash } from 'node:crypto';

/**
 * The Preact app has no inline scripts or styles, so everything may come from 'self' only.
 * Keys as Hono's secureHeaders takes them (camelCase); contentPolicy() writes them the way
 * it does.
 */
export const CONTENT_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // Vite inlines small images as data: URLs.
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const satisfies Record<string, readonly string[]>;

/** A CSP hash source for an inline element's exact text: `'sha256-…'`. */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** `scriptSrc` → `script-src`, as secureHeaders writes a directive's name. */
function directiveName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/**
 * The header's value: CONTENT_POLICY with the given inline scripts and styles allowed by
 * their SHA-256 hashes.
 */
export function contentPolicy(inline: { scripts?: string[]; styles?: string[] } = {}): string {
  const extra: Partial<Record<keyof typeof CONTENT_POLICY, string[]>> = {
    scriptSrc: (inline.scripts ?? []).map(sha256Source),
    styleSrc: (inline.styles ?? []).map(sha256Source),
  };
  return Object.entries(CONTENT_POLICY)
    .map(([key, sources]) => {
      const all = [...sources, ...(extra[key as keyof typeof CONTENT_POLICY] ?? [])];
      return [directiveName(key), ...new Set(all)].join(' ');
    })
    .join('; ');
}
