/** GET /health (API.health): is the collector up, and does its database answer. */
import { Hono } from 'hono';
import { API, type ReplyBody } from '../../../shared/contract/api';
import { ping } from '../../storage';
import type { ResolvedDeps } from '../deps';

type HealthReply = ReplyBody<typeof API.health>;

export function healthRoutes({ storage, now, logError }: ResolvedDeps): Hono {
  const { method, path } = API.health;
  return new Hono().on(method, path, async (c) => {
    const about = { database: storage.dialect, serverTime: now().toISOString() };
    try {
      await ping(storage);
    } catch (error) {
      logError(error);
      const reply: HealthReply = {
        status: 'unavailable',
        ...about,
        message: 'the database does not answer',
      };
      return c.json(reply, 503);
    }
    return c.json({ status: 'ok', ...about } satisfies HealthReply);
  });
}
