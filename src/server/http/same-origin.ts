/**
 * Cross-site request forgery stops here: a request that changes something (POST, PUT,
 * PATCH, DELETE) and carries an Origin header must come from the collector's own origin.
 * Browsers send Origin on every such request, so one that carries the staff cookie, or
 * signs in, must carry it. Kiosks' bearer-token requests and scripts (curl) send none and
 * need none: their credential is not something a browser adds by itself.
 *
 * The collector's own origin is the request's own host, over either scheme (a
 * TLS-terminating proxy makes an https page's request arrive as http), or PUBLIC_URL's.
 * Another scheme on the same host is not another site's page: the session cookie is
 * SameSite=Strict, and browsers treat the schemes as different sites for it.
 */
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { ResolvedDeps } from './deps';
import { ApiProblem } from './errors';
import { STAFF_COOKIE } from './staff-auth';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type OriginVerdict = 'allowed' | 'foreign' | 'missing';

/** Whether a request may go on, by its Origin; table-tested. */
export function originVerdict(request: {
  method: string;
  url: string;
  origin: string | undefined;
  /** It carries the staff cookie, or signs in: a browser sends Origin with it. */
  mustCarryOrigin: boolean;
  publicUrl: string | undefined;
}): OriginVerdict {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return 'allowed';
  if (request.origin === undefined) return request.mustCarryOrigin ? 'missing' : 'allowed';
  let origin: URL;
  try {
    origin = new URL(request.origin);
  } catch {
    return 'foreign'; // "null" (a sandboxed frame, a file) or garbage
  }
  if (origin.protocol !== 'http:' && origin.protocol !== 'https:') return 'foreign';
  if (request.origin !== origin.origin) return 'foreign'; // a path, credentials, a trailing slash
  if (origin.host === new URL(request.url).host) return 'allowed';
  if (request.publicUrl && origin.origin === new URL(request.publicUrl).origin) return 'allowed';
  return 'foreign';
}

const REFUSALS: Record<Exclude<OriginVerdict, 'allowed'>, string> = {
  foreign: 'this request comes from another site; changes are made from the collector’s own pages',
  missing: 'a signed-in request that changes something must carry its Origin header',
};

function check(publicUrl: string | undefined, always: boolean): MiddlewareHandler {
  return async (c, next) => {
    const verdict = originVerdict({
      method: c.req.method,
      url: c.req.url,
      origin: c.req.header('origin'),
      mustCarryOrigin: always || getCookie(c, STAFF_COOKIE) !== undefined,
      publicUrl,
    });
    if (verdict !== 'allowed') throw new ApiProblem('forbidden', REFUSALS[verdict]);
    await next();
  };
}

/** For the whole API: state-changing requests from another origin are refused. */
export function sameOriginWrites({
  publicUrl,
}: Pick<ResolvedDeps, 'publicUrl'>): MiddlewareHandler {
  return check(publicUrl, false);
}

/** For signing in: the request must carry the collector's own Origin, cookie or not. */
export function requireOwnOrigin({
  publicUrl,
}: Pick<ResolvedDeps, 'publicUrl'>): MiddlewareHandler {
  return check(publicUrl, true);
}
