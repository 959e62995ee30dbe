/**
 * Phone mode: the page a visitor's phone opens from a poster's QR code, `/s/<token>` on
 * the collector. main.tsx only checks the path's prefix `/s/` (a kiosk's first screen
 * carries no schema library); the token itself is checked here, in the phone's chunk.
 */
import { LINK_TOKEN_PATTERN } from '../../shared/contract/public-link';

/** The link token of a public link's page, or undefined when the path holds none. */
export function phoneLinkToken(pathname: string): string | undefined {
  // A token is base64url: nothing in it is percent-encoded, so the path holds it as it is.
  const token = /^\/s\/([^/]+)\/?$/.exec(pathname)?.[1];
  return token !== undefined && LINK_TOKEN_PATTERN.test(token) ? token : undefined;
}
