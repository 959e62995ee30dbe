/**
 * The first API replies a phone needs, read from its page: the collector writes a public
 * link's state and its survey's package into the page it serves for `/s/<token>`
 * (server/http/app.ts, as a JSON data block beside the first screen), so the phone does not
 * wait a round trip for each on mobile data. `withPageReplies` answers each such GET once
 * from the page, as a Response like the collector's; everything after (a retry, a later
 * read, any POST) goes to the collector. The replies go through the same checks as the
 * collector's (sync/public-link.ts reads them with the contract's schemas).
 */
import { z } from 'zod/mini';
import { safeParseInput } from '../../shared/contract/parse';
import type { FetchLike } from '../sync/http';

/** The data block's id in the page. */
export const PAGE_REPLIES_ID = 'page-replies';

const PageRepliesSchema = z.record(
  z.string(),
  z.object({ etag: z.optional(z.string()), body: z.unknown() }),
);

export type PageReplies = Map<string, { etag?: string | undefined; body: unknown }>;

/** The replies the page carries, by API path; none when it carries none or not as written. */
export function pageReplies(doc: Pick<Document, 'getElementById'>): PageReplies {
  const text = doc.getElementById(PAGE_REPLIES_ID)?.textContent;
  if (!text) return new Map();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return new Map();
  }
  const parsed = safeParseInput(PageRepliesSchema, json);
  return parsed.success ? new Map(Object.entries(parsed.data)) : new Map();
}

/** `deps` whose fetch answers a GET of a path in `replies` from there, once. */
export function withPageReplies<D extends { baseUrl: string; fetch: FetchLike }>(
  deps: D,
  replies: PageReplies,
): D {
  return {
    ...deps,
    fetch: (url, init) => {
      const path = url.startsWith(deps.baseUrl) ? url.slice(deps.baseUrl.length) : url;
      const reply = (init.method ?? 'GET').toUpperCase() === 'GET' ? replies.get(path) : undefined;
      if (!reply) return deps.fetch(url, init);
      replies.delete(path);
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (reply.etag) headers.ETag = reply.etag;
      return Promise.resolve(new Response(JSON.stringify(reply.body), { status: 200, headers }));
    },
  };
}
