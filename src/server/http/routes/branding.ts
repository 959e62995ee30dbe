/**
 * GET /branding/:branchId/logo: a branch's logo, for its kiosks' welcome screen. Public, as
 * the logo is on the library's door anyway. Served with the type its bytes were checked
 * as, never sniffed, and under a policy that lets an SVG run nothing and load nothing.
 * With `?v=` naming the current version the file never changes, so it is cached for a
 * year; otherwise it is revalidated.
 */
import { Hono } from 'hono';
import { BranchIdSchema } from '../../../shared/contract/ids';
import { safeParseInput } from '../../../shared/contract/parse';
import { findBranchLogo, type Storage } from '../../storage';
import { notFound } from '../errors';

/** An SVG opened on its own may style itself and do nothing else. */
export const LOGO_CSP = "default-src 'none'; style-src 'unsafe-inline'";

export function brandingRoutes({ storage }: { storage: Storage }) {
  return new Hono().get('/branding/:branchId/logo', async (c) => {
    const branchId = c.req.param('branchId');
    if (!safeParseInput(BranchIdSchema, branchId).success) throw notFound('no such branch');
    const logo = await findBranchLogo(storage, branchId);
    if (!logo) throw notFound(`branch ${branchId} has no logo`);
    const etag = `"${logo.hash}"`;
    const version = c.req.query('v');
    const headers: Record<string, string> = {
      'Content-Type': logo.contentType,
      'Content-Security-Policy': LOGO_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': `inline; filename="logo.${logo.contentType === 'image/png' ? 'png' : 'svg'}"`,
      'Cache-Control':
        version !== undefined && logo.hash.startsWith(version) && version.length >= 8
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      ETag: etag,
    };
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(logo.bytes), 200, headers);
  });
}
