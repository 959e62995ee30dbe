/**
 * The client's address as the collector sees it, for throttles. Behind a reverse proxy
 * every client shares the proxy's: forwarded headers are not trusted, since any client
 * could send them.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The client's address; "unknown" outside Node (tests through app.request()). */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
