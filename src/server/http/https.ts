/**
 * Whether the collector is served over HTTPS, and the Strict-Transport-Security header that
 * follows from it: a browser that once reached the collector over HTTPS then refuses plain
 * HTTP to it for a year, so a man in the middle on the library's Wi-Fi cannot downgrade it.
 */
import type { Context, MiddlewareHandler } from 'hono';

/**
 * One year. No includeSubDomains (the library's other sites are not ours) and no preload
 * (a preload list entry is hard to undo).
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000';

/**
 * The request came over HTTPS, or PUBLIC_URL is https: behind a TLS-terminating proxy the
 * request itself arrives as http, and PUBLIC_URL is what says the browser used HTTPS.
 */
export function servedOverHttps(c: Context, publicUrl: string | undefined): boolean {
  return new URL(c.req.url).protocol === 'https:' || publicUrl?.startsWith('https:') === true;
}

/** Sends Strict-Transport-Security on every reply (errors included) when served over HTTPS. */
export function strictTransport(publicUrl: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (servedOverHttps(c, publicUrl)) {
      c.res.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    }
  };
}
