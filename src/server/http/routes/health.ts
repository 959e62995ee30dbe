/** GET /health: is the collector up, and does its database answer. */
import { Hono } from 'hono';
import { ping } from '../../storage';
import type { ResolvedDeps } from '../deps';

export function healthRoutes({ storage, now, logError }: ResolvedDeps): Hono {
  return new Hono().get('/health', async (c) => {
    const about = { database: storage.dialect, serverTime: now().toISOString() };
    try {
      await ping(storage);
    } catch (error) {
      logError(error);
      return c.json(
        { status: 'unavailable', ...about, message: 'the database does not answer' },
        503,
      );
    }
    return c.json({ status: 'ok', ...about });
  });
}
